using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SkillHub.Functions.Backups;

public static class BackupServices
{
    public const string CreatedAction = "backup.create";
    public const string RestoredAction = "backup.restore";
    public const string TargetType = "backup";

    /// <summary>The backup service over PostgreSQL and every registered <see cref="IDocumentCollectionBackup"/>, writing to a directory.</summary>
    public static IServiceCollection AddBackups(this IServiceCollection services, IConfiguration configuration)
    {
        var options = (configuration.GetSection(BackupOptions.Section).Get<BackupOptions>() ?? new BackupOptions()).Validate();
        services.AddSingleton(options);
        services.AddSingleton<PostgresExport>();
        services.AddSingleton<PostgresImport>();
        services.AddSingleton<BackupService>();
        services.AddSingleton<RestoreService>();
        return services;
    }
}
