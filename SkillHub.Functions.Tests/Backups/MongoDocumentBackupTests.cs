using System.Text;
using MongoDB.Bson;
using MongoDB.Driver;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Comments;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Support;
using SkillHub.Standalone.Documents;

namespace SkillHub.Functions.Tests.Backups;

/// <summary>
/// The MongoDB backups on a live server, in a database of this class's own: a memory export restores
/// into MongoDB and exports back byte for byte, and the other way round. Runs when
/// SKILLHUB_TEST_MONGODB names a server, reported as skipped otherwise.
/// </summary>
[RequiresMongoServer]
public sealed class MongoDocumentBackupTests(MongoTestDatabase mongo) : IClassFixture<MongoTestDatabase>
{
    [StoreFact]
    public async Task Registrations_FromMemory_ThroughMongoDb_AndBack_AreTheSameBytes()
    {
        var memory = new MemoryRegistrationStore();
        await memory.InsertAsync(DocumentBackupTests.KnownRegistration, CancellationToken.None);
        for (var i = 0; i < 1_500; i++)
        {
            await memory.InsertAsync(
                new Registration(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), RegistrationStatus.Confirmed, i, DocumentBackupTests.At, DocumentBackupTests.At, []),
                CancellationToken.None);
        }

        var store = new MongoRegistrationStore(mongo.Database);
        await store.EnsureIndexesAsync(CancellationToken.None);
        var backup = RegistrationsBackup();

        await DocumentBackupTests.AssertRoundTripAsync(new MemoryRegistrationBackup(memory), backup, 1_501);

        Assert.Equal(DocumentBackupTests.KnownRegistration.History, (await store.FindByIdAsync(DocumentBackupTests.KnownRegistration.Id, CancellationToken.None))!.History);
        var raw = await Raw(MongoRegistrationStore.CollectionName).Find(new BsonDocument("_id", new BsonBinaryData(DocumentBackupTests.KnownRegistration.Id, GuidRepresentation.Standard))).SingleAsync();
        Assert.Equal(BsonBinarySubType.UuidStandard, raw["userId"].AsBsonBinaryData.SubType);
        Assert.Equal(new BsonInt64(7), raw["queueTicket"]);
        Assert.Equal(new BsonDateTime(DocumentBackupTests.At), raw["createdAt"]);

