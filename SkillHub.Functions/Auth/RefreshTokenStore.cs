using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;

namespace SkillHub.Functions.Auth;

/// <summary>The owner of a refresh token that has just been spent, with their current standing.</summary>
public sealed record SpentRefreshToken(Guid FamilyId, Guid UserId, string Role, bool Disabled);

/// <summary>Refresh tokens, stored as hashes, rotated in families.</summary>
public interface IRefreshTokenStore
{
    Task<string> IssueAsync(Guid userId, Guid familyId, TimeSpan lifetime, CancellationToken cancellationToken);

    Task<(SpentRefreshToken Owner, string Successor)?> RotateAsync(string token, TimeSpan lifetime, CancellationToken cancellationToken);

    Task RevokeFamilyAsync(Guid userId, string token, CancellationToken cancellationToken);

    Task<int> PurgeExpiredAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Refresh tokens: 32 random bytes given to the client once, stored only as their SHA-256. Each
/// refresh spends one token and issues its successor in the same family; a spent token that comes
/// back means it was stolen or replayed, and the whole family is revoked (RFC 9700).
/// </summary>
public sealed class RefreshTokenStore(NpgsqlDataSource dataSource, TimeProvider clock) : IRefreshTokenStore
{
    public const int TokenBytes = 32;

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(TokenBytes))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async Task<string> IssueAsync(Guid userId, Guid familyId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await InsertAsync(connection, null, userId, familyId, lifetime, cancellationToken);
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
            // Reuse of a spent token, or a disabled user: nothing of this family may be used again.
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE refresh_tokens SET revoked_at = now()
                 WHERE revoked_at IS NULL
                   AND family_id IN (SELECT family_id FROM refresh_tokens WHERE token_hash = @hash AND (spent_at IS NOT NULL OR @disabled))
                """,
                new { hash, disabled = spent?.Disabled ?? false }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return null;
        }

        var successor = await InsertAsync(connection, transaction, spent.UserId, spent.FamilyId, lifetime, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (spent, successor);
    }

    /// <summary>Revokes the family of a token that belongs to the user; a token of anyone else is left alone.</summary>
    public async Task RevokeFamilyAsync(Guid userId, string token, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE refresh_tokens SET revoked_at = now()
             WHERE revoked_at IS NULL
               AND family_id IN (SELECT family_id FROM refresh_tokens WHERE token_hash = @hash AND user_id = @userId)
            """,
            new { hash = HashOf(token), userId }, cancellationToken: cancellationToken));
    }

    /// <summary>Deletes tokens that expired more than a day ago; called by the maintenance timer.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM refresh_tokens WHERE expires_at < now() - interval '1 day'", cancellationToken: cancellationToken));
    }

    internal static byte[] HashOf(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

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
