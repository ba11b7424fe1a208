using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SkillHub.Functions.Infrastructure.Http;

namespace SkillHub.Functions.Backups;

public sealed record BackupFile(string Name, long Bytes, string Sha256);

public sealed record BackupCounts(IReadOnlyDictionary<string, long> Tables, IReadOnlyDictionary<string, long> Collections);

/// <summary>One backup set, as its manifest.json describes it.</summary>
public sealed record BackupSet(
    string Id,
    DateTime CreatedAt,
    string AppVersion,
    string SchemaVersion,
    IReadOnlyList<BackupFile> Files,
    BackupCounts Counts);

/// <summary>
/// Writes backup sets into a directory, one folder per set: postgres.sql, one mongo_{collection}.json
/// per document collection, and manifest.json. A set is written into a hidden temporary folder and
/// renamed into place when complete, so a listed set is always whole; retention then keeps the
/// newest <see cref="BackupOptions.Keep"/> sets.
/// </summary>
public sealed partial class BackupService(
    PostgresExport postgres,
    IEnumerable<IDocumentCollectionBackup> collections,
    BackupOptions options,
    BackupSigner signer,
    TimeProvider clock,
    ILogger<BackupService> logger,
    BlobBackupMirror? mirror = null)
{
    public const string PostgresFile = "postgres.sql";
    public const string ManifestFile = "manifest.json";
    private const string TemporaryPrefix = ".partial-";

    public string Root => options.Directory!;

    /// <summary>The same service writing its sets into <paramref name="directory"/> instead, without the blob mirror.</summary>
    public BackupService WritingTo(string directory) =>
        new(postgres, collections, new BackupOptions { Directory = directory, Keep = options.Keep }.Validate(), signer, clock, logger);

    internal static string FileOf(IDocumentCollectionBackup collection) => $"mongo_{collection.CollectionName}.json";

    public async Task<BackupSet> CreateAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var id = $"{now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..8]}";
        CreatePrivateDirectory(Root);
        var temporary = Path.Combine(Root, TemporaryPrefix + id);
        CreatePrivateDirectory(temporary);
        try
        {
            PostgresExportResult exported;
            var collectionCounts = new SortedDictionary<string, long>(StringComparer.Ordinal);
            await using (await postgres.FenceCapacityChangesAsync(cancellationToken))
            {
                await using (var file = CreatePrivateFile(Path.Combine(temporary, PostgresFile)))
                {
                    exported = await postgres.ExportAsync(file, cancellationToken);
                }

                foreach (var collection in collections)
                {
                    await using var file = CreatePrivateFile(Path.Combine(temporary, FileOf(collection)));
                    collectionCounts[collection.CollectionName] = await collection.ExportAsync(file, cancellationToken);
                }
            }

            var files = await Task.WhenAll(Directory.EnumerateFiles(temporary).Order(StringComparer.Ordinal).Select(path => DescribeAsync(path, cancellationToken)));
            var set = new BackupSet(id, now, PostgresExport.AppVersion, exported.SchemaVersion, files, new BackupCounts(exported.Counts, collectionCounts));
            await using (var manifest = CreatePrivateFile(Path.Combine(temporary, ManifestFile)))
            {
                set = await BackupManifest.WriteAsync(manifest, set, signer, cancellationToken);
            }

            Directory.Move(temporary, Path.Combine(Root, id));
            logger.LogInformation("Backup {BackupId} written to {Directory}", id, Root);
            await ApplyRetentionAsync(cancellationToken);
            if (mirror is not null)
            {
                await mirror.PublishAsync(Path.Combine(Root, id), id, cancellationToken);
                await mirror.ApplyRetentionAsync(options.Keep, cancellationToken);
            }

            return set;
        }
        finally
        {
            if (Directory.Exists(temporary))
            {
                TryDelete(temporary);
            }
        }
    }

    /// <summary>The complete sets whose manifest's signature verifies, newest first.</summary>
    public async Task<(IReadOnlyList<BackupSet> Items, long Total)> ListAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var sets = await ReadAllAsync(cancellationToken);
        return (sets.Skip((page.Page - 1) * page.PageSize).Take(page.PageSize).ToList(), sets.Count);
    }

    public async Task<BackupSet?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!SetName().IsMatch(id))
        {
            return null;
        }

        var manifest = Path.Combine(Root, id, ManifestFile);
        return File.Exists(manifest) ? await ReadManifestAsync(manifest, cancellationToken) : null;
    }

    private async Task<List<BackupSet>> ReadAllAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        var sets = await Task.WhenAll(Directory.EnumerateDirectories(Root).Select(folder => FindAsync(Path.GetFileName(folder), cancellationToken)));
        return sets.OfType<BackupSet>().OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The set, when its manifest is readable and signed by one of this app's keys; otherwise null, said in the log (a stranger's set is neither listed, served, nor counted by retention).</summary>
    private async Task<BackupSet?> ReadManifestAsync(string path, CancellationToken cancellationToken)
    {
        SignedManifest manifest;
        try
        {
            manifest = await BackupManifest.ReadAsync(path, cancellationToken);
        }
        catch (JsonException exception)
        {
            logger.LogWarning(exception, "Backup manifest {Path} is unreadable; the set is not listed", path);
            return null;
        }

        if (!BackupManifest.Verifies(manifest, signer))
        {
            logger.LogWarning("Backup manifest {Path} is not signed by this app's backup signing key; the set is not listed", path);
            return null;
        }

        return manifest.Set;
    }

    /// <summary>Keeps the newest sets (in the order they are listed); older ones, and folders left by an interrupted backup more than a day ago, go.</summary>
    private async Task ApplyRetentionAsync(CancellationToken cancellationToken)
    {
        var old = (await ReadAllAsync(cancellationToken)).Skip(options.Keep).ToList();
        foreach (var set in old)
        {
            logger.LogInformation("Retention removes backup {BackupId} (keeping {Keep})", set.Id, options.Keep);
            TryDelete(Path.Combine(Root, set.Id));
        }

        foreach (var partial in Directory.EnumerateDirectories(Root, TemporaryPrefix + "*"))
        {
            if (Directory.GetLastWriteTimeUtc(partial) < clock.GetUtcNow().UtcDateTime.AddDays(-1))
            {
                TryDelete(partial);
            }
        }
    }

    /// <summary>Only the app's own user may enter a set's folder (mode 0700 where modes exist); an existing folder is left as it is.</summary>
    internal static DirectoryInfo CreatePrivateDirectory(string path) => OperatingSystem.IsWindows()
        ? Directory.CreateDirectory(path)
        : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

    /// <summary>A new file only the app's own user may read (mode 0600 where modes exist): a set holds every account's password hash.</summary>
    internal static FileStream CreatePrivateFile(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }

    internal static async Task<BackupFile> DescribeAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return new BackupFile(Path.GetFileName(path), stream.Length, Convert.ToHexStringLower(hash));
    }

    private void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(exception, "Could not delete backup folder {Path}", path);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{8}T\d{6}Z-[0-9a-f]{8}$")]
    private static partial System.Text.RegularExpressions.Regex SetName();
}
