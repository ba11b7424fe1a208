using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;

namespace SkillHub.Functions.Backups;

/// <summary>
/// A second home for every backup set, off the machine that made it: container <c>backups</c> of the
/// <c>AzureWebJobsStorage</c> account (Azurite locally), one blob per file under <c>{setId}/</c>.
/// </summary>
public sealed class BlobBackupMirror(BlobContainerClient container, ILogger<BlobBackupMirror> logger)
{
    public const string ContainerName = "backups";

    /// <summary>Copies a complete set; the manifest goes last, so a set whose manifest is there is whole.</summary>
    public async Task PublishAsync(string setDirectory, string setId, CancellationToken cancellationToken)
    {
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var files = Directory.EnumerateFiles(setDirectory)
            .OrderBy(path => Path.GetFileName(path) == BackupService.ManifestFile)
            .ThenBy(path => path, StringComparer.Ordinal);
        foreach (var path in files)
        {
            await container.GetBlobClient($"{setId}/{Path.GetFileName(path)}").UploadAsync(path, overwrite: true, cancellationToken);
        }

        logger.LogInformation("Backup {BackupId} copied to blob container {Container}", setId, container.Name);
    }

    /// <summary>The ids of the complete sets held, newest first.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        if (!await container.ExistsAsync(cancellationToken))
        {
            return ids;
        }

        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix: null, cancellationToken))
        {
            var slash = blob.Name.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0 && blob.Name[(slash + 1)..] == BackupService.ManifestFile)
            {
                ids.Add(blob.Name[..slash]);
            }
        }

        // Set ids start with their UTC creation time, so their order is their age.
        return ids.OrderDescending(StringComparer.Ordinal).ToList();
    }

    public async Task ApplyRetentionAsync(int keep, CancellationToken cancellationToken)
    {
        foreach (var old in (await ListAsync(cancellationToken)).Skip(keep))
        {
            await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix: old + "/", cancellationToken))
            {
                await container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
            }

            logger.LogInformation("Retention removes backup {BackupId} from blob container {Container}", old, container.Name);
        }
    }
}
