using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SkillHub.Functions.Infrastructure.Security;

/// <summary>
/// Keeps one connection of its own LISTENing on <see cref="Channel"/>, where the triggers of
/// sql/0007 announce every change to an account's role, status or password and every session that
/// ends, and hands each notification to <see cref="SessionCheck"/>. A connection that fails (or
/// stops answering its probe) is replaced; the cache is not trusted in between.
/// </summary>
public sealed class SessionListener(string connectionString, SessionCheck sessions, ILogger<SessionListener> logger) : BackgroundService
{
    public const string Channel = "skillhub_sessions";
    public const string ApplicationName = "skillhub-session-listener";

    /// <summary>How long the connection may stay silent before a probe checks it is still there: a dead connection is found within about twice this.</summary>
    private static readonly TimeSpan ProbeAfter = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(5);

    // Its own unpooled connection: a pooled one would go back to the pool still listening.
    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
    {
        Pooling = false,
        ApplicationName = ApplicationName,
        CommandTimeout = (int)ProbeAfter.TotalSeconds,
    }.ConnectionString;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(() => retry = FirstRetry, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Whatever broke, the host must keep serving: checks read the database meanwhile.
                logger.LogWarning("Session listener lost its connection ({ExceptionType}); checking sessions in the database until it listens again", exception.GetType().Name);
            }

            // Stopping ends the wait early, and then the loop.
            await Task.Delay(retry, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
        }
    }

    private async Task ListenAsync(Action listening, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        connection.Notification += (_, notification) => sessions.Forget(notification.Payload);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
            {
                await listen.ExecuteNonQueryAsync(cancellationToken);
            }

            sessions.Listening();
            listening();
            while (true)
            {
                if (!await connection.WaitAsync(ProbeAfter, cancellationToken))
                {
                    await using var probe = new NpgsqlCommand("SELECT 1", connection);
                    await probe.ExecuteScalarAsync(cancellationToken);
                }
            }
        }
        finally
        {
            sessions.NotListening();
        }
    }
}
