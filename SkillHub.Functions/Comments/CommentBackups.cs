using MongoDB.Driver;
using SkillHub.Functions.Backups;

namespace SkillHub.Functions.Comments;

/// <summary>
/// The comments collection in a backup (<c>mongo_comments.json</c>), hidden comments included,, read from and restored
/// into MongoDB through <see cref="MongoCommentStore.CommentDocument"/>, the store's own class.
/// </summary>
public sealed class MongoCommentBackup(IMongoDatabase database) : IDocumentCollectionBackup
{
    private readonly MongoCollectionBackup<MongoCommentStore.CommentDocument> _collection = new(database, MongoCommentStore.CollectionName);

    public string CollectionName => MongoCommentStore.CollectionName;

    public Task<long> ExportAsync(Stream destination, CancellationToken cancellationToken) =>
        _collection.ExportAsync(destination, cancellationToken);

    /// <summary>
    /// Deletes every comment, then inserts the file's. A restore expects an empty collection unless
    /// forced; the caller decides, this method always replaces. A malformed file deletes nothing.
    /// </summary>
    public Task<long> ImportAsync(Stream source, CancellationToken cancellationToken) =>
        _collection.ImportAsync(source, cancellationToken);

    public Task<long> CountAsync(CancellationToken cancellationToken) => _collection.CountAsync(cancellationToken);
}

/// <summary>
/// The in-memory comments in a backup: each mapped to <see cref="MongoCommentStore.CommentDocument"/>, so the
/// file is byte for byte what <see cref="MongoCommentBackup"/> writes for the same data, and
/// either restores into the other.
/// </summary>
public sealed class MemoryCommentBackup(MemoryCommentStore store) : IDocumentCollectionBackup
{
    public string CollectionName => MongoCommentStore.CollectionName;

    public Task<long> ExportAsync(Stream destination, CancellationToken cancellationToken) =>
        ExtendedJsonArray.WriteAsync(
            destination, ExtendedJsonArray.AsAsync(store.ExportDocuments().Select(MongoCommentStore.CommentDocument.From)), cancellationToken);

    /// <summary>
    /// Replaces every comment in memory with the file's. A restore expects an empty store unless
    /// forced; the caller decides. A malformed file, or one with a repeated key, changes nothing.
    /// </summary>
    public async Task<long> ImportAsync(Stream source, CancellationToken cancellationToken)
    {
        var documents = await ExtendedJsonArray.ReadAsync<MongoCommentStore.CommentDocument>(source, cancellationToken);
        store.ReplaceAll(documents.Select(d => d.ToComment()));
        return documents.Count;
    }

    public Task<long> CountAsync(CancellationToken cancellationToken) => Task.FromResult((long)store.DocumentCount());
}
