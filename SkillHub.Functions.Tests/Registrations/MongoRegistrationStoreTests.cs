using MongoDB.Bson;
using MongoDB.Driver;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Registrations;

/// <summary>
/// The registration store contract on a live MongoDB server, in a database of this class's own:
/// runs when SKILLHUB_TEST_MONGODB names a server, reported as skipped otherwise.
/// </summary>
[RequiresMongoServer]
public sealed class MongoRegistrationStoreTests(MongoTestDatabase mongo) : RegistrationStoreContract, IClassFixture<MongoTestDatabase>, IAsyncLifetime
{
    private readonly Lazy<MongoRegistrationStore> _store = new(() => new MongoRegistrationStore(mongo.Database));

    protected override IRegistrationStore Store => _store.Value;

    // Creating indexes that exist is a no-op, so every test may ask.
    public Task InitializeAsync() => _store.Value.EnsureIndexesAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [MongoFact]
    public async Task EnsureIndexes_CreatesTheThreeNamedIndexes_AndMayRunAgain()
    {
        await _store.Value.EnsureIndexesAsync(CancellationToken.None);

        var indexes = await (await Raw.Indexes.ListAsync()).ToListAsync();
        var byName = indexes.ToDictionary(index => index["name"].AsString);
        Assert.Equal(BsonDocument.Parse("{ workshopId: 1, userId: 1 }"), byName["workshopId_userId_unique"]["key"]);
        Assert.True(byName["workshopId_userId_unique"]["unique"].ToBoolean());
        Assert.Equal(BsonDocument.Parse("{ workshopId: 1, status: 1, queueTicket: 1 }"), byName["workshopId_status_queueTicket"]["key"]);
        Assert.Equal(BsonDocument.Parse("{ userId: 1, updatedAt: -1 }"), byName["userId_updatedAt"]["key"]);
    }

    [MongoFact]
    public async Task Insert_StoresStandardUuidsUtcMillisecondsAndTheStatusAsAString()
    {
        var registration = NewRegistration(Guid.NewGuid(), status: RegistrationStatus.Waitlisted, ticket: 12, at: T0.AddTicks(1_234_567));

        await Store.InsertAsync(registration, CancellationToken.None);

        var raw = await Raw.Find(new BsonDocument("_id", new BsonBinaryData(registration.Id, GuidRepresentation.Standard))).SingleAsync();
        Assert.All(new[] { raw["_id"], raw["workshopId"], raw["userId"] }, id => Assert.Equal(BsonBinarySubType.UuidStandard, id.AsBsonBinaryData.SubType));
        Assert.Equal(new BsonString(RegistrationStatus.Waitlisted), raw["status"]);
        Assert.Equal(new BsonInt64(12), raw["queueTicket"]);
        Assert.Equal(new BsonDateTime(T0.AddMilliseconds(123)), raw["createdAt"]);
    }

    private IMongoCollection<BsonDocument> Raw => mongo.Database.GetCollection<BsonDocument>(MongoRegistrationStore.CollectionName);
}
