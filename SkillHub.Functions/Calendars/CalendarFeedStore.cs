using Dapper;
using Npgsql;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Calendars;

/// <summary>The calendar_feeds table: one feed token per user, stored as its SHA-256 only (sql/0011).</summary>
public sealed class CalendarFeedStore(NpgsqlDataSource dataSource)
{
    /// <summary>A new token for the user, replacing theirs; null when the user is gone or disabled.</summary>
    public async Task<string?> ReplaceAsync(Guid userId, CancellationToken cancellationToken)
    {
        var token = OpaqueTokens.New();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var written = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO calendar_feeds (user_id, token_hash)
            SELECT id, @hash FROM users WHERE id = @userId AND NOT disabled
            ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()
            """,
            new { userId, hash = OpaqueTokens.Hash(token) }, cancellationToken: cancellationToken));
        return written == 1 ? token : null;
    }

    public async Task RevokeAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM calendar_feeds WHERE user_id = @userId", new { userId }, cancellationToken: cancellationToken));
    }

    /// <summary>Whose feed the token opens; null for a token never issued, replaced, revoked, or of a disabled account.</summary>
    public async Task<Guid?> OwnerAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!OpaqueTokens.IsWellFormed(token))
        {
            return null;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            """
            SELECT f.user_id FROM calendar_feeds f JOIN users u ON u.id = f.user_id
             WHERE f.token_hash = @hash AND NOT u.disabled
            """,
            new { hash = OpaqueTokens.Hash(token) }, cancellationToken: cancellationToken));
    }
}
