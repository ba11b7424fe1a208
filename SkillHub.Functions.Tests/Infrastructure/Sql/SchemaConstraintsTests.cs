using Dapper;
using Npgsql;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Auth;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Infrastructure.Sql;

/// <summary>The database itself refuses impossible rows, whatever code writes them.</summary>
public sealed class SchemaConstraintsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string CheckViolation = "23514";
    private const string UniqueViolation = "23505";

    [Fact]
    public async Task Workshops_AcceptAValidRow()
    {
        await InsertWorkshopAsync(capacity: 20, length: TimeSpan.FromHours(2), seatsTaken: 20, status: "published");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10001)]
    public async Task Workshops_RefuseACapacityOutside1To10000(int capacity)
    {
        var refused = await Assert.ThrowsAsync<PostgresException>(() => InsertWorkshopAsync(capacity: capacity));

        Assert.Equal(CheckViolation, refused.SqlState);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public async Task Workshops_RefuseAnEndNotAfterTheStart(int minutes)
    {
        var refused = await Assert.ThrowsAsync<PostgresException>(() => InsertWorkshopAsync(length: TimeSpan.FromMinutes(minutes)));

        Assert.Equal(CheckViolation, refused.SqlState);
    }

    [Fact]
    public async Task Workshops_RefuseMoreSeatsTakenThanTheCapacity()
    {
        var refused = await Assert.ThrowsAsync<PostgresException>(() => InsertWorkshopAsync(capacity: 10, seatsTaken: 11));

        Assert.Equal(CheckViolation, refused.SqlState);
    }

    [Fact]
    public async Task Workshops_RefuseAnUnknownStatus()
    {
        var refused = await Assert.ThrowsAsync<PostgresException>(() => InsertWorkshopAsync(status: "archived"));

        Assert.Equal(CheckViolation, refused.SqlState);
    }

    [Fact]
    public async Task Users_RefuseAnEmailThatDiffersOnlyInCase()
    {
        await InsertUserAsync("Carol@Example.test");

        var refused = await Assert.ThrowsAsync<PostgresException>(() => InsertUserAsync("carol@example.TEST"));

        Assert.Equal(UniqueViolation, refused.SqlState);
    }

    [Fact]
    public async Task Users_RefuseAnUnknownRole()
    {
        var refused = await Assert.ThrowsAsync<PostgresException>(() => InsertUserAsync($"dave-{Guid.NewGuid():N}@example.test", role: "root"));

        Assert.Equal(CheckViolation, refused.SqlState);
    }

    private async Task InsertUserAsync(string email, string role = Roles.Participant)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "INSERT INTO users (id, email, display_name, password_hash, role) VALUES (@id, @email, 'Test', 'x', @role)",
            new { id = Guid.NewGuid(), email, role });
    }

    private async Task InsertWorkshopAsync(int capacity = 10, TimeSpan? length = null, int seatsTaken = 0, string status = "draft")
    {
        var trainer = await StoredUsers.InsertAsync(database.DataSource, Roles.Trainer);
        var startsAt = DateTime.UtcNow.AddDays(7);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO workshops (id, title, trainer_id, starts_at, ends_at, location, capacity, seats_taken, status)
            VALUES (@id, 'Constraint test', @trainer, @startsAt, @endsAt, 'Room 1', @capacity, @seatsTaken, @status)
            """,
            new { id = Guid.NewGuid(), trainer = trainer.Id, startsAt, endsAt = startsAt + (length ?? TimeSpan.FromHours(2)), capacity, seatsTaken, status });
    }
}
