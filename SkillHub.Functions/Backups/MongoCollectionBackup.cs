using System.Runtime.CompilerServices;
using MongoDB.Bson;
using MongoDB.Driver;

namespace SkillHub.Functions.Backups;

/// <summary>
/// One MongoDB collection exported and restored through its store's BSON document class, in the
/// format of <see cref="ExtendedJsonArray"/>. Every MongoDB store takes part in backups through one
/// of these, named by its collection and typed by its own document class.
/// </summary>
internal sealed class MongoCollectionBackup<TDocument>(IMongoDatabase database, string collectionName) : IDocumentCollectionBackup
{
    public string CollectionName { get; } = collectionName;

    /// <summary>How many documents one ordered <c>insertMany</c> carries on a restore.</summary>
    internal const int InsertBatchSize = 1_000;

    private static readonly SortDefinition<TDocument> ById = new BsonDocument("_id", 1);

    private readonly IMongoCollection<TDocument> _collection =
        (database ?? throw new ArgumentNullException(nameof(database))).GetCollection<TDocument>(collectionName);

    /// <summary>Streams the collection, sorted by <c>_id</c> (so two exports of the same data are the same bytes), into one array.</summary>
    public Task<long> ExportAsync(Stream destination, CancellationToken cancellationToken) =>
        ExtendedJsonArray.WriteAsync(destination, AllByIdAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// Deletes every document of the collection (<c>deleteMany {}</c>, indexes kept), then inserts the
    /// array's in ordered batches. The whole array is parsed first: a malformed file deletes nothing.
    /// A restore expects an empty collection unless forced; that decision is the caller's, this
    /// method always replaces. A failure part-way (a duplicate key, a lost server) leaves the
    /// documents inserted so far.
    /// </summary>
    public async Task<long> ImportAsync(Stream source, CancellationToken cancellationToken)
    {
        var documents = await ExtendedJsonArray.ReadAsync<TDocument>(source, cancellationToken);
        await _collection.DeleteManyAsync(FilterDefinition<TDocument>.Empty, cancellationToken);
        var options = new InsertManyOptions { IsOrdered = true };
        foreach (var batch in documents.Chunk(InsertBatchSize))
        {
            await _collection.InsertManyAsync(batch, options, cancellationToken);
        }

        return documents.Count;
    }

    public Task<long> CountAsync(CancellationToken cancellationToken) =>
        _collection.CountDocumentsAsync(FilterDefinition<TDocument>.Empty, cancellationToken: cancellationToken);

    private async IAsyncEnumerable<TDocument> AllByIdAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var cursor = await _collection.Find(FilterDefinition<TDocument>.Empty).Sort(ById).ToCursorAsync(cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var document in cursor.Current)
            {
                yield return document;
            }
        }
    }
}
