using SkillHub.Functions.Backups;

namespace SkillHub.Functions.Activity;

/// <summary>
/// The in-memory activity log in a backup: each mapped to <see cref="MongoActivityLog.ActivityDocument"/>, so the
/// file is byte for byte what the MongoDB collection exports for the same data
/// (<see cref="MongoCollectionBackup{TDocument}"/>), and either restores into the other.
/// </summary>
public sealed class MemoryActivityLogBackup(MemoryActivityLog store) : IDocumentCollectionBackup
{
    public string CollectionName => MongoActivityLog.CollectionName;

    public Task<long> ExportAsync(Stream destination, CancellationToken cancellationToken) =>
        ExtendedJsonArray.WriteAsync(
            destination, ExtendedJsonArray.AsAsync(store.ExportDocuments().Select(MongoActivityLog.ActivityDocument.From)), cancellationToken);

    /// <summary>
    /// Replaces every entry in memory with the file's. A restore expects an empty store unless
    /// forced; the caller decides. A malformed file, or one with a repeated key, changes nothing.
    /// </summary>
    public async Task<long> ImportAsync(Stream source, CancellationToken cancellationToken)
    {
        var documents = await ExtendedJsonArray.ReadAsync<MongoActivityLog.ActivityDocument>(source, cancellationToken);
        store.ReplaceAll(documents.Select(d => d.ToEntry()));
        return documents.Count;
    }

    public Task<long> CountAsync(CancellationToken cancellationToken) => Task.FromResult((long)store.DocumentCount());
}
