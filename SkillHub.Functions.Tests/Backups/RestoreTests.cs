using System.Net;
using System.Net.Http.Headers;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Registrations;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Backups;

/// <summary>The data the round trip brings back: users, two workshops, confirmed and waitlisted registrations, a comment.</summary>
public sealed class RestoreSourceFixture : BackupAppFixture, IAsyncLifetime
{
    public TestUser Trainer { get; private set; } = null!;

    public List<TestUser> Participants { get; private set; } = [];

    public Guid FullWorkshop { get; private set; }

    public Guid OpenWorkshop { get; private set; }

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Trainer = await CreateUserAsync(Roles.Trainer);
        Participants = await RegistrationTestData.ParticipantsAsync(this, 3);
        (FullWorkshop, _) = await RegistrationTestData.PublishedWorkshopAsync(this, capacity: 2, Trainer);
        (OpenWorkshop, _) = await RegistrationTestData.PublishedWorkshopAsync(this, capacity: 3, Trainer);
        foreach (var participant in Participants)
        {
            Assert.Equal(HttpStatusCode.Created, (await RegistrationTestData.RegisterAsync(this, FullWorkshop, participant)).Status);
        }

        Assert.Equal(HttpStatusCode.Created, (await RegistrationTestData.RegisterAsync(this, OpenWorkshop, Participants[0])).Status);
        using var client = ClientFor(Participants[0]);
        using var comment = await client.PostAsync($"/api/workshops/{FullWorkshop}/comments", Json(new { body = "Très bien, merci !", rating = 5 }));
        Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
    }
}

