using System.Text;
using MongoDB.Bson;
using MongoDB.Driver;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Comments;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Support;

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
        var backup = new MongoCollectionBackup<RegistrationDocument>(mongo.Database, MongoRegistrationStore.CollectionName);

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
        var backup = new MongoCollectionBackup<MongoCommentStore.CommentDocument>(mongo.Database, MongoCommentStore.CollectionName);

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
        var backup = new MongoCollectionBackup<MongoActivityLog.ActivityDocument>(mongo.Database, MongoActivityLog.CollectionName);

        await DocumentBackupTests.AssertRoundTripAsync(new MemoryActivityLogBackup(memory), backup, 2);
        await DocumentBackupTests.AssertRoundTripAsync(backup, new MemoryActivityLogBackup(new MemoryActivityLog()), 2);
    }

    [StoreFact]
    public async Task Import_DeletesWhatWasThere_AndAnEmptyCollectionExportsAnEmptyArray()
    {
        var backup = new MongoCollectionBackup<MongoActivityLog.ActivityDocument>(mongo.Database, MongoActivityLog.CollectionName);
        await Raw(MongoActivityLog.CollectionName).InsertOneAsync(new BsonDocument("_id", new BsonBinaryData(Guid.NewGuid(), GuidRepresentation.Standard)));

        Assert.Equal(0, await backup.ImportAsync(DocumentBackupTests.Utf8("[]"), CancellationToken.None));

        Assert.Equal(0, await backup.CountAsync(CancellationToken.None));
        Assert.Equal((0L, "[]"), await DocumentBackupTests.ExportAsync(backup));
    }

    [StoreFact]
    public async Task AMalformedFile_DeletesNothingInMongoDb()
    {
        var backup = new MongoCollectionBackup<MongoCommentStore.CommentDocument>(mongo.Database, MongoCommentStore.CollectionName);
        await backup.ImportAsync(DocumentBackupTests.Utf8("[" + DocumentBackupTests.KnownCommentJson + "]"), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidDataException>(() => backup.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes("[{")), CancellationToken.None));

        Assert.Equal(1, await backup.CountAsync(CancellationToken.None));
    }

    private IMongoCollection<BsonDocument> Raw(string name) => mongo.Database.GetCollection<BsonDocument>(name);
}
