using System.Net;
using System.Net.Http.Headers;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Comments;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Comments;
using SkillHub.Functions.Tests.Registrations;
using SkillHub.Functions.Tests.Support;
using SkillHub.Standalone.Hosting;

namespace SkillHub.Functions.Tests.Backups;

/// <summary>The data the round trip brings back: users, two workshops, confirmed and waitlisted registrations, a comment.</summary>
public sealed class RestoreSourceFixture : BackupAppFixture, IAsyncLifetime
{
    public TestUser Trainer { get; private set; } = null!;

    public List<TestUser> Participants { get; private set; } = [];

    public Guid FullWorkshop { get; private set; }

    public Guid OpenWorkshop { get; private set; }

    public TestUser Admin { get; private set; } = null!;

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Admin = await CreateUserAsync(Roles.Admin);
        Trainer = await CreateUserAsync(Roles.Trainer);
        Participants = await RegistrationTestData.ParticipantsAsync(this, 3);
        (FullWorkshop, _) = await RegistrationTestData.PublishedWorkshopAsync(this, capacity: 2, Trainer);
        (OpenWorkshop, _) = await RegistrationTestData.PublishedWorkshopAsync(this, capacity: 3, Trainer);
        foreach (var participant in Participants)
        {
            Assert.Equal(HttpStatusCode.Created, (await RegistrationTestData.RegisterAsync(this, FullWorkshop, participant)).Status);
        }

        Assert.Equal(HttpStatusCode.Created, (await RegistrationTestData.RegisterAsync(this, OpenWorkshop, Participants[0])).Status);
        // Rated as an attendee would be after the end: written to the store, since the workshop has not started.
        var now = DateTime.UtcNow;
        await CommentTestData.Store(this).InsertAsync(
            new Comment(Guid.CreateVersion7(now), FullWorkshop, new CommentAuthor(Participants[0].Id, "Test participant"), "Très bien, merci !", 5, now, now),
            CancellationToken.None);
    }

    /// <summary>A backup set of the data as it is now; its folder.</summary>
    public async Task<string> BackUpAsync()
    {
        var set = await Services.GetRequiredService<BackupService>().CreateAsync(CancellationToken.None);
        return Path.Combine(BackupDirectory, set.Id);
    }

    /// <summary>A set taken after one more change: its manifest belongs to another set.</summary>
    public async Task<string> AnotherSetAsync()
    {
        using (var client = ClientFor(Participants[1]))
        using (await client.PostAsync($"/api/workshops/{OpenWorkshop}/comments", Json(new { body = "another set" })))
        {
        }

        return await BackUpAsync();
    }

    /// <summary>What the API answers about this data, as its trainer and participants read it.</summary>
    public async Task<List<string>> AnswersAsync(Uri baseAddress) =>
    [
        await GetAsync(baseAddress, Participants[0], "/api/workshops?pageSize=100"),
        await GetAsync(baseAddress, Trainer, $"/api/workshops/{FullWorkshop}/registrations?pageSize=100"),
        await GetAsync(baseAddress, Trainer, $"/api/workshops/{OpenWorkshop}/registrations?pageSize=100"),
        await GetAsync(baseAddress, Participants[0], "/api/me/registrations?pageSize=100"),
        await GetAsync(baseAddress, Participants[2], "/api/me/registrations?pageSize=100"),
        await GetAsync(baseAddress, Participants[1], $"/api/workshops/{FullWorkshop}/comments?pageSize=100"),
    ];

    /// <summary>The activity log as the admin reads it (every entry, newest first), without the entries of <paramref name="exceptAction"/>.</summary>
    public async Task<List<string>> ActivityAsync(Uri baseAddress, string? exceptAction = null)
    {
        using var page = System.Text.Json.JsonDocument.Parse(await GetAsync(baseAddress, Admin, "/api/admin/activity?pageSize=100"));
        var items = page.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(items.Count, page.RootElement.GetProperty("total").GetInt32());
        Assert.NotEmpty(items);
        return items.Where(item => item.GetProperty("action").GetString() != exceptAction).Select(item => item.GetRawText()).ToList();
    }

    public static async Task<string> GetAsync(Uri baseAddress, TestUser user, string path)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}

/// <summary>RestoreService and the `restore` verb: a verified set comes back whole into empty stores, reconciled; anything else is refused untouched.</summary>
public sealed class RestoreTests(RestoreSourceFixture source) : IClassFixture<RestoreSourceFixture>, IDisposable
{
    private readonly ScratchDirectory _scratch = new("restore");

    public void Dispose() => _scratch.Dispose();

    /// <summary>A fresh app over a fresh migrated database with no rows, and its own empty in-memory document stores.</summary>
    private sealed class Target : IAsyncDisposable
    {
        private Target(PostgresDatabase database, AppInstance app)
        {
            Database = database;
            App = app;
        }

        public PostgresDatabase Database { get; }

        public AppInstance App { get; }

        public RestoreService Restore => App.Services.GetRequiredService<RestoreService>();

        public static async Task<Target> StartAsync()
        {
            var database = new PostgresDatabase();
            await database.InitializeAsync();
            return new Target(database, await AppInstance.StartAsync(database.ConnectionString));
        }

        public async Task AssertEmptyAsync()
        {
            await using var connection = await Database.DataSource.OpenConnectionAsync();
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM workshops)"));
            foreach (var collection in App.Services.GetServices<IDocumentCollectionBackup>())
            {
                Assert.Equal(0, await collection.CountAsync(CancellationToken.None));
            }
        }

