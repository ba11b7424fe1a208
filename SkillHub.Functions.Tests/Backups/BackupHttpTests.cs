using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Backups;

public class BackupAppFixture : AppFixture, IAsyncLifetime
{
    public string BackupDirectory { get; } = Path.Combine(Path.GetTempPath(), $"skillhub-backups-{Guid.NewGuid():N}");

    public IActivityLog Log => Services.GetRequiredService<IActivityLog>();

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Backup:Directory", BackupDirectory)];

    public async Task<IReadOnlyList<ActivityEntry>> EntriesAsync(string action) =>
        (await Log.QueryAsync(new ActivityQuery(Action: action), new PageRequest(1, PageRequest.MaxPageSize), CancellationToken.None)).Items;

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(BackupDirectory))
        {
            Directory.Delete(BackupDirectory, recursive: true);
        }
    }
}

/// <summary>POST and GET /api/admin/backups over real HTTP.</summary>
public sealed class BackupHttpTests(BackupAppFixture app) : IClassFixture<BackupAppFixture>
{
    [Fact]
    public async Task AnAdmin_CreatesASet_201WithItsFilesAndCounts_RecordedInTheActivityLog()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        using var client = app.ClientFor(admin);
        // One document in the registrations collection, through the app's own saga.
        var (workshopId, _) = await Registrations.RegistrationTestData.PublishedWorkshopAsync(app, capacity: 3);
        await Registrations.RegistrationTestData.RegisterAsync(app, workshopId, await app.CreateUserAsync(Roles.Participant));

        using var response = await client.PostAsync("/api/admin/backups", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await AppFixture.ReadJsonAsync(response);
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal($"/api/admin/backups/{id}", response.Headers.Location?.OriginalString);
        Assert.True(Directory.Exists(Path.Combine(app.BackupDirectory, id)));
        Assert.Equal(
            ["mongo_activity_logs.json", "mongo_comments.json", "mongo_registrations.json", "postgres.sql"],
            body.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.All(body.GetProperty("files").EnumerateArray(), f => Assert.Equal(64, f.GetProperty("sha256").GetString()!.Length));
        Assert.True(body.GetProperty("counts").GetProperty("tables").GetProperty("users").GetInt64() >= 1);
        Assert.Equal(1, body.GetProperty("counts").GetProperty("collections").GetProperty("registrations").GetInt64());
        Assert.Equal(0, body.GetProperty("counts").GetProperty("collections").GetProperty("comments").GetInt64());
        Assert.True(body.TryGetProperty("createdAt", out _));

        var entry = Assert.Single(await app.EntriesAsync(BackupActivity.CreatedAction), e => e.Target.Id == id);
        Assert.Equal(admin.Id, entry.Actor?.Id);
        Assert.Equal("backup", entry.Target.Type);

        using var read = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(id, (await AppFixture.ReadJsonAsync(read)).GetProperty("id").GetString());
    }

    [Fact]
    public async Task TheList_IsPaged_NewestFirst()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        using var client = app.ClientFor(admin);
        using var first = await client.PostAsync("/api/admin/backups", null);
        await Task.Delay(20);
        using var second = await client.PostAsync("/api/admin/backups", null);
        var newest = (await AppFixture.ReadJsonAsync(second)).GetProperty("id").GetString();
        var older = (await AppFixture.ReadJsonAsync(first)).GetProperty("id").GetString();

        using var response = await client.GetAsync("/api/admin/backups?pageSize=100");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await AppFixture.ReadJsonAsync(response);
        var ids = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Count, body.GetProperty("total").GetInt64());
        Assert.Equal(1, body.GetProperty("page").GetInt32());
        Assert.True(ids.IndexOf(newest) < ids.IndexOf(older) && ids.IndexOf(older) >= 0);
        var createdAt = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("createdAt").GetDateTime()).ToList();
        Assert.Equal(createdAt.OrderDescending(), createdAt);
    }

    [Fact]
    public async Task AnUnknownSet_Is404()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        using var client = app.ClientFor(admin);

        using var response = await client.GetAsync("/api/admin/backups/20200101T000000Z-00000000");

        await HttpProblem.AssertAsync(response, 404);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("GET")]
    public async Task ATrainer_Gets403(string method)
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(trainer);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/admin/backups"));

        await HttpProblem.AssertAsync(response, 403);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("GET")]
    public async Task AnAnonymousCaller_Gets401(string method)
    {
        using var client = app.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/admin/backups"));

        await HttpProblem.AssertAsync(response, 401);
    }

    [Fact]
    public async Task ABadPage_Is400()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        using var client = app.ClientFor(admin);

        using var response = await client.GetAsync("/api/admin/backups?page=0");

        await HttpProblem.AssertAsync(response, 400);
    }
}

/// <summary>The standalone host runs ScheduledBackup on the schedule its setting names.</summary>
public sealed class ScheduledBackupTests(ScheduledBackupTests.EveryTwoSecondsApp app) : IClassFixture<ScheduledBackupTests.EveryTwoSecondsApp>
{
    public sealed class EveryTwoSecondsApp : BackupAppFixture
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            base.Settings.Append(new("BackupSchedule", "*/2 * * * * *"));
    }

    [Fact]
    public async Task TheTimer_WritesASet_AndRecordsItWithoutActor()
    {
        IReadOnlyList<ActivityEntry> entries = [];
        for (var attempt = 0; attempt < 100 && entries.Count == 0; attempt++)
        {
            await Task.Delay(100);
            entries = await app.EntriesAsync(BackupActivity.CreatedAction);
        }

        var entry = Assert.Single(entries.Take(1));
        Assert.Null(entry.Actor);
        Assert.Equal("schedule", entry.Details["trigger"]);
        Assert.True(File.Exists(Path.Combine(app.BackupDirectory, entry.Target.Id!, BackupService.ManifestFile)));
    }
}
