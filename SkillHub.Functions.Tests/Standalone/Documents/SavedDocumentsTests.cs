using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Comments;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Backups;
using SkillHub.Functions.Tests.Comments;
using SkillHub.Functions.Tests.Registrations;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Standalone.Documents;

/// <summary>The app on the in-memory document store, saving its collections in a folder of its own.</summary>
public sealed class SavedDocumentsFixture : AppFixture, IAsyncLifetime
{
    public const string DirectorySetting = "SkillHub:MemoryStore:Directory";

    public ScratchDirectory Folder { get; } = new("saved-documents");

    public string SavedFolder => Path.Combine(Folder.Path, "documents");

    /// <summary>Drives the periodic save; it keeps running across restarts, as time does.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new(DirectorySetting, SavedFolder), new("SkillHub:MemoryStore:SaveInterval", "00:01:00")];

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    /// <summary>How many documents the saved file of <paramref name="collection"/> holds, read as a restore reads it.</summary>
    public async Task<long> SavedCountAsync(string collection)
    {
        var path = Path.Combine(SavedFolder, $"mongo_{collection}.json");
        await using var saved = File.OpenRead(path);
        return await Backup(collection).VerifyAsync(saved, CancellationToken.None);
    }

    public IDocumentCollectionBackup Backup(string collection) =>
        Services.GetServices<IDocumentCollectionBackup>().Single(c => c.CollectionName == collection);

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Folder.Dispose();
    }
}

/// <summary>
/// A restart of the local app keeps the registrations, comments and activity log: saved every
/// interval and at a graceful stop, in the backup format, owner-only, loaded before anything serves.
/// </summary>
public sealed class SavedDocumentsTests(SavedDocumentsFixture app) : IClassFixture<SavedDocumentsFixture>, IDisposable
{
    private readonly ScratchDirectory _scratch = new("saved-documents-test");

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task AGracefulRestart_OnTheSameFolder_AnswersTheSameRegistrationsAndComments_WithoutASeatRepair()
    {
        var (workshopId, trainer, people) = await RegistrationTestData.FilledWorkshopAsync(app, capacity: 2, count: 3);
        using (var client = app.ClientFor(people[0]))
        {
            await CommentTestData.PostAsync(client, workshopId, "Saved across a restart.");
        }

        var before = await AnswersAsync(workshopId, trainer, people);

        await app.RestartAsync();

        Assert.Equal(before, await AnswersAsync(workshopId, trainer, people));
        Assert.Contains("Saved across a restart.", before[1], StringComparison.Ordinal);
        Assert.Empty(await app.Services.GetRequiredService<SeatReconciliation>().RunAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.Equal(2, await RegistrationTestData.SeatsTakenAsync(app, workshopId));
    }

    [Fact]
    public async Task ARestoreIntoTheRunningApp_IsWhatTheNextStartFinds()
    {
        var (workshopId, trainer, people) = await RegistrationTestData.FilledWorkshopAsync(app, capacity: 2, count: 1);
        var late = await app.CreateUserAsync(Roles.Participant);
        var backups = app.Services.GetRequiredService<BackupService>();
        var set = await backups.CreateAsync(CancellationToken.None);
        Assert.Equal(HttpStatusCode.Created, (await RegistrationTestData.RegisterAsync(app, workshopId, late)).Status);

        await app.Services.GetRequiredService<RestoreService>().RestoreAsync(Path.Combine(backups.Root, set.Id), force: true, CancellationToken.None);
        await app.RestartAsync();

        var registrations = await RestoreSourceFixture.GetAsync(app.BaseAddress, trainer, $"/api/workshops/{workshopId}/registrations?pageSize=100");
        Assert.Contains(people[0].Id.ToString(), registrations, StringComparison.Ordinal);
        Assert.DoesNotContain(late.Id.ToString(), registrations, StringComparison.Ordinal);
        Assert.Empty(await app.Services.GetRequiredService<SeatReconciliation>().RunAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.Equal(1, await RegistrationTestData.SeatsTakenAsync(app, workshopId));
    }

    [Fact]
    public async Task TheSavedFolderAndFiles_AreTheOwnersOnly_InTheBackupFormat()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await RegistrationTestData.FilledWorkshopAsync(app, capacity: 1, count: 1);

        await app.RestartAsync();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(app.SavedFolder));
        var files = Directory.GetFiles(app.SavedFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(app.Services.GetServices<IDocumentCollectionBackup>().Select(c => $"mongo_{c.CollectionName}.json").Order(StringComparer.Ordinal), files);
        foreach (var file in Directory.GetFiles(app.SavedFolder))
        {
            Assert.True(File.GetUnixFileMode(file) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), $"{Path.GetFileName(file)} is {File.GetUnixFileMode(file)}.");
        }

        // The file a backup set holds for the collection, which a restore reads.
        Assert.Equal(await app.Backup(MongoRegistrationStore.CollectionName).CountAsync(CancellationToken.None), await app.SavedCountAsync(MongoRegistrationStore.CollectionName));
        Assert.NotEqual(0, await app.SavedCountAsync(MongoRegistrationStore.CollectionName));
    }

    [Fact]
    public async Task ARunningApp_SavesItsDocumentsEveryInterval_WithoutStopping()
    {
        const string registrations = MongoRegistrationStore.CollectionName;
        await app.RestartAsync();
        var saved = await app.SavedCountAsync(registrations);

        await RegistrationTestData.FilledWorkshopAsync(app, capacity: 1, count: 1);

        Assert.Equal(saved, await app.SavedCountAsync(registrations));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await app.SavedCountAsync(registrations) != saved + 1)
        {
            Assert.True(DateTime.UtcNow < deadline, "The registration was not saved within 30 s of the interval passing.");
            await Task.Delay(50);
        }
    }

    [Theory]
    [InlineData("[{\"_id\": ")]
    [InlineData("not json at all")]
    public async Task ADamagedSavedFile_StopsStartUp_NamingTheFileAndHowToMoveItAside(string damaged)
    {
        var folder = Path.Combine(_scratch.Path, "documents");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"mongo_{MongoCommentStore.CollectionName}.json");
        await File.WriteAllTextAsync(file, damaged);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            AppInstance.StartAsync(app.Database.ConnectionString, [new(SavedDocumentsFixture.DirectorySetting, folder)]));

        Assert.Contains(file, refused.Message, StringComparison.Ordinal);
        Assert.Contains("move the file aside", refused.Message, StringComparison.Ordinal);
        Assert.Equal(damaged, await File.ReadAllTextAsync(file));
    }

    /// <summary>What the trainer and the participants read of the workshop: its registrations, its comments, each one's own registrations.</summary>
    private async Task<List<string>> AnswersAsync(Guid workshopId, TestUser trainer, List<TestUser> people) =>
    [
        await RestoreSourceFixture.GetAsync(app.BaseAddress, trainer, $"/api/workshops/{workshopId}/registrations?pageSize=100"),
        await RestoreSourceFixture.GetAsync(app.BaseAddress, people[1], $"/api/workshops/{workshopId}/comments?pageSize=100"),
        .. await Task.WhenAll(people.Select(person => RestoreSourceFixture.GetAsync(app.BaseAddress, person, "/api/me/registrations?pageSize=100"))),
    ];
}