        public async ValueTask DisposeAsync()
        {
            await App.DisposeAsync();
            await Database.DisposeAsync();
        }
    }

    [Fact]
    public async Task ARoundTrip_IntoEmptyStores_AnswersTheApiIdentically()
    {
        var activity = await source.ActivityAsync(source.BaseAddress);
        var set = await source.BackUpAsync();
        await using var target = await Target.StartAsync();

        var summary = await target.Restore.RestoreAsync(set, force: false, CancellationToken.None);

        Assert.Empty(summary.Repairs);
        Assert.Equal(4, summary.Collections["registrations"]);
        Assert.True(summary.Collections["comments"] >= 1);
        Assert.Contains("waitlisted", await RestoreSourceFixture.GetAsync(target.App.BaseAddress, source.Participants[2], "/api/me/registrations?pageSize=100"), StringComparison.Ordinal);
        Assert.Equal(await source.AnswersAsync(source.BaseAddress), await source.AnswersAsync(target.App.BaseAddress));
        Assert.Equal(activity, await source.ActivityAsync(target.App.BaseAddress, exceptAction: BackupActivity.RestoredAction));
        var log = target.App.Services.GetRequiredService<IActivityLog>();
        var restored = (await log.QueryAsync(new ActivityQuery(Action: BackupActivity.RestoredAction), new PageRequest(1, 10), CancellationToken.None)).Items;
        Assert.Equal(Path.GetFileName(set), Assert.Single(restored).Target.Id);
    }

    [Fact]
    public async Task ARestore_RepairsAWrongSeatCount_AtOnce_AndLogsTheRepair()
    {
        await using (var connection = await source.Database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE workshops SET seats_taken = 3 WHERE id = @id", new { id = source.OpenWorkshop });
        }

        string set;
        try
        {
            set = await source.BackUpAsync();
        }
        finally
        {
            await using var connection = await source.Database.DataSource.OpenConnectionAsync();
            await connection.ExecuteAsync("UPDATE workshops SET seats_taken = 1 WHERE id = @id", new { id = source.OpenWorkshop });
        }

        await using var target = await Target.StartAsync();
        var summary = await target.Restore.RestoreAsync(set, force: false, CancellationToken.None);

        var repair = Assert.Single(summary.Repairs);
        Assert.Equal(new SeatRepair(source.OpenWorkshop, SeatReconciliation.SeatCountCorrected, 3, 1), repair);
        await using (var connection = await target.Database.DataSource.OpenConnectionAsync())
        {
            var wrong = await connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM workshops w WHERE seats_taken <> @confirmed AND id = @id", new { confirmed = 1, id = source.OpenWorkshop });
            Assert.Equal(0, wrong);
            Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT seats_taken FROM workshops WHERE id = @id", new { id = source.FullWorkshop }));
        }

        var log = target.App.Services.GetRequiredService<IActivityLog>();
        var entries = (await log.QueryAsync(new ActivityQuery(Action: SeatReconciliation.SeatCountCorrected), new PageRequest(1, 10), CancellationToken.None)).Items;
        var entry = Assert.Single(entries, e => e.Target.Id == source.OpenWorkshop.ToString());
        Assert.Equal("3", entry.Details["before"]);
        Assert.Equal("1", entry.Details["after"]);
    }

    [Theory]
    [MemberData(nameof(DamagedSets.Damages), MemberType = typeof(DamagedSets))]
    public async Task ADamagedSet_IsRefused_AndNothingChanges(string damage)
    {
        var set = await DamagedSets.DamageAsync(_scratch.CopyOf(await source.BackUpAsync()), damage, source.AnotherSetAsync);

        await using var target = await Target.StartAsync();

        var refused = await Assert.ThrowsAsync<BackupRejectedException>(() => target.Restore.RestoreAsync(set, force: true, CancellationToken.None));

        Assert.False(string.IsNullOrWhiteSpace(refused.Message));
        await target.AssertEmptyAsync();
    }

    [Fact]
    public async Task NonEmptyStores_AreRefusedWithoutForce_AndReplacedWithIt()
    {
        var set = await source.BackUpAsync();
        await using var target = await Target.StartAsync();
        await target.Restore.RestoreAsync(set, force: false, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => target.Restore.RestoreAsync(set, force: false, CancellationToken.None));
        Assert.Contains("force", refused.Message, StringComparison.Ordinal);

        var forced = await target.Restore.RestoreAsync(set, force: true, CancellationToken.None);
        Assert.Equal(4, forced.Collections["registrations"]);
        Assert.Equal(await source.AnswersAsync(source.BaseAddress), await source.AnswersAsync(target.App.BaseAddress));
    }

    [Fact]
    public async Task TheRestoreVerb_Exits2OnADamagedSet_WithTheReasonOnStderr()
    {
        var set = _scratch.CopyOf(await source.BackUpAsync());
        File.Delete(Path.Combine(set, "postgres.sql"));
        await using var target = await Target.StartAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await BackupCommands.ExecuteAsync(["restore", set], target.App.Services, output, error, CancellationToken.None);

        Assert.Equal(BackupCommands.Rejected, code);
        Assert.Contains("postgres.sql", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
        await target.AssertEmptyAsync();
    }

    [Fact]
    public async Task TheRestoreVerb_Exits0_AndPrintsTheSummary()
    {
        var set = await source.BackUpAsync();
        await using var target = await Target.StartAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await BackupCommands.ExecuteAsync(["restore", set], target.App.Services, output, error, CancellationToken.None);

        Assert.Equal(BackupCommands.Success, code);
        Assert.Contains($"Restored backup set {Path.GetFileName(set)}", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("collection registrations: 4 documents", output.ToString(), StringComparison.Ordinal);
    }
}
