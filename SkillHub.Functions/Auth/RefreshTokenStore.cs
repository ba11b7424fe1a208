using Dapper;
using Npgsql;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Auth;

/// <summary>The owner of a refresh token that has just been spent, with their current standing.</summary>
public sealed record SpentRefreshToken(Guid FamilyId, Guid UserId, string Role, bool Disabled);

/// <summary>Refresh tokens, stored as hashes, rotated in families; each family is one session.</summary>
public interface IRefreshTokenStore
{
    /// <summary>Starts session <paramref name="familyId"/> of the user and issues its first refresh token.</summary>
    Task<string> IssueAsync(Guid userId, Guid familyId, TimeSpan lifetime, CancellationToken cancellationToken);

    Task<(SpentRefreshToken Owner, string Successor)?> RotateAsync(string token, TimeSpan lifetime, CancellationToken cancellationToken);

    Task EndSessionAsync(Guid userId, Guid sessionId, string? token, CancellationToken cancellationToken);

    Task<int> PurgeExpiredAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Refresh tokens: 32 random bytes given to the client once, stored only as their SHA-256. Each
/// refresh spends one token and issues its successor in the same family; a spent token that comes
/// back means it was stolen or replayed, and the whole family's session is ended (RFC 9700). Ending
/// a session revokes its tokens (a trigger of sql/0007).
/// </summary>
public sealed class RefreshTokenStore(NpgsqlDataSource dataSource, TimeProvider clock) : IRefreshTokenStore
{
    public const int TokenBytes = OpaqueTokens.Bytes;

    public static string NewToken() => OpaqueTokens.New();

    public async Task<string> IssueAsync(Guid userId, Guid familyId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO sessions (id, user_id, created_at) VALUES (@familyId, @userId, @now)",
            new { familyId, userId, now = clock.GetUtcNow().UtcDateTime }, transaction, cancellationToken: cancellationToken));
        var token = await InsertAsync(connection, transaction, userId, familyId, lifetime, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return token;
    }

    /// <summary>
    /// Spends the token and issues its successor in one transaction. Returns null when the token is
    /// unknown, expired, revoked or already spent (then its family is revoked), or when its user is
    /// disabled (then too).
    /// </summary>
    public async Task<(SpentRefreshToken Owner, string Successor)?> RotateAsync(string token, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var hash = HashOf(token);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Every change to a session's tokens takes the session row first (ending a session does, and
        // its trigger then revokes the tokens): parallel refreshes of one token queue on that row
        // instead of each locking token rows in another order, which deadlocked under a burst.
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT 1 FROM sessions WHERE id = (SELECT family_id FROM refresh_tokens WHERE token_hash = @hash) FOR NO KEY UPDATE",
            new { hash }, transaction, cancellationToken: cancellationToken));
        var spent = await connection.QuerySingleOrDefaultAsync<SpentRefreshToken>(new CommandDefinition(
            """
            UPDATE refresh_tokens AS t SET spent_at = now()
              FROM users AS u
             WHERE t.token_hash = @hash AND t.user_id = u.id
               AND t.spent_at IS NULL AND t.revoked_at IS NULL AND t.expires_at > now()
            RETURNING t.family_id AS FamilyId, t.user_id AS UserId, u.role AS Role, u.disabled AS Disabled
            """,
            new { hash }, transaction, cancellationToken: cancellationToken));

        if (spent is null || spent.Disabled)
        {
            // Reuse of a spent token, or a disabled user: nothing of this session may be used again.
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE sessions SET ended_at = now()
                 WHERE ended_at IS NULL
                   AND id IN (SELECT family_id FROM refresh_tokens WHERE token_hash = @hash AND (spent_at IS NOT NULL OR @disabled))
                """,
                new { hash, disabled = spent?.Disabled ?? false }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return null;
        }

        var successor = await InsertAsync(connection, transaction, spent.UserId, spent.FamilyId, lifetime, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (spent, successor);
    }

    /// <summary>
    /// Ends the user's session <paramref name="sessionId"/> and the session of <paramref name="token"/>
    /// when it is theirs (usually the same one); a session of anyone else is left alone.
    /// </summary>
    public async Task EndSessionAsync(Guid userId, Guid sessionId, string? token, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE sessions SET ended_at = now()
             WHERE ended_at IS NULL AND user_id = @userId
               AND (id = @sessionId OR id IN (SELECT family_id FROM refresh_tokens WHERE token_hash = @hash))
            """,
            new { hash = token is null ? null : HashOf(token), userId, sessionId }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Deletes tokens that expired more than a day ago, then the sessions left without a token:
    /// every access token of such a session expired long before (an access token lives a day at
    /// most, and is never issued later than the refresh token beside it). Called by the maintenance timer.
    /// </summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM refresh_tokens WHERE expires_at < now() - interval '1 day';
            DELETE FROM sessions AS s
             WHERE s.created_at < now() - interval '2 days'
               AND NOT EXISTS (SELECT 1 FROM refresh_tokens AS t WHERE t.family_id = s.id);
            """, cancellationToken: cancellationToken));
    }

    internal static byte[] HashOf(string token) => OpaqueTokens.Hash(token);

    private async Task<string> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid userId, Guid familyId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var token = NewToken();
        var now = clock.GetUtcNow().UtcDateTime;
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, created_at, expires_at)
            VALUES (@id, @familyId, @userId, @hash, @now, @expires)
            """,
            new { id = Guid.CreateVersion7(), familyId, userId, hash = HashOf(token), now, expires = now + lifetime },
            transaction, cancellationToken: cancellationToken));
        return token;
    }
}
