using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Comments;
using SkillHub.Functions.Infrastructure.Telemetry;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Support;
using SkillHub.Standalone.Documents;

namespace SkillHub.Functions.Tests.Backups;

/// <summary>The app's services hold one backup per document collection, for the store the app runs on, without reaching a server.</summary>
public sealed class BackupCompositionTests
{
    [Theory]
    [InlineData("memory", typeof(MemoryRegistrationBackup), typeof(MemoryCommentBackup), typeof(MemoryActivityLogBackup))]
    [InlineData("mongodb", typeof(MongoCollectionBackup<RegistrationDocument>), typeof(MongoCollectionBackup<MongoCommentStore.CommentDocument>), typeof(MongoCollectionBackup<MongoActivityLog.ActivityDocument>))]
    public async Task EachCollection_HasTheBackupOfTheChosenStore(string documentStore, Type registrations, Type comments, Type activity)
    {
        await using var app = UnreachableApp.Build(documentStore);

        var backups = app.Services.GetServices<IDocumentCollectionBackup>().ToDictionary(b => b.CollectionName, b => b.GetType());

        Assert.Equal(
            new Dictionary<string, Type> { ["registrations"] = registrations, ["comments"] = comments, ["activity_logs"] = activity },
            backups);
    }

    [Fact]
    public async Task OnMongoDb_EachRestoreCreatesTheIndexesItsStoreEnsuresAtStartUp()
    {
        await using var app = UnreachableApp.Build("mongodb");
        var backups = app.Services.GetServices<IDocumentCollectionBackup>().ToList();
        var retention = app.Services.GetRequiredService<ActivityOptions>().Retention;

        Assert.Equal(Names(MongoRegistrationStore.Indexes), Names(backups.OfType<MongoCollectionBackup<RegistrationDocument>>().Single().Indexes));
        Assert.Equal(Names(MongoCommentStore.Indexes()), Names(backups.OfType<MongoCollectionBackup<MongoCommentStore.CommentDocument>>().Single().Indexes));
        Assert.Equal(Names(MongoActivityLog.IndexesFor(retention)), Names(backups.OfType<MongoCollectionBackup<MongoActivityLog.ActivityDocument>>().Single().Indexes));
        Assert.Contains("workshopId_userId_unique unique=True ttl=", Names(MongoRegistrationStore.Indexes));
    }

    private static List<string> Names<T>(IEnumerable<MongoDB.Driver.CreateIndexModel<T>> indexes) =>
        indexes.Select(i => $"{i.Options.Name} unique={i.Options.Unique} ttl={i.Options.ExpireAfter}").ToList();

    [Fact]
    public async Task InMemory_TheBackupReadsTheStoreTheAppWritesTo()
    {
        await using var app = UnreachableApp.Build("memory");
        await app.Services.GetRequiredService<IRegistrationStore>().InsertAsync(DocumentBackupTests.KnownRegistration, CancellationToken.None);
        await app.Services.GetRequiredService<IActivityLog>().AppendAsync(DocumentBackupTests.KnownEntry, CancellationToken.None);

        var counts = new Dictionary<string, long>();
        foreach (var backup in app.Services.GetServices<IDocumentCollectionBackup>())
        {
            counts[backup.CollectionName] = await backup.CountAsync(CancellationToken.None);
        }

        Assert.Equal(new Dictionary<string, long> { ["registrations"] = 1, ["comments"] = 0, ["activity_logs"] = 1 }, counts);
        Assert.Same(app.Services.GetRequiredService<MemoryRegistrationStore>(), DocumentSpans.Inner(app.Services.GetRequiredService<IRegistrationStore>()));
    }
}
