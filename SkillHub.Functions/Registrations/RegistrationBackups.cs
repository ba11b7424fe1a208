using SkillHub.Functions.Backups;

namespace SkillHub.Functions.Registrations;

/// <summary>
/// The in-memory registrations in a backup: each mapped to <see cref="RegistrationDocument"/>, so the
/// file is byte for byte what the MongoDB collection exports for the same data
/// (<see cref="MongoCollectionBackup{TDocument}"/>), and either restores into the other.
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