/// <summary>RestoreService and the `restore` verb: a verified set comes back whole into empty stores, reconciled; anything else is refused untouched.</summary>
public sealed class RestoreTests(RestoreSourceFixture source) : IClassFixture<RestoreSourceFixture>, IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), $"skillhub-restore-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

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

    private async Task<string> BackUpAsync()
    {
        var set = await source.Services.GetRequiredService<BackupService>().CreateAsync(CancellationToken.None);
        return Path.Combine(source.BackupDirectory, set.Id);
    }

    /// <summary>A copy of a set to damage.</summary>
    private string Copy(string set)
    {
        var copy = Path.Combine(_scratch, Path.GetFileName(set));
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.EnumerateFiles(set))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    private static async Task<string> GetAsync(Uri baseAddress, TestUser user, string path)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<List<string>> AnswersAsync(Uri baseAddress) =>
    [
        await GetAsync(baseAddress, source.Participants[0], "/api/workshops?pageSize=100"),
        await GetAsync(baseAddress, source.Trainer, $"/api/workshops/{source.FullWorkshop}/registrations?pageSize=100"),
        await GetAsync(baseAddress, source.Trainer, $"/api/workshops/{source.OpenWorkshop}/registrations?pageSize=100"),
        await GetAsync(baseAddress, source.Participants[0], "/api/me/registrations?pageSize=100"),
        await GetAsync(baseAddress, source.Participants[2], "/api/me/registrations?pageSize=100"),
        await GetAsync(baseAddress, source.Participants[1], $"/api/workshops/{source.FullWorkshop}/comments?pageSize=100"),
    ];

    [Fact]
    public async Task ARoundTrip_IntoEmptyStores_AnswersTheApiIdentically()
    {
        var set = await BackUpAsync();
        await using var target = await Target.StartAsync();

        var summary = await target.Restore.RestoreAsync(set, force: false, CancellationToken.None);

        Assert.Empty(summary.Repairs);
        Assert.Equal(4, summary.Collections["registrations"]);
        Assert.True(summary.Collections["comments"] >= 1);
        Assert.Contains("waitlisted", await GetAsync(target.App.BaseAddress, source.Participants[2], "/api/me/registrations?pageSize=100"), StringComparison.Ordinal);
        Assert.Equal(await AnswersAsync(source.BaseAddress), await AnswersAsync(target.App.BaseAddress));
        var log = target.App.Services.GetRequiredService<IActivityLog>();
        var restored = (await log.QueryAsync(new ActivityQuery(Action: BackupServices.RestoredAction), new PageRequest(1, 10), CancellationToken.None)).Items;
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
            set = await BackUpAsync();
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

    public static TheoryData<string> Damages => ["one byte of postgres.sql", "a missing file", "a truncated JSON", "a manifest from another set", "an unknown collection", "an unknown schema version"];

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task ADamagedSet_IsRefused_AndNothingChanges(string damage)
    {
        var original = await BackUpAsync();
        var set = Copy(original);
        switch (damage)
        {
            case "one byte of postgres.sql":
                var bytes = await File.ReadAllBytesAsync(Path.Combine(set, "postgres.sql"));
                bytes[bytes.Length / 2] ^= 0x01;
                await File.WriteAllBytesAsync(Path.Combine(set, "postgres.sql"), bytes);
                break;
            case "a missing file":
                File.Delete(Path.Combine(set, "mongo_comments.json"));
                break;
            case "a truncated JSON":
                var text = await File.ReadAllTextAsync(Path.Combine(set, "mongo_registrations.json"));
                await File.WriteAllTextAsync(Path.Combine(set, "mongo_registrations.json"), text[..(text.Length / 2)]);
                break;
            case "a manifest from another set":
                using (var client = source.ClientFor(source.Participants[1]))
                using (await client.PostAsync($"/api/workshops/{source.OpenWorkshop}/comments", AppFixture.Json(new { body = "another set" })))
                {
                }

                File.Copy(Path.Combine(await BackUpAsync(), "manifest.json"), Path.Combine(set, "manifest.json"), overwrite: true);
                break;
            case "an unknown collection":
                await File.WriteAllTextAsync(Path.Combine(set, "mongo_unknown.json"), "[]");
                break;
            case "an unknown schema version":
                var manifest = await File.ReadAllTextAsync(Path.Combine(set, "manifest.json"));
                var known = System.Text.Json.JsonDocument.Parse(manifest).RootElement.GetProperty("schemaVersion").GetString()!;
                await File.WriteAllTextAsync(Path.Combine(set, "manifest.json"), manifest.Replace(known, "sql.9999_from_the_future.sql", StringComparison.Ordinal));
                break;
        }

        await using var target = await Target.StartAsync();

        var refused = await Assert.ThrowsAsync<BackupRejectedException>(() => target.Restore.RestoreAsync(set, force: true, CancellationToken.None));

        Assert.False(string.IsNullOrWhiteSpace(refused.Message));
        await target.AssertEmptyAsync();
    }

    [Fact]
    public async Task NonEmptyStores_AreRefusedWithoutForce_AndReplacedWithIt()
    {
        var set = await BackUpAsync();
        await using var target = await Target.StartAsync();
        await target.Restore.RestoreAsync(set, force: false, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => target.Restore.RestoreAsync(set, force: false, CancellationToken.None));
        Assert.Contains("force", refused.Message, StringComparison.Ordinal);

        var forced = await target.Restore.RestoreAsync(set, force: true, CancellationToken.None);
        Assert.Equal(4, forced.Collections["registrations"]);
        Assert.Equal(await AnswersAsync(source.BaseAddress), await AnswersAsync(target.App.BaseAddress));
    }

    [Fact]
    public async Task TheRestoreVerb_Exits2OnADamagedSet_WithTheReasonOnStderr()
    {
        var set = Copy(await BackUpAsync());
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
        var set = await BackUpAsync();
        await using var target = await Target.StartAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await BackupCommands.ExecuteAsync(["restore", set], target.App.Services, output, error, CancellationToken.None);

        Assert.Equal(BackupCommands.Success, code);
        Assert.Contains($"Restored backup set {Path.GetFileName(set)}", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("collection registrations: 4 documents", output.ToString(), StringComparison.Ordinal);
    }
}
