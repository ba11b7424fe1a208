using MongoDB.Driver;
using SkillHub.Functions.Backups;

namespace SkillHub.Functions.Registrations;

/// <summary>
/// The registrations collection in a backup (<c>mongo_registrations.json</c>), read from and restored
/// into MongoDB through <see cref="RegistrationDocument"/>, the store's own class.
/// </summary>
public sealed class MongoRegistrationBackup(IMongoDatabase database) : IDocumentCollectionBackup
{
    private readonly MongoCollectionBackup<RegistrationDocument> _collection = new(database, MongoRegistrationStore.CollectionName);

    public string CollectionName => MongoRegistrationStore.CollectionName;

    public Task<long> ExportAsync(Stream destination, CancellationToken cancellationToken) =>
        _collection.ExportAsync(destination, cancellationToken);

    /// <summary>
    /// Deletes every registration, then inserts the file's. A restore expects an empty collection unless
    /// forced; the caller decides, this method always replaces. A malformed file deletes nothing.
    /// </summary>
    public Task<long> ImportAsync(Stream source, CancellationToken cancellationToken) =>
        _collection.ImportAsync(source, cancellationToken);

    public Task<long> CountAsync(CancellationToken cancellationToken) => _collection.CountAsync(cancellationToken);
}

/// <summary>
/// The in-memory registrations in a backup: each mapped to <see cref="RegistrationDocument"/>, so the
/// file is byte for byte what <see cref="MongoRegistrationBackup"/> writes for the same data, and
/// either restores into the other.
/// </summary>
public sealed class MemoryRegistrationBackup(MemoryRegistrationStore store) : IDocumentCollectionBackup
{
    public string CollectionName => MongoRegistrationStore.CollectionName;

    public Task<long> ExportAsync(Stream destination, CancellationToken cancellationToken) =>
        ExtendedJsonArray.WriteAsync(
            destination, ExtendedJsonArray.AsAsync(store.ExportDocuments().Select(MongoRegistrationStore.ToDocument)), cancellationToken);

    /// <summary>
    /// Replaces every registration in memory with the file's. A restore expects an empty store unless
    /// forced; the caller decides. A malformed file, or one with a repeated key, changes nothing.
    /// </summary>
    public async Task<long> ImportAsync(Stream source, CancellationToken cancellationToken)
    {
        var documents = await ExtendedJsonArray.ReadAsync<RegistrationDocument>(source, cancellationToken);
        store.ReplaceAll(documents.Select(MongoRegistrationStore.ToRegistration));
        return documents.Count;
    }

    public Task<long> CountAsync(CancellationToken cancellationToken) => Task.FromResult((long)store.DocumentCount());
}
