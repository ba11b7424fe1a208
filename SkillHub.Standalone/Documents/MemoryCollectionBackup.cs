using SkillHub.Functions.Backups;

namespace SkillHub.Standalone.Documents;

/// <summary>What an in-memory document store gives its backup: every item, all replaced at once, and a count.</summary>
public interface IMemoryDocuments<TItem>
{
    IReadOnlyList<TItem> ExportDocuments();

    /// <summary>Replaces every item; a repeated key throws and changes nothing.</summary>
    void ReplaceAll(IEnumerable<TItem> items);

    int DocumentCount();
}

/// <summary>
/// An in-memory collection in a backup: each item mapped to the MongoDB store's document class, so
/// the file is byte for byte what the MongoDB collection exports for the same data
/// (<see cref="MongoCollectionBackup{TDocument}"/>), and either restores into the other.
/// </summary>
public abstract class MemoryCollectionBackup<TItem, TDocument>(
    string collectionName,
    IMemoryDocuments<TItem> store,
    Func<TItem, TDocument> toDocument,
    Func<TDocument, TItem> fromDocument) : IDocumentCollectionBackup
{
    public string CollectionName => collectionName;

    public Task<long> ExportAsync(Stream destination, CancellationToken cancellationToken) =>
        ExtendedJsonArray.WriteAsync(destination, ExtendedJsonArray.AsAsync(store.ExportDocuments().Select(toDocument)), cancellationToken);

    /// <summary>
    /// Replaces every item in memory with the file's. A restore expects an empty store unless
    /// forced; the caller decides. A malformed file, or one with a repeated key, changes nothing.
    /// </summary>
    public async Task<long> ImportAsync(Stream source, CancellationToken cancellationToken)
    {
        var items = await ReadAsync(source, cancellationToken);
        store.ReplaceAll(items);
        return items.Count;
    }

    public async Task<long> VerifyAsync(Stream source, CancellationToken cancellationToken) => (await ReadAsync(source, cancellationToken)).Count;

    private async Task<List<TItem>> ReadAsync(Stream source, CancellationToken cancellationToken) =>
        (await ExtendedJsonArray.ReadAsync<TDocument>(source, cancellationToken)).Select(fromDocument).ToList();

    public Task<long> CountAsync(CancellationToken cancellationToken) => Task.FromResult((long)store.DocumentCount());
}
