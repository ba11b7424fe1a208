using Dapper;
using Npgsql;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Notifications;
using SkillHub.Functions.Registrations;

namespace SkillHub.Functions.Users;

/// <summary>DELETE /api/me: the current password, as proof that the holder of the session is the person.</summary>
public sealed record EraseAccountRequest(string? Password);

/// <summary>
/// GET /api/me/export: everything SkillHub holds about the caller, from both databases. Each list is
/// the newest <see cref="Limit"/> items, with the total and whether some were left out; never a
/// password hash, a token or a token's hash.
/// </summary>
public sealed record PersonalDataExport(
    DateTime ExportedAt,
    int Limit,
    ExportedAccount Account,
    ExportedList<MyRegistrationItem> Registrations,
    ExportedList<ExportedComment> Comments,
    ExportedList<ExportedNotification> Notifications,
    ExportedList<ActivityEntry> Activity,
    ExportedList<ExportedSession> Sessions,
    ExportedList<ExportedPasswordReset> PasswordResets);

public sealed record ExportedAccount(
    Guid Id, string Email, string DisplayName, string Role, bool Disabled, DateTime CreatedAt, DateTime UpdatedAt, NotificationPreferencesResponse Notifications);

public sealed record ExportedList<T>(IReadOnlyList<T> Items, long Total, bool Truncated);

public static class ExportedList
{
    public static ExportedList<T> Of<T>(IReadOnlyList<T> items, long total)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new(items, total, total > items.Count);
    }
}

/// <summary>A comment the caller wrote, hidden ones too (and when they were hidden).</summary>
public sealed record ExportedComment(Guid Id, Guid WorkshopId, string Body, int? Rating, DateTime CreatedAt, DateTime UpdatedAt, bool Hidden, DateTime? HiddenAt);

/// <summary>A message written to the caller: what it was about and what became of it, never its body (a reset message's holds a link).</summary>
public sealed record ExportedNotification(Guid Id, string Event, Guid? WorkshopId, string? Subject, string Status, DateTime CreatedAt, DateTime? SentAt);

/// <summary>A login's session: when it began, ended, and until when its newest refresh token was valid.</summary>
public sealed record ExportedSession(Guid Id, DateTime CreatedAt, DateTime? EndedAt, DateTime? ExpiresAt);

public sealed record ExportedPasswordReset(Guid Id, DateTime CreatedAt, DateTime ExpiresAt, DateTime? UsedAt);

/// <summary>What PostgreSQL holds about one person, read in one round trip.</summary>
public sealed class PersonalDataStore(NpgsqlDataSource dataSource)
{
    public async Task<PostgresPersonalData?> ReadAsync(Guid userId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            """
            SELECT id AS Id, email AS Email, display_name AS DisplayName, role AS Role, disabled AS Disabled, created_at AS CreatedAt,
                   updated_at AS UpdatedAt, notify_reminders AS Reminders, notify_workshop_updates AS WorkshopUpdates
              FROM users WHERE id = @userId;
            SELECT count(*) FROM notifications WHERE user_id = @userId;
            SELECT id AS Id, event AS Event, workshop_id AS WorkshopId, subject AS Subject, status AS Status, created_at AS CreatedAt, sent_at AS SentAt
              FROM notifications WHERE user_id = @userId ORDER BY created_at DESC, id DESC LIMIT @limit;
            SELECT count(*) FROM sessions WHERE user_id = @userId;
            SELECT s.id AS Id, s.created_at AS CreatedAt, s.ended_at AS EndedAt,
                   (SELECT max(r.expires_at) FROM refresh_tokens r WHERE r.family_id = s.id) AS ExpiresAt
              FROM sessions s WHERE s.user_id = @userId ORDER BY s.created_at DESC, s.id DESC LIMIT @limit;
            SELECT count(*) FROM password_resets WHERE user_id = @userId;
            SELECT id AS Id, created_at AS CreatedAt, expires_at AS ExpiresAt, used_at AS UsedAt
              FROM password_resets WHERE user_id = @userId ORDER BY created_at DESC, id DESC LIMIT @limit;
            """,
            new { userId, limit }, cancellationToken: cancellationToken));
        var account = await results.ReadSingleOrDefaultAsync<AccountRow>();
        var notifications = await ReadListAsync<ExportedNotification>(results);
        var sessions = await ReadListAsync<ExportedSession>(results);
        var resets = await ReadListAsync<ExportedPasswordReset>(results);
        return account is null ? null : new PostgresPersonalData(account.ToAccount(), notifications, sessions, resets);
    }

    private static async Task<ExportedList<T>> ReadListAsync<T>(SqlMapper.GridReader results)
    {
        var total = await results.ReadSingleAsync<long>();
        return ExportedList.Of<T>((await results.ReadAsync<T>()).AsList(), total);
    }

    private sealed record AccountRow(
        Guid Id, string Email, string DisplayName, string Role, bool Disabled, DateTime CreatedAt, DateTime UpdatedAt, bool Reminders, bool WorkshopUpdates)
    {
        public ExportedAccount ToAccount() =>
            new(Id, Email, DisplayName, Role, Disabled, CreatedAt, UpdatedAt, new NotificationPreferencesResponse(Reminders, WorkshopUpdates));
    }
}

public sealed record PostgresPersonalData(
    ExportedAccount Account, ExportedList<ExportedNotification> Notifications, ExportedList<ExportedSession> Sessions, ExportedList<ExportedPasswordReset> PasswordResets);
