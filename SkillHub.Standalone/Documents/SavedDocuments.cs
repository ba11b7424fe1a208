using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Infrastructure.Sql;

namespace SkillHub.Standalone.Documents;

/// <summary>Where the in-memory collections are saved, and how often (settings <c>SkillHub__MemoryStore__Directory</c>, <c>SkillHub__MemoryStore__SaveInterval</c>).</summary>
public sealed class SavedDocumentsOptions
{
    public const string Section = "SkillHub:MemoryStore";

    /// <summary>The folder of the saved collections; unset, nothing is saved (scripts/start.sh names one in the local state folder).</summary>
    public string? Directory { get; set; }

    public TimeSpan SaveInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The options when a folder is named, else null; refuses what cannot work, naming the setting.</summary>
    public static SavedDocumentsOptions? Load(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<SavedDocumentsOptions>() ?? new SavedDocumentsOptions();
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            return null;
        }

        if (!Path.IsPathFullyQualified(options.Directory))
        {
            throw new InvalidOperationException($"SkillHub__MemoryStore__Directory must be an absolute path, not '{options.Directory}'.");
        }

        if (options.SaveInterval < TimeSpan.FromSeconds(1) || options.SaveInterval > TimeSpan.FromDays(1))
        {
            throw new InvalidOperationException($"SkillHub__MemoryStore__SaveInterval must be from 00:00:01 to 1.00:00:00, not {options.SaveInterval}.");
        }

        return options;
    }
}

/// <summary>
/// The in-memory collections kept across restarts: each one saved as its backup file
/// (<c>mongo_{collection}.json</c>, the <see cref="IDocumentCollectionBackup"/> format) in one folder,
/// only the app's user may read (0700, files 0600). A file is written beside its final name and renamed
/// over it, so a crash leaves the last whole save. Loaded once, before anything serves; saved only
/// after a load succeeded, and only the collections whose bytes changed since.
/// </summary>
public sealed class SavedDocuments(IEnumerable<IDocumentCollectionBackup> collections, SavedDocumentsOptions options, ILogger<SavedDocuments> logger) : IDisposable
{
    private const string TemporaryMarker = ".saving-";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, byte[]> _savedHashes = new(StringComparer.Ordinal);
    private bool _loaded;

    public string Directory => options.Directory!;

    /// <summary>Brings back every saved collection, the first time only; a file it cannot read stops start-up, saying which and what to do.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_loaded)
            {
                return;
            }

            BackupService.CreatePrivateDirectory(Directory);
            foreach (var leftover in System.IO.Directory.EnumerateFiles(Directory, $"*{TemporaryMarker}*"))
            {
                File.Delete(leftover);
            }

            var counts = new List<string>();
            foreach (var collection in collections)
            {
                var path = PathOf(collection);
                if (!File.Exists(path))
                {
                    continue;
                }

                try
                {
                    var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
                    using var source = new MemoryStream(bytes, writable: false);
                    var count = await collection.ImportAsync(source, cancellationToken);
                    _savedHashes[collection.CollectionName] = SHA256.HashData(bytes);
                    counts.Add(string.Create(CultureInfo.InvariantCulture, $"{collection.CollectionName} {count}"));
                }
                catch (Exception exception) when (exception is InvalidDataException or DuplicateDocumentException or IOException or UnauthorizedAccessException)
                {
                    throw new InvalidOperationException(
                        $"the saved documents file {path} cannot be loaded ({exception.Message}). Nothing was started, so nothing was overwritten: "
                        + $"move the file aside (mv '{path}' '{path}.damaged') to start without that collection, or restore a backup set.",
                        exception);
                }
            }

            _loaded = true;
            logger.LogInformation("In-memory documents loaded from {Directory}: {Counts}", Directory, counts.Count == 0 ? "none saved yet" : string.Join(", ", counts));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Writes each collection whose bytes changed since the last load or save; nothing before a load succeeded (an empty store would replace the saved one).</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_loaded)
            {
                return;
            }

            foreach (var collection in collections)
            {
                using var exported = new MemoryStream();
                await collection.ExportAsync(exported, cancellationToken);
                var hash = SHA256.HashData(exported.GetBuffer().AsSpan(0, (int)exported.Length));
                if (_savedHashes.TryGetValue(collection.CollectionName, out var saved) && saved.AsSpan().SequenceEqual(hash))
                {
                    continue;
                }

                await WriteAtomicallyAsync(PathOf(collection), exported, cancellationToken);
                _savedHashes[collection.CollectionName] = hash;
                logger.LogDebug("In-memory collection {Collection} saved to {Directory}", collection.CollectionName, Directory);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private string PathOf(IDocumentCollectionBackup collection) => Path.Combine(Directory, BackupService.FileOf(collection));

    private static async Task WriteAtomicallyAsync(string path, MemoryStream content, CancellationToken cancellationToken)
    {
        var temporary = $"{path}{TemporaryMarker}{Guid.NewGuid():N}";
        try
        {
            await using (var file = BackupService.CreatePrivateFile(temporary))
            {
                content.Position = 0;
                await content.CopyToAsync(file, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}

/// <summary>Saves the in-memory collections every <see cref="SavedDocumentsOptions.SaveInterval"/>, and once more when the host has stopped serving.</summary>
public sealed class DocumentSaving(SavedDocuments documents, SavedDocumentsOptions options, TimeProvider clock, ILogger<DocumentSaving> logger)
    : BackgroundService, IHostedLifecycleService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SaveInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SaveAsync("periodic", stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>After every hosted service stopped, the server included: no request can change a store any more.</summary>
    public Task StoppedAsync(CancellationToken cancellationToken) => SaveAsync("final", CancellationToken.None);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SaveAsync(string which, CancellationToken cancellationToken)
    {
        try
        {
            await documents.SaveAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The documents are still in memory; the next save tries again.
            logger.LogError(exception, "The {Which} save of the in-memory documents to {Directory} failed", which, documents.Directory);
        }
    }
}

public static class SavedDocumentsModule
{
    public const string LoadStage = "loading the saved in-memory documents";

    /// <summary>
    /// Keeps the in-memory collections in the folder configuration names, if any: loaded as the first
    /// start-up step (before the bootstrap admin, demo data and any reconciliation), then saved at once,
    /// which writes a restore made before it (<see cref="LoadSavedDocumentsAsync"/>).
    /// </summary>
    public static IServiceCollection AddSavedDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        if (SavedDocumentsOptions.Load(configuration) is not { } options)
        {
            return services;
        }

        services.AddSingleton(options);
        services.AddSingleton<SavedDocuments>();
        services.AddHostedService<DocumentSaving>();
        return services.AddStartupStep(null, LoadStage, async (provider, ct) =>
        {
            var saved = provider.GetRequiredService<SavedDocuments>();
            await saved.LoadAsync(ct);
            await saved.SaveAsync(ct);
        });
    }

    /// <summary>Loads the saved collections now, when they are kept: before a restore into this process, which then replaces them as it would MongoDB's.</summary>
    public static Task LoadSavedDocumentsAsync(this IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetService<SavedDocuments>()?.LoadAsync(cancellationToken) ?? Task.CompletedTask;
}
