using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MongoDB.Driver;
using Npgsql;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Infrastructure.Hosting;

namespace SkillHub.Functions.Infrastructure.Sql;

/// <summary>
/// A step a feature adds to start-up, run in a scope of its own once the schema and the indexes are ready,
/// and retried like them while <paramref name="Database"/> is unreachable. Infrastructure runs steps; it knows no feature.
/// </summary>
/// <param name="Database">The store the step needs, named in the waits it reports; null for a step that needs none.</param>
/// <param name="Stage">What start-up says it is doing meanwhile (<c>/api/health</c> while starting).</param>
public sealed record StartupStep(string? Database, string Stage, Func<IServiceProvider, CancellationToken, Task> RunAsync);

public static class DatabaseStartup
{
    /// <summary>The standalone host (and the command-line verbs) prepare before serving: a few tries, then they give up.</summary>
    public const int StandaloneAttempts = 10;

    public static Task PrepareDatabasesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<DatabasePreparation>().RunAsync(StandaloneAttempts, cancellationToken);
    }

    /// <summary>Adds a start-up step after those registered before it.</summary>
    public static IServiceCollection AddStartupStep(this IServiceCollection services, string? database, string stage, Func<IServiceProvider, CancellationToken, Task> run) =>
        services.AddSingleton(new StartupStep(database, stage, run));
}

/// <summary>
/// What runs once before the app serves: migrations, MongoDB indexes, then the <see cref="StartupStep"/>s the
/// features registered, in their order (the hasher's calibration, the bootstrap admin, demo data when asked). The same steps under both hosts; only how long an unreachable database is
/// waited for differs. Each step reports to <see cref="StartupReadiness"/>, which says "ready" once all are done.
/// </summary>
public sealed class DatabasePreparation(IServiceProvider services, StartupReadiness readiness, ILogger<DatabasePreparation> logger)
{
    private const string Postgres = "PostgreSQL";
    private const string Mongo = "MongoDB";

    /// <param name="attempts">How many times an unreachable database is tried; null: until it answers (under the Functions host).</param>
    /// <exception cref="InvalidOperationException">A failure that retrying cannot fix, or a database still unreachable after <paramref name="attempts"/>.</exception>
    public async Task RunAsync(int? attempts, CancellationToken cancellationToken)
    {
        var migrator = services.GetRequiredService<Migrator>();
        await StepAsync(Postgres, "applying migrations", attempts, () =>
        {
            var applied = migrator.Migrate();
            logger.LogInformation("PostgreSQL schema up to date ({Applied} scripts applied now)", applied.Count);
            return Task.CompletedTask;
        }, cancellationToken);
        await StepAsync(Mongo, "creating MongoDB indexes", attempts, () => services.EnsureDocumentIndexesAsync(cancellationToken), cancellationToken);
        foreach (var step in services.GetServices<StartupStep>())
        {
            await StepAsync(step.Database, step.Stage, attempts, async () =>
            {
                await using var scope = services.CreateAsyncScope();
                await step.RunAsync(scope.ServiceProvider, cancellationToken);
            }, cancellationToken);
        }

        readiness.MarkReady();
        logger.LogInformation("Databases prepared: SkillHub serves");
    }

    /// <summary>A database container may still be starting: wait for it, saying which; give up at once on what waiting cannot fix.</summary>
    private async Task StepAsync(string? database, string stage, int? attempts, Func<Task> step, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            readiness.Report(stage);
            try
            {
                await step();
                return;
            }
            catch (Exception exception) when (StartupFailures.RetryCannotFix(exception))
            {
                throw new InvalidOperationException($"{database} refused SkillHub while {stage}; check its connection string and the account's rights.", exception);
            }
            catch (Exception exception) when (StartupFailures.IsTransient(exception))
            {
                if (attempt == attempts)
                {
                    throw new InvalidOperationException($"{database} is unreachable; check its connection string and that the server is running.", exception);
                }

                var reason = StartupFailures.ShortReason(exception);
                var wait = TimeSpan.FromSeconds(Math.Min(attempt, 5));
                readiness.Report($"waiting for {database} (attempt {attempt}): {reason}");
                logger.LogWarning("Waiting for {Database} while {Stage} (attempt {Attempt}): {Reason}; retrying in {Wait}", database, stage, attempt, reason, wait);
                await Task.Delay(wait, cancellationToken);
            }
        }
    }
}

/// <summary>Which start-up failures waiting can fix, and how a failure that stops the app is told.</summary>
public static class StartupFailures
{
    /// <summary>The line the app prints (and, under the Functions host, logs at Critical) before exiting with code 1.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return $"SkillHub cannot start: {exception.Message} {exception.InnerException?.Message}".TrimEnd();
    }

    /// <summary>A server not up yet, or restarting: worth waiting for.</summary>
    internal static bool IsTransient(Exception exception) =>
        !RetryCannotFix(exception) && Http.ErrorMapping.IsDatabaseUnavailable(exception);

    /// <summary>A server that answers but refuses: a wrong password or account, a database that does not exist.</summary>
    internal static bool RetryCannotFix(Exception exception) => exception switch
    {
        PostgresException { SqlState: "28P01" or "28000" or "3D000" } => true,
        MongoAuthenticationException => true,
        _ => exception.InnerException is { } inner && RetryCannotFix(inner),
    };

    /// <summary>What the wait is about, in a few words and without the connection string: a SQLSTATE, a socket error.</summary>
    internal static string ShortReason(Exception exception) => exception switch
    {
        PostgresException postgres => $"{postgres.SqlState} {postgres.MessageText}",
        SocketException socket => socket.SocketErrorCode.ToString(),
        TimeoutException => "timed out",
        _ when exception.InnerException is { } inner => ShortReason(inner),
        _ => exception.GetType().Name,
    };
}

/// <summary>
/// Under the Functions host the worker must open its channel to the host within a minute of its launch, or be
/// killed: the databases are prepared in the background once the worker runs, for as long as they take to answer.
/// What waiting cannot fix stops the host, and Program exits with code 1.
/// </summary>
public sealed class BackgroundDatabasePreparation(
    DatabasePreparation preparation,
    StartupReadiness readiness,
    IHostApplicationLifetime lifetime,
    ILogger<BackgroundDatabasePreparation> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Returns to the host at once: the worker's own hosted service connects meanwhile.
        await Task.Yield();
        try
        {
            await preparation.RunAsync(attempts: null, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // Whatever stops start-up is told once, plainly, and ends the process.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var failure = StartupFailures.Describe(exception);
            readiness.MarkFailed(failure);
            logger.LogCritical("{Failure}", failure);
            lifetime.StopApplication();
        }
    }
}
