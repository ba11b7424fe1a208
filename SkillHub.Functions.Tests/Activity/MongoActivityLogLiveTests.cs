using MongoDB.Bson;
using MongoDB.Driver;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Activity;

/// <summary>The activity-log contract on a live MongoDB server (SKILLHUB_TEST_MONGODB), each behaviour in a database of its own.</summary>
public sealed class MongoActivityLogLiveTests : ActivityLogContract
{
    [MongoTheory]
    [MemberData(nameof(BehaviourNames))]
    public async Task TheMongoLog_Behaves(string behaviour)
    {
        await using var database = ScratchDatabase.Create();
        var log = new MongoActivityLog(database.Database, new ActivityOptions());
        await log.EnsureIndexesAsync(CancellationToken.None);

        await RunAsync(behaviour, log);
    }

    [MongoFact]
    public async Task EnsureIndexes_CreatesTheNamedIndexes_AndIsANoOpTheSecondTime()
    {
        await using var database = ScratchDatabase.Create();
        var log = new MongoActivityLog(database.Database, new ActivityOptions());

        await log.EnsureIndexesAsync(CancellationToken.None);
        await log.EnsureIndexesAsync(CancellationToken.None);

        var collection = database.Database.GetCollection<BsonDocument>(MongoActivityLog.CollectionName);
        var indexes = await (await collection.Indexes.ListAsync()).ToListAsync();
        Assert.Equal(
            ["_id_", "action_at_desc", "actor_id_at_desc", "at_desc_id_desc", "at_ttl", "target_id_at_desc"],
            indexes.Select(i => i["name"].AsString).Order(StringComparer.Ordinal));
    }

    [MongoFact]
    public async Task EnsureIndexes_AfterTheRetentionChanged_ChangesTheTtlOfTheExistingIndex()
    {
        await using var database = ScratchDatabase.Create();
        await new MongoActivityLog(database.Database, new ActivityOptions { RetentionDays = 400 }).EnsureIndexesAsync(CancellationToken.None);

        await new MongoActivityLog(database.Database, new ActivityOptions { RetentionDays = 30 }).EnsureIndexesAsync(CancellationToken.None);

        var collection = database.Database.GetCollection<BsonDocument>(MongoActivityLog.CollectionName);
        var ttl = (await (await collection.Indexes.ListAsync()).ToListAsync()).Single(i => i["name"] == MongoActivityLog.RetentionIndexName);
        Assert.Equal(30L * 86_400, ttl["expireAfterSeconds"].ToInt64());
    }

    private sealed class ScratchDatabase : IAsyncDisposable
    {
        private readonly MongoClient _client;
        private readonly string _name;

        private ScratchDatabase(MongoClient client, string name)
        {
            _client = client;
            _name = name;
            Database = client.GetDatabase(name);
        }

        public IMongoDatabase Database { get; }

        public static ScratchDatabase Create()
        {
            DocumentSerialization.Ensure();
            return new ScratchDatabase(new MongoClient(MongoFactAttribute.ConnectionString), $"skillhub_test_activity_{Guid.NewGuid():N}");
        }

        public async ValueTask DisposeAsync()
        {
            await _client.DropDatabaseAsync(_name);
            _client.Dispose();
        }
    }
}
