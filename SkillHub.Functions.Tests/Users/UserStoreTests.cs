using Dapper;
using SkillHub.Functions.Auth;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Users;
using SkillHub.Functions.Tests.Auth;

namespace SkillHub.Functions.Tests.Users;

/// <summary>Each test starts from an empty users table: "the last admin" must mean the same thing in every test.</summary>
public sealed class UserStoreTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly UserStore _store = new(database.DataSource);

    public async Task InitializeAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("TRUNCATE users CASCADE");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TryInsert_AnEmailTakenInAnotherCase_ReturnsFalse()
    {
        await StoredUsers.InsertAsync(database.DataSource, Roles.Participant, email: "Ann.Smith@Example.test");

        var now = DateTime.UtcNow;
        var inserted = await _store.TryInsertAsync(
            new UserRecord(Guid.NewGuid(), "ann.smith@EXAMPLE.TEST", "Other Ann", StoredUsers.UnusablePasswordHash, Roles.Participant, false, now, now),
            CancellationToken.None);

        Assert.False(inserted);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM users"));
    }

    [Fact]
    public async Task FindByEmail_InAnotherCase_FindsTheUser()
    {
        var user = await StoredUsers.InsertAsync(database.DataSource, Roles.Participant, email: "Ann.Smith@Example.test");

        var found = await _store.FindByEmailAsync("ann.smith@example.TEST", CancellationToken.None);

        Assert.Equal(user.Id, found?.Id);
    }

    public static TheoryData<string?, bool?> AdminLosses { get; } = new() { { Roles.Trainer, null }, { null, true } };

    [Theory]
    [MemberData(nameof(AdminLosses))]
    public async Task Update_DemotingOrDisablingTheLastActiveAdmin_IsAConflict_AndChangesNothing(string? role, bool? disabled)
    {
        var admin = await StoredUsers.InsertAsync(database.DataSource, Roles.Admin);

        var outcome = await _store.UpdateAsync(admin.Id, new UpdateUserRequest(role, null, disabled), CancellationToken.None);

        Assert.Equal(FailureKind.Conflict, outcome.Failure?.Kind);
        var stored = await _store.FindAsync(admin.Id, CancellationToken.None);
        Assert.Equal((Roles.Admin, false), (stored!.Role, stored.Disabled));
    }

    [Fact]
    public async Task Update_DemotingTheOnlyActiveAdmin_IsAConflict_EvenWhenADisabledAdminExists()
    {
        var admin = await StoredUsers.InsertAsync(database.DataSource, Roles.Admin);
        await StoredUsers.InsertAsync(database.DataSource, Roles.Admin, disabled: true);

        var outcome = await _store.UpdateAsync(admin.Id, new UpdateUserRequest(Roles.Participant, null, null), CancellationToken.None);

        Assert.Equal(FailureKind.Conflict, outcome.Failure?.Kind);
    }

    [Theory]
    [MemberData(nameof(AdminLosses))]
    public async Task Update_DemotingOrDisablingAnAdmin_WhileAnotherAdminIsActive_Succeeds(string? role, bool? disabled)
    {
        var admin = await StoredUsers.InsertAsync(database.DataSource, Roles.Admin);
        await StoredUsers.InsertAsync(database.DataSource, Roles.Admin);

        var outcome = await _store.UpdateAsync(admin.Id, new UpdateUserRequest(role, null, disabled), CancellationToken.None);

        var expected = (role ?? Roles.Admin, disabled ?? false);
        Assert.Equal(expected, (outcome.Value!.Role, outcome.Value.Disabled));
        var stored = await _store.FindAsync(admin.Id, CancellationToken.None);
        Assert.Equal(expected, (stored!.Role, stored.Disabled));
    }

    [Fact]
    public async Task Update_DisablingAUser_RevokesTheirRefreshTokens()
    {
        var user = await StoredUsers.InsertAsync(database.DataSource, Roles.Participant);
        var refreshTokens = new RefreshTokenStore(database.DataSource, TimeProvider.System);
        var token = await refreshTokens.IssueAsync(user.Id, Guid.NewGuid(), TimeSpan.FromDays(14), CancellationToken.None);

        await _store.UpdateAsync(user.Id, new UpdateUserRequest(null, null, true), CancellationToken.None);

        Assert.Equal(0, await CountAsync("SELECT count(*) FROM refresh_tokens WHERE revoked_at IS NULL"));
        Assert.Null(await refreshTokens.RotateAsync(token, TimeSpan.FromDays(14), CancellationToken.None));
    }

    [Fact]
    public async Task Update_OnlyTheDisplayName_KeepsRoleAndFlag()
    {
        var user = await StoredUsers.InsertAsync(database.DataSource, Roles.Trainer);

        var outcome = await _store.UpdateAsync(user.Id, new UpdateUserRequest(null, "  New Name ", null), CancellationToken.None);

        Assert.Equal(("New Name", Roles.Trainer, false), (outcome.Value!.DisplayName, outcome.Value.Role, outcome.Value.Disabled));
    }

    [Fact]
    public async Task List_ByRole_GivesOnlyThatRole_PageByPage_WithTheTotal()
    {
        var trainers = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            trainers.Add((await StoredUsers.InsertAsync(database.DataSource, Roles.Trainer)).Id);
        }

        await StoredUsers.InsertAsync(database.DataSource, Roles.Participant);

        var first = await _store.ListAsync(Roles.Trainer, new PageRequest(1, 2), CancellationToken.None);
        var second = await _store.ListAsync(Roles.Trainer, new PageRequest(2, 2), CancellationToken.None);

        Assert.Equal(3, first.Total);
        Assert.Equal(trainers, first.Items.Concat(second.Items).Select(u => u.Id));
    }

    [Fact]
    public async Task AnyActiveAdmin_WithOnlyADisabledAdmin_IsFalse()
    {
        await StoredUsers.InsertAsync(database.DataSource, Roles.Admin, disabled: true);

        Assert.False(await _store.AnyActiveAdminAsync(CancellationToken.None));
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
