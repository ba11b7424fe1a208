using Dapper;
using Npgsql;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Infrastructure.Sql;
using SkillHub.Functions.Notifications;
using SkillHub.Functions.Tests.Auth;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Notifications;

/// <summary>
/// The outbox write that follows a registration's document, on real PostgreSQL: it commits without
/// waiting for the WAL flush, and that setting must never outlive its own statement, or the next
/// user of the pooled connection (a seat being taken) would commit without it too.
/// </summary>
public sealed class NotificationOutboxTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    // As the app builds its pool (no reset on close, so a leaked setting would stay), with one connection.
    private readonly NpgsqlDataSource _single = Database.CreateDataSource(
        new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 1 }.ConnectionString);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _single.DisposeAsync();

    [Fact]
    public async Task EnqueueFromHistory_CountsOnlyTheNewRows_AndWritesEachKeyOnce()
    {
        var outbox = Outbox();
        var user = await StoredUsers.InsertAsync(database.DataSource, Roles.Participant);
        Notice[] notices = [Confirmed(user.Id), Confirmed(user.Id)];

        var first = await outbox.EnqueueFromHistoryAsync(notices, CancellationToken.None);
        var again = await outbox.EnqueueFromHistoryAsync([notices[0]], CancellationToken.None);

        Assert.Equal(2, first);
        Assert.Equal(0, again);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(
            notices.Select(n => n.Key).Order(StringComparer.Ordinal),
            (await connection.QueryAsync<string>("SELECT message_key FROM notifications WHERE user_id = @Id", new { user.Id })).Order(StringComparer.Ordinal));
        Assert.Equal(user.Email, await connection.ExecuteScalarAsync<string>("SELECT DISTINCT recipient FROM notifications WHERE user_id = @Id", new { user.Id }));
    }

    [Fact]
    public async Task EnqueueFromHistory_LeavesThePooledConnectionCommittingDurably()
    {
        var outbox = Outbox();
        var user = await StoredUsers.InsertAsync(database.DataSource, Roles.Participant);

        await outbox.EnqueueFromHistoryAsync([Confirmed(user.Id)], CancellationToken.None);

        // The data source has one connection: this is the one the write used, as the pool handed it back.
        await using var connection = await _single.OpenConnectionAsync();
        Assert.Equal("on", await connection.ExecuteScalarAsync<string>("SHOW synchronous_commit"));
    }

    [Fact]
    public async Task EnqueueFromHistory_ForNoOneWhoExists_WritesNothing_AndStillLeavesTheSettingAlone()
    {
        var outbox = Outbox();

        var written = await outbox.EnqueueFromHistoryAsync([Confirmed(Guid.CreateVersion7())], CancellationToken.None);

        Assert.Equal(0, written);
        await using var connection = await _single.OpenConnectionAsync();
        Assert.Equal("on", await connection.ExecuteScalarAsync<string>("SHOW synchronous_commit"));
    }

    private NotificationOutbox Outbox() => new(_single, new NotificationSignal(), TimeProvider.System);

    private static Notice Confirmed(Guid userId)
    {
        var registrationId = Guid.CreateVersion7();
        return new Notice($"{NotificationEvents.Confirmed}:{registrationId}:0", NotificationEvents.Confirmed, userId, Guid.CreateVersion7(), registrationId, """{"entry":0}""");
    }
}
