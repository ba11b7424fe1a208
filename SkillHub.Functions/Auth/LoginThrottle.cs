using Dapper;
using Npgsql;

namespace SkillHub.Functions.Auth;

public sealed class LoginThrottleOptions
{
    public const string Section = "LoginThrottle";

    /// <summary>Failed logins on one account within the window before it is locked.</summary>
    public int AccountMaxFailures { get; set; } = 5;

    /// <summary>Failed logins from one client address within the window before it is locked: looser, for offices behind one NAT.</summary>
    public int AddressMaxFailures { get; set; } = 50;

    public int WindowSeconds { get; set; } = 15 * 60;

    public int LockoutSeconds { get; set; } = 15 * 60;

    public void Validate()
    {
        if (AccountMaxFailures < 1 || AddressMaxFailures < 1 || WindowSeconds < 1 || LockoutSeconds < 1)
        {
            throw new InvalidOperationException("LoginThrottle settings must all be positive.");
        }
    }
}

/// <summary>Failed-login counters shared by every app instance.</summary>
public interface ILoginThrottle
{
    Task<TimeSpan?> RetryAfterAsync(string account, string address, CancellationToken cancellationToken);

    Task RecordFailureAsync(string account, string address, CancellationToken cancellationToken);

    Task RecordSuccessAsync(string account, CancellationToken cancellationToken);

    Task<int> PurgeAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Counts failed logins per account and per client address in PostgreSQL, so every app instance
/// sees the same counts, and locks a key for a while once it passes its limit.
/// </summary>
public sealed class LoginThrottle(NpgsqlDataSource dataSource, LoginThrottleOptions options) : ILoginThrottle
{
    public const string AccountScope = "account";
    public const string AddressScope = "address";

    /// <summary>How long the caller must wait, or null when neither the account nor the address is locked.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(string account, string address, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var seconds = await connection.ExecuteScalarAsync<double?>(new CommandDefinition(
            """
            SELECT extract(epoch FROM max(locked_until) - now())::float8
              FROM login_throttle
             WHERE ((scope = @accountScope AND key = @account) OR (scope = @addressScope AND key = @address))
               AND locked_until > now()
            """,
            new { accountScope = AccountScope, account, addressScope = AddressScope, address },
            cancellationToken: cancellationToken));
        return seconds is > 0 ? TimeSpan.FromSeconds(seconds.Value) : null;
    }

    public async Task RecordFailureAsync(string account, string address, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(FailureCommand(AccountScope, account, options.AccountMaxFailures));
        batch.BatchCommands.Add(FailureCommand(AddressScope, address, options.AddressMaxFailures));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A successful login clears the account's count; the address keeps its own.</summary>
    public async Task RecordSuccessAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM login_throttle WHERE scope = @scope AND key = @account",
            new { scope = AccountScope, account }, cancellationToken: cancellationToken));
    }

    /// <summary>Forgets windows that ended long ago; called by the maintenance timer.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM login_throttle
             WHERE window_started_at < now() - make_interval(secs => @window)
               AND (locked_until IS NULL OR locked_until < now())
            """,
            new { window = (double)options.WindowSeconds }, cancellationToken: cancellationToken));
    }

    // One upsert per key: a new window starts when the old one is over; the key locks when the count reaches the limit.
    private NpgsqlBatchCommand FailureCommand(string scope, string key, int limit) => new(
        """
        INSERT INTO login_throttle AS t (scope, key, failures, window_started_at, locked_until)
        VALUES ($1, $2, 1, now(), CASE WHEN $3 <= 1 THEN now() + make_interval(secs => $5) END)
        ON CONFLICT (scope, key) DO UPDATE SET
            failures = CASE WHEN t.window_started_at < now() - make_interval(secs => $4) THEN 1 ELSE t.failures + 1 END,
            window_started_at = CASE WHEN t.window_started_at < now() - make_interval(secs => $4) THEN now() ELSE t.window_started_at END,
            locked_until = CASE
                WHEN (CASE WHEN t.window_started_at < now() - make_interval(secs => $4) THEN 1 ELSE t.failures + 1 END) >= $3
                    THEN now() + make_interval(secs => $5)
                ELSE t.locked_until END
        """)
    {
        Parameters =
        {
            new NpgsqlParameter<string> { TypedValue = scope },
            new NpgsqlParameter<string> { TypedValue = key },
            new NpgsqlParameter<int> { TypedValue = limit },
            new NpgsqlParameter<double> { TypedValue = options.WindowSeconds },
            new NpgsqlParameter<double> { TypedValue = options.LockoutSeconds },
        },
    };
}
