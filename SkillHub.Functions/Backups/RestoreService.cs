using System.Globalization;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Infrastructure.Sql;
using SkillHub.Functions.Registrations;

namespace SkillHub.Functions.Backups;

/// <summary>A backup set that cannot be restored as it is: damaged, partial, foreign or too new. Nothing was changed.</summary>
public sealed class BackupRejectedException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>
/// The folder of a set and the names its files have there: a backup set (manifest.json, postgres.sql)
/// or the demo dump of data/ (skillhub_dump_manifest.json, skillhub_workshops.sql), whose manifest
/// lists the files under their set names.
/// </summary>
internal sealed record SetFolder(string Directory, bool IsDemoDump)
{
    public static SetFolder Of(string directory) =>
        new(directory, !File.Exists(Path.Combine(directory, BackupService.ManifestFile)) && File.Exists(Path.Combine(directory, DemoExport.ManifestFile)));

    /// <summary>The name in this folder of the set file <paramref name="setFileName"/>.</summary>
    public string NameOf(string setFileName) => IsDemoDump ? DemoExport.DumpNameOf(setFileName) : setFileName;

    public string PathOf(string setFileName) => Path.Combine(Directory, NameOf(setFileName));
}

/// <summary>What a restore brought back, and what reconciliation then put right.</summary>
public sealed record RestoreSummary(
    string SetId,
    string SchemaVersion,
    IReadOnlyDictionary<string, long> Tables,
    IReadOnlyDictionary<string, long> Collections,
    IReadOnlyList<SeatRepair> Repairs);

