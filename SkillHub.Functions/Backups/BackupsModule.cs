using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SkillHub.Functions.Backups;

/// <summary>What the activity log calls a backup set and what is done to one.</summary>
public static class BackupActivity
{
    public const string CreatedAction = "backup.create";
    public const string RestoredAction = "backup.restore";
    public const string TargetType = "backup";
}

public static class BackupsModule
{
    /// <summary>The backup service over PostgreSQL and every registered <see cref="IDocumentCollectionBackup"/>, writing to a directory.</summary>
    public static IServiceCollection AddBackups(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = (configuration.GetSection(BackupOptions.Section).Get<BackupOptions>() ?? new BackupOptions()).Validate();
        services.AddSingleton(options);
        var signer = BackupSigner.Load(configuration, environment);
        services.AddSingleton(provider =>
        {
            if (signer.Ephemeral)
            {
                provider.GetRequiredService<ILoggerFactory>().CreateLogger<BackupSigner>()
                    .LogWarning("Backup__SigningKey is not set: Development signs backup sets with a random key, and no other process will restore them");
            }

            return signer;
        });
        services.AddSingleton<PostgresExport>();
        services.AddSingleton<PostgresImport>();
        if (options.Blob)
        {
            var storage = configuration["AzureWebJobsStorage"];
            if (string.IsNullOrWhiteSpace(storage))
            {
                throw new InvalidOperationException("Backup__Blob is true but AzureWebJobsStorage names no storage account (with Azurite: UseDevelopmentStorage=true).");
            }

            services.AddSingleton(new BlobServiceClient(storage).GetBlobContainerClient(BlobBackupMirror.ContainerName));
            services.AddSingleton<BlobBackupMirror>();
        }

        services.AddSingleton<BackupService>();
        services.AddSingleton<RestoreService>();
        return services;
    }
}
