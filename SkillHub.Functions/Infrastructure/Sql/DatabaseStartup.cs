using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using SkillHub.Functions.Auth;
using SkillHub.Functions.Demo;
using SkillHub.Functions.Infrastructure.Documents;

namespace SkillHub.Functions.Infrastructure.Sql;

/// <summary>What runs once before the app serves: migrations, the bootstrap admin, demo data when asked.</summary>
public static class DatabaseStartup
{
    private const int Attempts = 10;

    public static async Task PrepareDatabasesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));
        DocumentStoreRegistration.WarnIfInMemory(services);
        var migrator = services.GetRequiredService<Migrator>();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var applied = migrator.Migrate();
                logger.LogInformation("PostgreSQL schema up to date ({Applied} scripts applied now)", applied.Count);
                break;
            }
            catch (InvalidOperationException exception) when (attempt < Attempts && exception.InnerException is NpgsqlException { IsTransient: true })
            {
                // The database container may still be starting.
                logger.LogWarning("PostgreSQL not reachable yet (attempt {Attempt} of {Attempts}); retrying", attempt, Attempts);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), cancellationToken);
            }
        }

        await services.EnsureDocumentIndexesAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BootstrapAdmin>().EnsureAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<DemoData>().SeedIfRequestedAsync(cancellationToken);
    }
}
