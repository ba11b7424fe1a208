using MongoDB.Bson;
using MongoDB.Driver;
using SkillHub.Functions.Infrastructure.Documents;

namespace SkillHub.Functions.Tests.Support;

/// <summary>
/// A MongoDB database of its own for one test class, on the server named by SKILLHUB_TEST_MONGODB,
/// dropped afterwards. Without a server it stays empty: the class's tests are reported as skipped.
/// </summary>
public sealed class MongoTestDatabase : IAsyncLifetime, IDisposable
{
    private MongoClient? _client;
    private IMongoDatabase? _database;

    public string Name { get; } = $"skillhub_test_{Guid.NewGuid():N}";

    public IMongoDatabase Database => _database
        ?? throw new InvalidOperationException($"No MongoDB server: {MongoFactAttribute.Variable} is not set.");

    public async Task InitializeAsync()
    {
        if (!MongoFactAttribute.HasServer)
        {
            return;
        }

        DocumentSerialization.Ensure();
        var settings = MongoClientSettings.FromConnectionString(MongoFactAttribute.ConnectionString);
        settings.ServerSelectionTimeout = TimeSpan.FromSeconds(10);
        _client = new MongoClient(settings);
        _database = _client.GetDatabase(Name);
        await _database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1));
    }

    public async Task DisposeAsync()
    {
        if (_client is null)
        {
            return;
        }

        await _client.DropDatabaseAsync(Name);
        Dispose();
    }

    public void Dispose()
    {
        _client?.Dispose();
        _client = null;
    }
}
