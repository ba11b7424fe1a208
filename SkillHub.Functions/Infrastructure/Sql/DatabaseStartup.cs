using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SkillHub.Functions.Auth;
using SkillHub.Functions.Demo;
using SkillHub.Functions.Infrastructure.Documents;

namespace SkillHub.Functions.Infrastructure.Sql;

/// <summary>What runs once before the app serves: migrations, the bootstrap admin, demo data when asked, the hasher's calibration.</summary>
public static class DatabaseStartup
{
    private const int Attempts = 10;

    public static async Task PrepareDatabasesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));
        DocumentStoreRegistration.WarnIfInMemory(services);
        var migrator = services.GetRequiredService<Migrator>();
        await RetryAsync("PostgreSQL", logger, () =>
        {
            var applied = migrator.Migrate();
            logger.LogInformation("PostgreSQL schema up to date ({Applied} scripts applied now)", applied.Count);
            return Task.CompletedTask;
        }, cancellationToken);
        await RetryAsync("MongoDB", logger, () => services.EnsureDocumentIndexesAsync(cancellationToken), cancellationToken);
        services.GetRequiredService<PasswordHasher>().Calibrate();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BootstrapAdmin>().EnsureAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<DemoData>().SeedIfRequestedAsync(cancellationToken);
    }

    /// <summary>A database container may still be starting: try a few times, then say plainly which database is missing.</summary>
    private static async Task RetryAsync(string database, ILogger logger, Func<Task> step, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await step();
                return;
            }
            catch (Exception exception) when (Http.FunctionGate.IsDatabaseUnavailable(exception))
            {
                if (attempt == Attempts)
                {
                    throw new InvalidOperationException($"{database} is unreachable; check its connection string and that the server is running.", exception);
                }

                logger.LogWarning("{Database} not reachable yet (attempt {Attempt} of {Attempts}); retrying", database, attempt, Attempts);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), cancellationToken);
            }
        }
    }
}
