using MongoDB.Bson;
using MongoDB.Driver;
using SkillHub.Functions.Comments;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Comments;

/// <summary>
/// The comment store contract on a live MongoDB server, in a database of this class's own: runs when
/// SKILLHUB_TEST_MONGODB names a server, reported as skipped otherwise.
/// </summary>
[RequiresMongoServer]
public sealed class MongoCommentStoreTests(MongoTestDatabase mongo) : CommentStoreContract, IClassFixture<MongoTestDatabase>, IAsyncLifetime
{
    private readonly Lazy<MongoCommentStore> _store = new(() => new MongoCommentStore(mongo.Database));

    protected override ICommentStore Store => _store.Value;

    // Creating indexes that exist is a no-op, so every test may ask.
    public Task InitializeAsync() => _store.Value.EnsureIndexesAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [MongoFact]
    public async Task EnsureIndexes_CreatesTheNamedListIndexes_AndMayRunAgain()
    {
        await _store.Value.EnsureIndexesAsync(CancellationToken.None);

        var indexes = await (await Raw.Indexes.ListAsync()).ToListAsync();
        var byName = indexes.ToDictionary(index => index["name"].AsString);
        Assert.Equal(BsonDocument.Parse("{ workshopId: 1, hidden: 1, createdAt: -1, _id: -1 }"), byName["workshop_visible_newest"]["key"]);
        Assert.Equal(BsonDocument.Parse("{ 'author.id': 1, createdAt: -1, _id: -1 }"), byName["author_newest"]["key"]);
        Assert.Equal(["_id_", "author_newest", "workshop_visible_newest"], byName.Keys.Order(StringComparer.Ordinal));
    }

    [MongoFact]
    public async Task Insert_StoresStandardUuidsUtcMillisecondsAndAnExplicitHiddenFlag()
    {
        var comment = Comment(T0.AddTicks(1_234_567), rating: null, body: "Raw check");

        await Store.InsertAsync(comment, CancellationToken.None);

        var raw = await Raw.Find(new BsonDocument("_id", new BsonBinaryData(comment.Id, GuidRepresentation.Standard))).SingleAsync();
        Assert.All(new[] { raw["_id"], raw["workshopId"], raw["author"]["id"] }, id => Assert.Equal(BsonBinarySubType.UuidStandard, id.AsBsonBinaryData.SubType));
        Assert.Equal(new BsonDateTime(T0.AddMilliseconds(123)), raw["createdAt"]);
        Assert.Equal(BsonNull.Value, raw["rating"]);
        Assert.Equal(BsonBoolean.False, raw["hidden"]);
        Assert.False(raw.Contains("hiddenBy"));
    }

    private IMongoCollection<BsonDocument> Raw => mongo.Database.GetCollection<BsonDocument>(MongoCommentStore.CollectionName);
}
