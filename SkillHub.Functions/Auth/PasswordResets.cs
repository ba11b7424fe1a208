using System.Text.Json;
using Dapper;
using Npgsql;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Notifications;

namespace SkillHub.Functions.Auth;

/// <summary>
/// Password resets: a request writes the reset and its message in one statement whether the address
/// names an account or not, so neither the answer nor its timing says which; a confirmation spends the
/// reset, sets the password and ends every session in one transaction.
/// </summary>
public sealed class PasswordResets(NpgsqlDataSource dataSource, ThrottleCounters counters, NotificationSignal signal, TimeProvider clock)
{
    public const string AddressScope = "reset_address";
    public const string AccountScope = "reset_account";

    /// <summary>Resets one client address may ask for within <see cref="Window"/>.</summary>
    public const int MaxPerAddress = 20;

    /// <summary>Resets asked for one e-mail address (existing or not) within <see cref="Window"/>.</summary>
    public const int MaxPerAccount = 5;

    public static TimeSpan Window { get; } = TimeSpan.FromHours(1);

    public static TimeSpan Lifetime => NotificationMessages.ResetLinkLifetime;

    /// <summary>Reserves one request from the address for the account: null when it may go ahead, else how long to wait.</summary>
    public Task<TimeSpan?> ReserveAsync(string normalizedEmail, string clientAddress, CancellationToken cancellationToken) =>
        counters.ReserveAsync(
            [new ThrottleKey(AccountScope, normalizedEmail, MaxPerAccount), new ThrottleKey(AddressScope, AddressKey.Of(clientAddress), MaxPerAddress)],
            new ThrottleWindow((int)Window.TotalSeconds, (int)Window.TotalSeconds),
            cancellationToken);

    /// <summary>For an active account with this address, a reset and its message; for any other address, nothing, in the same statement.</summary>
    public async Task RequestAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var resetId = Guid.CreateVersion7();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            WITH account AS (
                SELECT id, email FROM users WHERE lower(email) = lower(@normalizedEmail) AND NOT disabled),
            reset AS (
                INSERT INTO password_resets (id, user_id, created_at, expires_at)
                SELECT @resetId, id, @now, @expiresAt FROM account
                RETURNING user_id)
            INSERT INTO notifications (id, message_key, event, user_id, data, recipient, next_attempt_at, created_at)
            SELECT @notificationId, @key, @event, account.id, @data::jsonb, account.email, @now, @now
              FROM reset JOIN account ON account.id = reset.user_id
            """,
            new
            {
                normalizedEmail,
                resetId,
                now,
                expiresAt = now + Lifetime,
                notificationId = Guid.CreateVersion7(),
                key = $"{NotificationEvents.PasswordReset}:{resetId}",
                @event = NotificationEvents.PasswordReset,
                data = JsonSerializer.Serialize(new { resetId }),
            },
            cancellationToken: cancellationToken));
        signal.Wake();
    }

    /// <summary>The account an unspent, unexpired reset is for, and its e-mail address; null otherwise.</summary>
    public async Task<(Guid UserId, string Email)?> FindValidAsync(Guid resetId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var found = await connection.QuerySingleOrDefaultAsync<(Guid, string)?>(new CommandDefinition(
            """
            SELECT u.id, u.email FROM password_resets r JOIN users u ON u.id = r.user_id
             WHERE r.id = @resetId AND r.used_at IS NULL AND r.expires_at > @now AND NOT u.disabled
            """,
            new { resetId, now = clock.GetUtcNow().UtcDateTime }, cancellationToken: cancellationToken));
        return found;
    }

    /// <summary>
    /// Spends the reset (and every other open reset of the account), sets the password and ends every
    /// session, in one transaction; false when the reset was spent or expired meanwhile.
    /// </summary>
    public async Task<bool> ConfirmAsync(Guid resetId, string passwordHash, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var userId = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "UPDATE password_resets SET used_at = @now WHERE id = @resetId AND used_at IS NULL AND expires_at > @now RETURNING user_id",
            new { resetId, now }, transaction, cancellationToken: cancellationToken));
        if (userId is not { } id)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE password_resets SET used_at = @now WHERE user_id = @id AND used_at IS NULL;
            UPDATE users SET password_hash = @passwordHash, updated_at = now() WHERE id = @id AND NOT disabled;
            UPDATE sessions SET ended_at = now() WHERE user_id = @id AND ended_at IS NULL;
            """,
            new { id, now, passwordHash }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Drops resets expired for a day and the throttle counters past their window.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var resets = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM password_resets WHERE expires_at < @before", new { before = clock.GetUtcNow().UtcDateTime.AddDays(-1) }, cancellationToken: cancellationToken));
        return resets + await counters.PurgeAsync([AddressScope, AccountScope], (int)Window.TotalSeconds, cancellationToken);
    }
}
