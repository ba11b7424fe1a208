using Dapper;
using Npgsql;

namespace SkillHub.Functions.Auth;

/// <summary>A key one attempt counts against, and how many attempts it allows in a window.</summary>
public readonly record struct ThrottleKey(string Scope, string Key, int Limit);

/// <summary>How long a count lasts, and how long a key stays locked once an attempt asks for more than its limit.</summary>
public readonly record struct ThrottleWindow(int WindowSeconds, int LockoutSeconds);

/// <summary>
/// Attempt counters in PostgreSQL (table <c>login_throttle</c>), shared by every app instance. An
/// attempt is reserved before the work it pays for (a password hash), so a burst cannot slip in
/// between a check and a count: each reservation is counted under a row lock, in one statement.
/// </summary>
public sealed class ThrottleCounters(NpgsqlDataSource dataSource)
{
    // A key starts a new window when its window is over or its lockout has ended.
    private const string Expired = "t.window_started_at < now() - make_interval(secs => @window) OR t.locked_until <= now()";

    private const string ReserveSql =
        $"""
        INSERT INTO login_throttle AS t (scope, key, failures, window_started_at)
        SELECT k.scope, k.key, 1, now() FROM unnest(@scopes, @keys) WITH ORDINALITY AS k(scope, key, position) ORDER BY k.position
        ON CONFLICT (scope, key) DO UPDATE SET
            failures = CASE WHEN {Expired} THEN 1 ELSE t.failures + 1 END,
            window_started_at = CASE WHEN {Expired} THEN now() ELSE t.window_started_at END,
            locked_until = CASE WHEN t.locked_until <= now() THEN NULL ELSE t.locked_until END
        RETURNING scope AS Scope, failures AS Failures, coalesce(extract(epoch FROM locked_until - now()), 0)::float8 AS LockedForSeconds
        """;

    /// <summary>
    /// Reserves one attempt under every key at once, or under none: null when reserved, else how
    /// long to wait. A key the attempt would take past its limit is locked for the lockout; a refused
    /// attempt counts nowhere, so one that a locked key refuses spends nobody else's allowance.
    /// </summary>
    public async Task<TimeSpan?> ReserveAsync(IReadOnlyList<ThrottleKey> keys, ThrottleWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Rows are locked in the order the keys are given; every caller gives its scopes in one order, so no two wait on each other.
        var counted = (await connection.QueryAsync<Counted>(new CommandDefinition(
            ReserveSql,
            new { scopes = keys.Select(k => k.Scope).ToArray(), keys = keys.Select(k => k.Key).ToArray(), window = (double)window.WindowSeconds },
            transaction,
            cancellationToken: cancellationToken))).AsList();
        var lockedFor = counted.Max(c => c.LockedForSeconds);
        var over = keys.Where(k => counted.Any(c => c.Scope == k.Scope && c.LockedForSeconds <= 0 && c.Failures > k.Limit)).ToList();
        if (lockedFor <= 0 && over.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return null;
        }

        // Refused: the attempt counts nowhere, and a key it would have passed is locked. Only rows this
        // transaction already holds are touched, so nothing here waits on another reservation.
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE login_throttle AS t
               SET failures = t.failures - 1,
                   locked_until = CASE WHEN (t.scope, t.key) IN (SELECT * FROM unnest(@overScopes, @overKeys))
                                       THEN now() + make_interval(secs => @lockout) ELSE t.locked_until END
             WHERE (t.scope, t.key) IN (SELECT * FROM unnest(@scopes, @keys))
            """,
            new
            {
                scopes = keys.Select(k => k.Scope).ToArray(),
                keys = keys.Select(k => k.Key).ToArray(),
                overScopes = over.Select(k => k.Scope).ToArray(),
                overKeys = over.Select(k => k.Key).ToArray(),
                lockout = (double)window.LockoutSeconds,
            },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        // Never more than the lockout: a lock taken by a transaction that started a moment after this one ends a moment later.
        return TimeSpan.FromSeconds(over.Count > 0 ? window.LockoutSeconds : Math.Min(lockedFor, window.LockoutSeconds));
    }

    /// <summary>Forgets the key's count and lock. One key per statement: a statement never holds two row locks, so it cannot deadlock with a reservation.</summary>
    public async Task ClearAsync(ThrottleKey key, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM login_throttle WHERE scope = @Scope AND key = @Key", new { key.Scope, key.Key }, cancellationToken: cancellationToken));
    }

    /// <summary>Gives back one reserved attempt: the key then counts only the attempts that failed.</summary>
    public async Task GiveBackAsync(ThrottleKey key, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE login_throttle SET failures = failures - 1 WHERE scope = @Scope AND key = @Key AND failures > 0",
            new { key.Scope, key.Key }, cancellationToken: cancellationToken));
    }

    /// <summary>Forgets the scopes' windows that ended and whose lock is over.</summary>
    public async Task<int> PurgeAsync(IReadOnlyList<string> scopes, int windowSeconds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM login_throttle
             WHERE scope = ANY(@scopes)
               AND window_started_at < now() - make_interval(secs => @window)
               AND (locked_until IS NULL OR locked_until < now())
            """,
            new { scopes = scopes.ToArray(), window = (double)windowSeconds }, cancellationToken: cancellationToken));
    }

    private sealed record Counted(string Scope, int Failures, double LockedForSeconds);
}