        await DocumentBackupTests.AssertRoundTripAsync(backup, new MemoryRegistrationBackup(new MemoryRegistrationStore()), 1_501);
    }

    [StoreFact]
    public async Task Comments_FromMemory_ThroughMongoDb_AndBack_AreTheSameBytes()
    {
        var memory = new MemoryCommentStore();
        await memory.InsertAsync(DocumentBackupTests.KnownComment, CancellationToken.None);
        await memory.InsertAsync(DocumentBackupTests.KnownComment with { Id = Guid.NewGuid(), Hidden = false, HiddenAt = null, HiddenBy = null, Rating = null }, CancellationToken.None);
        var backup = CommentsBackup();

        await DocumentBackupTests.AssertRoundTripAsync(new MemoryCommentBackup(memory), backup, 2);
        Assert.Equal(DocumentBackupTests.KnownComment, await new MongoCommentStore(mongo.Database).FindAsync(DocumentBackupTests.KnownComment.Id, CancellationToken.None));
        await DocumentBackupTests.AssertRoundTripAsync(backup, new MemoryCommentBackup(new MemoryCommentStore()), 2);
    }

    [StoreFact]
    public async Task ActivityLog_FromMemory_ThroughMongoDb_AndBack_AreTheSameBytes()
    {
        var memory = new MemoryActivityLog();
        await memory.AppendAsync(DocumentBackupTests.KnownEntry, CancellationToken.None);
        await memory.AppendAsync(DocumentBackupTests.KnownEntry with { Id = Guid.NewGuid(), Actor = null, Ip = null }, CancellationToken.None);
        var backup = ActivityLogBackup();

        await DocumentBackupTests.AssertRoundTripAsync(new MemoryActivityLogBackup(memory), backup, 2);
        await DocumentBackupTests.AssertRoundTripAsync(backup, new MemoryActivityLogBackup(new MemoryActivityLog()), 2);
    }

    [StoreFact]
    public async Task Import_DeletesWhatWasThere_AndAnEmptyCollectionExportsAnEmptyArray()
    {
        var backup = ActivityLogBackup();
        await Raw(MongoActivityLog.CollectionName).InsertOneAsync(new BsonDocument("_id", new BsonBinaryData(Guid.NewGuid(), GuidRepresentation.Standard)));

        Assert.Equal(0, await backup.ImportAsync(DocumentBackupTests.Utf8("[]"), CancellationToken.None));

        Assert.Equal(0, await backup.CountAsync(CancellationToken.None));
        Assert.Equal((0L, "[]"), await DocumentBackupTests.ExportAsync(backup));
    }

    [StoreFact]
    public async Task AMalformedFile_DeletesNothingInMongoDb()
    {
        var backup = CommentsBackup();
        await backup.ImportAsync(DocumentBackupTests.Utf8("[" + DocumentBackupTests.KnownCommentJson + "]"), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidDataException>(() => backup.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes("[{")), CancellationToken.None));

        Assert.Equal(1, await backup.CountAsync(CancellationToken.None));
    }

    [StoreFact]
    public async Task ARestoreIntoAFreshDatabase_HasTheUniqueIndex_SoTheNextStartAndTheNextDuplicateBehave()
    {
        await mongo.Database.DropCollectionAsync(MongoRegistrationStore.CollectionName);

        await RegistrationsBackup().ImportAsync(DocumentBackupTests.Utf8("[" + DocumentBackupTests.KnownRegistrationJson + "]"), CancellationToken.None);

        var indexes = await (await Raw(MongoRegistrationStore.CollectionName).Indexes.ListAsync()).ToListAsync();
        var unique = Assert.Single(indexes, i => i["name"] == "workshopId_userId_unique");
        Assert.True(unique["unique"].ToBoolean());
        var store = new MongoRegistrationStore(mongo.Database);
        await store.EnsureIndexesAsync(CancellationToken.None);
        var known = DocumentBackupTests.KnownRegistration;
        await Assert.ThrowsAsync<SkillHub.Functions.Infrastructure.Documents.DuplicateDocumentException>(
            () => store.InsertAsync(known with { Id = Guid.NewGuid() }, CancellationToken.None));
        Assert.DoesNotContain(await StagingCollectionsAsync(), _ => true);
    }

    [StoreFact]
    public async Task DuringAForcedRestore_AReaderSeesTheOldDocumentsOrTheNew_NeverAnEmptyOrHalfFilledCollection()
    {
        var backup = ActivityLogBackup();
        await backup.ImportAsync(await ActivityArrayAsync(2_500), CancellationToken.None);
        var replacement = await ActivityArrayAsync(1_500);
        using var stop = new CancellationTokenSource();
        var seen = new HashSet<long>();
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    seen.Add(await Raw(MongoActivityLog.CollectionName).CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty));
                }
                catch (MongoCommandException)
                {
                    // A count the rename cut short (its collection replaced under it) says nothing about the contents: read again.
                }
            }
        });

        await backup.ImportAsync(replacement, CancellationToken.None);
        await stop.CancelAsync();
        await reader;

        Assert.NotEmpty(seen);
        Assert.Subset(new HashSet<long> { 2_500, 1_500 }, seen);
        Assert.Equal(1_500, await backup.CountAsync(CancellationToken.None));
        Assert.DoesNotContain(await StagingCollectionsAsync(), _ => true);
    }

    [StoreFact]
    public async Task ARestoreThatAUniqueIndexRefuses_LeavesTheCollectionAsItWas_AndNoStagingCollection()
    {
        var backup = RegistrationsBackup();
        await backup.ImportAsync(DocumentBackupTests.Utf8("[" + DocumentBackupTests.KnownRegistrationJson + "]"), CancellationToken.None);
        var sameUserTwice = "[" + DocumentBackupTests.KnownRegistrationJson + ",\n"
            + DocumentBackupTests.KnownRegistrationJson.Replace("AZWjshxNfo+aCxwtPk9aaw==", "AZWjshxNfo+aCxwtPk9abA==", StringComparison.Ordinal) + "]";

        await Assert.ThrowsAsync<MongoBulkWriteException<RegistrationDocument>>(() => backup.ImportAsync(DocumentBackupTests.Utf8(sameUserTwice), CancellationToken.None));

        Assert.Equal(1, await backup.CountAsync(CancellationToken.None));
        Assert.DoesNotContain(await StagingCollectionsAsync(), _ => true);
    }

    [StoreFact]
    public async Task ADocumentWithFieldsALaterVersionAdded_IsReadByTheStore_AndRestoredByTheBackup()
    {
        var known = DocumentBackupTests.KnownRegistration;
        var raw = MongoRegistrationStore.ToDocument(known).ToBsonDocument();
        raw.Add("addedLater", "x");
        raw["history"][0].AsBsonDocument.Add("channel", "mobile");
        await mongo.Database.DropCollectionAsync(MongoRegistrationStore.CollectionName);
        await Raw(MongoRegistrationStore.CollectionName).InsertOneAsync(raw);

        var read = await new MongoRegistrationStore(mongo.Database).FindByIdAsync(known.Id, CancellationToken.None);
        var (count, text) = await DocumentBackupTests.ExportAsync(RegistrationsBackup());

        Assert.Equal(known.History, read!.History);
        Assert.Equal(1, count);
        Assert.Equal(1, await RegistrationsBackup().ImportAsync(DocumentBackupTests.Utf8(text), CancellationToken.None));
    }

    private MongoCollectionBackup<RegistrationDocument> RegistrationsBackup() =>
        new(mongo.Database, MongoRegistrationStore.CollectionName, MongoRegistrationStore.Indexes);

    private MongoCollectionBackup<MongoCommentStore.CommentDocument> CommentsBackup() =>
        new(mongo.Database, MongoCommentStore.CollectionName, MongoCommentStore.Indexes());

    private MongoCollectionBackup<MongoActivityLog.ActivityDocument> ActivityLogBackup() =>
        new(mongo.Database, MongoActivityLog.CollectionName, MongoActivityLog.IndexesFor(new ActivityOptions().Retention));

    /// <summary>A backup file of <paramref name="count"/> fresh activity entries, as the in-memory log exports it.</summary>
    private static async Task<MemoryStream> ActivityArrayAsync(int count)
    {
        var memory = new MemoryActivityLog();
        for (var i = 0; i < count; i++)
        {
            await memory.AppendAsync(DocumentBackupTests.KnownEntry with { Id = Guid.NewGuid(), At = DateTime.UtcNow }, CancellationToken.None);
        }

        var file = new MemoryStream();
        await new MemoryActivityLogBackup(memory).ExportAsync(file, CancellationToken.None);
        file.Position = 0;
        return file;
    }

    private async Task<List<string>> StagingCollectionsAsync() =>
        (await (await mongo.Database.ListCollectionNamesAsync()).ToListAsync()).Where(n => n.Contains(MongoCollectionBackup<BsonDocument>.StagingInfix, StringComparison.Ordinal)).ToList();

    private IMongoCollection<BsonDocument> Raw(string name) => mongo.Database.GetCollection<BsonDocument>(name);
}
