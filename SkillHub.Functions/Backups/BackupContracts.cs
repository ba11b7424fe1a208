namespace SkillHub.Functions.Backups;

/// <summary>
/// One document collection as a backup sees it: every document written out as a MongoDB Extended
/// JSON array (what <c>mongoimport --jsonArray</c> reads), and read back into an empty collection.
/// Each document store (registrations, comments, activity log) provides one, in MongoDB and in memory.
/// </summary>
public interface IDocumentCollectionBackup
{
    /// <summary>The collection's name; the backup file is <c>mongo_{name}.json</c>.</summary>
    string CollectionName { get; }

    /// <summary>Writes every document as one Extended JSON array (relaxed mode, UUIDs as $binary subtype 4, dates as $date); returns how many.</summary>
    Task<long> ExportAsync(Stream destination, CancellationToken cancellationToken);

    /// <summary>Replaces the collection's documents with the array read from <paramref name="source"/>, all or nothing; returns how many.</summary>
    Task<long> ImportAsync(Stream source, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the array as <see cref="ImportAsync"/> would, with the same document class, changing
    /// nothing; returns how many. Throws <see cref="InvalidDataException"/> where the import would fail to read.
    /// </summary>
    Task<long> VerifyAsync(Stream source, CancellationToken cancellationToken);

    Task<long> CountAsync(CancellationToken cancellationToken);
}
