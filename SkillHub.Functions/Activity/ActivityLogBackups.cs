using MongoDB.Driver;
using SkillHub.Functions.Backups;

namespace SkillHub.Functions.Activity;

/// <summary>
/// The activity log in a backup (<c>mongo_activity_logs.json</c>), read from and restored
/// into MongoDB through <see cref="MongoActivityLog.ActivityDocument"/>, the store's own class.
/// </summary>
public sealed class MongoActivityLogBackup(IMongoDatabase database) : IDocumentCollectionBackup
{
    private readonly MongoCollectionBackup<MongoActivityLog.ActivityDocument> _collection = new(database, MongoActivityLog.CollectionName);

    public string CollectionName => MongoActivityLog.CollectionName;

    public Task<long> ExportAsync(Stream destination, CancellationToken cancellationToken) =>
        _collection.ExportAsync(destination, cancellationToken);

    /// <summary>
    /// Deletes every entry, then inserts the file's. A restore expects an empty collection unless
    /// forced; the caller decides, this method always replaces. A malformed file deletes nothing.
    /// </summary>
    public Task<long> ImportAsync(Stream source, CancellationToken cancellationToken) =>
        _collection.ImportAsync(source, cancellationToken);

    public Task<long> CountAsync(CancellationToken cancellationToken) => _collection.CountAsync(cancellationToken);
}

/// <summary>
/// The in-memory activity log in a backup: each mapped to <see cref="MongoActivityLog.ActivityDocument"/>, so the
/// file is byte for byte what <see cref="MongoActivityLogBackup"/> writes for the same data, and
/// either restores into the other.
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
