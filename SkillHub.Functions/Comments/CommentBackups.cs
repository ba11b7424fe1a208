using SkillHub.Functions.Backups;

namespace SkillHub.Functions.Comments;

/// <summary>
/// The in-memory comments in a backup: each mapped to <see cref="MongoCommentStore.CommentDocument"/>, so the
/// file is byte for byte what the MongoDB collection exports for the same data
/// (<see cref="MongoCollectionBackup{TDocument}"/>), and either restores into the other.
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
