using System.Runtime.CompilerServices;
using MongoDB.Bson;
using MongoDB.Driver;
using SkillHub.Functions.Infrastructure.Documents;

namespace SkillHub.Functions.Backups;

/// <summary>
/// One MongoDB collection exported and restored through its store's BSON document class, in the
/// format of <see cref="ExtendedJsonArray"/>. Every MongoDB store takes part in backups through one
/// of these, named by its collection, typed by its own document class, and given the indexes its
/// store ensures at start-up.
/// </summary>
internal sealed class MongoCollectionBackup<TDocument>(IMongoDatabase database, string collectionName, IReadOnlyList<CreateIndexModel<TDocument>> indexes)
    : IDocumentCollectionBackup
{
    public string CollectionName { get; } = collectionName;

    /// <summary>How many documents one ordered <c>insertMany</c> carries on a restore.</summary>
    internal const int InsertBatchSize = 1_000;

    /// <summary>Between the collection's name and a restore's id in the name of its staging collection.</summary>
    internal const string StagingInfix = "_restore_";

    private static readonly SortDefinition<TDocument> ById = new BsonDocument("_id", 1);

    private readonly IMongoCollection<TDocument> _collection =
        (database ?? throw new ArgumentNullException(nameof(database))).GetCollection<TDocument>(collectionName);

    static MongoCollectionBackup() => DocumentSerialization.Ensure();

    /// <summary>The indexes a restored collection is given before its first document: the store's own.</summary>
    internal IReadOnlyList<CreateIndexModel<TDocument>> Indexes { get; } = indexes;

    /// <summary>Streams the collection, sorted by <c>_id</c> (so two exports of the same data are the same bytes), into one array.</summary>
    public Task<long> ExportAsync(Stream destination, CancellationToken cancellationToken) =>
        ExtendedJsonArray.WriteAsync(destination, AllByIdAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// Replaces the collection at once, without transactions (a standalone server has none): the
    /// whole array is parsed first, then imported into a new staging collection that already has
    /// the store's indexes (so the unique ones refuse what they would refuse in the collection),
    /// which is then renamed over the collection (<c>renameCollection</c> with <c>dropTarget</c>).
    /// A reader sees the old documents or the new, never an empty or half-filled collection. On any
    /// failure the staging collection is dropped and the collection is as it was.
    /// </summary>
    public async Task<long> ImportAsync(Stream source, CancellationToken cancellationToken)
    {
        var documents = await ExtendedJsonArray.ReadAsync<TDocument>(source, cancellationToken);
        var staging = $"{CollectionName}{StagingInfix}{Guid.NewGuid():N}";
        await database.CreateCollectionAsync(staging, options: null, cancellationToken);
        try
        {
            var collection = database.GetCollection<TDocument>(staging);
            if (Indexes.Count > 0)
            {
                await collection.Indexes.CreateManyAsync(Indexes, cancellationToken);
            }

            var options = new InsertManyOptions { IsOrdered = true };
            foreach (var batch in documents.Chunk(InsertBatchSize))
            {
                await collection.InsertManyAsync(batch, options, cancellationToken);
            }

            await database.RenameCollectionAsync(staging, CollectionName, new RenameCollectionOptions { DropTarget = true }, cancellationToken);
        }
        catch
        {
            await DropQuietlyAsync(staging);
            throw;
        }

        return documents.Count;
    }

    public async Task<long> VerifyAsync(Stream source, CancellationToken cancellationToken) =>
        (await ExtendedJsonArray.ReadAsync<TDocument>(source, cancellationToken)).Count;

    public Task<long> CountAsync(CancellationToken cancellationToken) =>
        _collection.CountDocumentsAsync(FilterDefinition<TDocument>.Empty, cancellationToken: cancellationToken);

    /// <summary>Whatever happens, the import's own failure is the one reported; a server that is gone keeps the staging collection, named for what it is.</summary>
    private async Task DropQuietlyAsync(string staging)
    {
        try
        {
            await database.DropCollectionAsync(staging, CancellationToken.None);
        }
        catch (Exception exception) when (exception is MongoException or TimeoutException)
        {
            // Nothing to add: the caller reports the failure that made the drop necessary.
        }
    }

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