/// <summary>
/// Restores a backup set written by <see cref="BackupService"/>: verifies the whole set before
/// touching any database (the manifest's signature, sizes, SHA-256, the collections this build
/// registers, every collection file read whole by the document class it will be imported with, postgres.sql read whole by its grammar, the schema version),
/// or the demo dump of data/ under its own file names, unsigned but accepted as the manifest this build ships (<see cref="DemoExport"/>);
/// checks that both stores answer, refuses non-empty stores unless forced, imports postgres.sql
/// and every collection, then reconciles the seat counts at once and records the restore.
/// </summary>
public sealed class RestoreService(
    PostgresImport postgres,
    NpgsqlDataSource dataSource,
    IEnumerable<IDocumentCollectionBackup> collections,
    IDocumentStoreProbe documentStore,
    BackupSigner signer,
    SeatReconciliation reconciliation,
    IActivityLog activity,
    TimeProvider clock,
    ILogger<RestoreService> logger)
{
    private readonly IReadOnlyList<IDocumentCollectionBackup> _collections = collections.ToList();

    public async Task<RestoreSummary> RestoreAsync(string setDirectory, bool force, CancellationToken cancellationToken)
    {
        var set = await VerifyAsync(setDirectory, cancellationToken);
        var folder = SetFolder.Of(setDirectory);
        await EnsureReachableAsync(cancellationToken);
        if (!force)
        {
            await EnsureEmptyAsync(cancellationToken);
        }

        logger.LogWarning("Restoring backup {BackupId} from {Directory} (force: {Force})", set.Id, setDirectory, force);
        // A script the import refuses was refused inside its transaction, which was rolled back.
        var tables = await ReadFileAsync(folder, BackupService.PostgresFile, "was refused by the import, ", script => postgres.ImportAsync(script, force, cancellationToken));

        var restored = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var collection in _collections)
        {
            await using var file = File.OpenRead(folder.PathOf(BackupService.FileOf(collection)));
            restored[collection.CollectionName] = await collection.ImportAsync(file, cancellationToken);
        }

        var repairs = await reconciliation.RunAsync(TimeSpan.Zero, cancellationToken);
        await activity.AppendQuietlyAsync(
            ActivityEntry.ForSystem(clock, BackupActivity.RestoredAction, new ActivityTarget(BackupActivity.TargetType, set.Id), new Dictionary<string, string>
            {
                ["force"] = force ? "true" : "false",
                ["schemaVersion"] = set.SchemaVersion,
                ["repairs"] = repairs.Count.ToString(CultureInfo.InvariantCulture),
            }),
            logger);
        logger.LogWarning("Backup {BackupId} restored; reconciliation made {Repairs} repairs", set.Id, repairs.Count);
        return new RestoreSummary(set.Id, set.SchemaVersion, tables, restored, repairs);
    }

    /// <summary>Checks the whole set, reading every file; throws <see cref="BackupRejectedException"/> naming the first problem.</summary>
    public async Task<BackupSet> VerifyAsync(string setDirectory, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(setDirectory))
        {
            throw new BackupRejectedException($"The backup set folder {setDirectory} does not exist.");
        }

        var folder = SetFolder.Of(setDirectory);
        var manifestName = folder.NameOf(BackupService.ManifestFile);
        var manifestPath = folder.PathOf(BackupService.ManifestFile);
        if (!File.Exists(manifestPath))
        {
            throw new BackupRejectedException($"The set has no {BackupService.ManifestFile} (nor the demo dump's {DemoExport.ManifestFile}): it is partial or not a SkillHub backup set.");
        }

        SignedManifest manifest;
        try
        {
            manifest = await BackupManifest.ReadAsync(manifestPath, cancellationToken);
        }
        catch (JsonException exception)
        {
            throw new BackupRejectedException($"{manifestName} is not readable: {exception.Message}", exception);
        }

        if (manifest.Signature is null)
        {
            if (!folder.IsDemoDump)
            {
                throw new BackupRejectedException($"{manifestName} carries no signature: only a set signed by a SkillHub app holding this {BackupSigner.KeySetting} (or one of {BackupSigner.PreviousKeysSetting}) is restored.");
            }

            if (!await DemoExport.IsShippedManifestAsync(manifestPath, cancellationToken))
            {
                throw new BackupRejectedException($"{manifestName} carries no signature and is not the demo dump's manifest as this build ships it: the one unsigned set restored is data/ as committed with this version of the app.");
            }
        }
        else if (!BackupManifest.Verifies(manifest, signer))
        {
            throw new BackupRejectedException($"The signature of {manifestName} does not verify under {BackupSigner.KeySetting} nor any of {BackupSigner.PreviousKeysSetting}: the manifest was altered, or signed with another key.");
        }

        var set = manifest.Set;
        if (string.IsNullOrEmpty(set.Id) || set.Files is null || string.IsNullOrEmpty(set.SchemaVersion))
        {
            throw new BackupRejectedException($"{manifestName} lacks its id, schema version or file list.");
        }

        if (!Migrator.ScriptNames.Contains(set.SchemaVersion, StringComparer.Ordinal))
        {
            throw new BackupRejectedException($"The set was taken at schema version {set.SchemaVersion}, which this build does not know: restore it with the version of the app that wrote it ({set.AppVersion}) or a newer one.");
        }

        foreach (var file in set.Files)
        {
            await CheckFileAsync(folder, file, cancellationToken);
        }

        var listed = set.Files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        if (!listed.Contains(BackupService.PostgresFile))
        {
            throw new BackupRejectedException($"The manifest lists no {BackupService.PostgresFile}.");
        }

        var expected = _collections.Select(BackupService.FileOf).ToHashSet(StringComparer.Ordinal);
        var present = Directory.EnumerateFiles(setDirectory, "mongo_*.json").Select(Path.GetFileName).OfType<string>()
            .Concat(listed.Where(n => n.StartsWith("mongo_", StringComparison.Ordinal)))
            .ToHashSet(StringComparer.Ordinal);
        var missing = expected.Except(listed).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new BackupRejectedException($"The set lacks the collection file(s) {string.Join(", ", missing)} that this app needs.");
        }

        var extra = present.Except(expected).Order(StringComparer.Ordinal).ToList();
        if (extra.Count > 0)
        {
            throw new BackupRejectedException($"The set holds collection file(s) this app does not know: {string.Join(", ", extra)}.");
        }

        // The whole of postgres.sql read by the importer's own grammar, without a database.
        var header = await ReadFileAsync(folder, BackupService.PostgresFile, "is not a script this build writes, ", script => PostgresBackupScript.VerifyAsync(script, cancellationToken));
        if (header.SchemaVersion != set.SchemaVersion)
        {
            throw new BackupRejectedException($"{folder.NameOf(BackupService.PostgresFile)} is at schema version {header.SchemaVersion}, the manifest says {set.SchemaVersion}: the files come from different sets.");
        }

        foreach (var collection in _collections.OrderBy(BackupService.FileOf, StringComparer.Ordinal))
        {
            await ReadFileAsync(folder, BackupService.FileOf(collection), "is not a whole Extended JSON array of the collection's documents: ", stream => collection.VerifyAsync(stream, cancellationToken));
        }

        return set;
    }

    private static async Task CheckFileAsync(SetFolder folder, BackupFile file, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(file.Name) || file.Name != Path.GetFileName(file.Name) || file.Name == BackupService.ManifestFile)
        {
            throw new BackupRejectedException($"The manifest lists a file name that is not allowed: '{file.Name}'.");
        }

        var name = folder.NameOf(file.Name);
        var path = folder.PathOf(file.Name);
        if (!File.Exists(path))
        {
            throw new BackupRejectedException($"{name} is listed in the manifest but missing: the set is partial.");
        }

        var actual = await BackupService.DescribeAsync(path, cancellationToken);
        if (actual.Bytes != file.Bytes)
        {
            throw new BackupRejectedException($"{name} holds {actual.Bytes} bytes, the manifest says {file.Bytes}: the file is damaged or from another set.");
        }

        if (!string.Equals(actual.Sha256, file.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new BackupRejectedException($"{name} does not match its SHA-256 in the manifest: the file is damaged or from another set.");
        }
    }

    /// <summary>Reads one file of the set; a file <paramref name="read"/> finds malformed rejects the set, <paramref name="refused"/> following the file's name.</summary>
    private static async Task<T> ReadFileAsync<T>(SetFolder folder, string setFileName, string refused, Func<Stream, Task<T>> read)
    {
        await using var stream = File.OpenRead(folder.PathOf(setFileName));
        try
        {
            return await read(stream);
        }
        catch (InvalidDataException exception)
        {
            throw new BackupRejectedException($"{folder.NameOf(setFileName)} {refused}{exception.Message}", exception);
        }
    }

    /// <summary>
    /// Both stores answer before either is changed: without this, a forced restore with MongoDB down
    /// would replace PostgreSQL and then fail on the documents.
    /// </summary>
    private async Task EnsureReachableAsync(CancellationToken cancellationToken)
    {
        await using (await dataSource.OpenConnectionAsync(cancellationToken))
        {
        }

        if (!await documentStore.IsReachableAsync(cancellationToken))
        {
            throw new InvalidOperationException($"{MongoErrors.Unreachable} Nothing was changed.");
        }
    }

    /// <summary>Refuses unless PostgreSQL has no users nor workshops and every collection is empty.</summary>
    private async Task EnsureEmptyAsync(CancellationToken cancellationToken)
    {
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            foreach (var table in new[] { "users", "workshops" })
            {
                var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                    $"SELECT to_regclass('public.{table}') IS NOT NULL", cancellationToken: cancellationToken));
                if (exists && await connection.ExecuteScalarAsync<bool>(new CommandDefinition($"SELECT EXISTS (SELECT 1 FROM {table})", cancellationToken: cancellationToken)))
                {
                    throw new InvalidOperationException($"PostgreSQL already holds data (table {table}): restore into empty databases, or force the restore to replace the data.");
                }
            }
        }

        foreach (var collection in _collections)
        {
            if (await collection.CountAsync(cancellationToken) > 0)
            {
                throw new InvalidOperationException($"The document collection {collection.CollectionName} already holds documents: restore into empty databases, or force the restore to replace the data.");
            }
        }
    }
}
