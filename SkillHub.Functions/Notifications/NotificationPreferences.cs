using Dapper;
using Npgsql;

namespace SkillHub.Functions.Notifications;

/// <summary>What a participant hears about beyond the messages that always go (confirmations, promotions, cancellations, resets).</summary>
public sealed record NotificationPreferencesResponse(bool Reminders, bool WorkshopUpdates);

public sealed record UpdateNotificationPreferencesRequest(bool? Reminders, bool? WorkshopUpdates);

/// <summary>The preference columns of the users table.</summary>
public sealed class NotificationPreferences(NpgsqlDataSource dataSource)
{
    public async Task<NotificationPreferencesResponse?> FindAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<NotificationPreferencesResponse>(new CommandDefinition(
            "SELECT notify_reminders AS Reminders, notify_workshop_updates AS WorkshopUpdates FROM users WHERE id = @userId",
            new { userId }, cancellationToken: cancellationToken));
    }

    /// <summary>Changes the preferences given, keeps the others; null when there is no such user.</summary>
    public async Task<NotificationPreferencesResponse?> UpdateAsync(Guid userId, UpdateNotificationPreferencesRequest change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<NotificationPreferencesResponse>(new CommandDefinition(
            """
            UPDATE users
               SET notify_reminders = COALESCE(@Reminders, notify_reminders),
                   notify_workshop_updates = COALESCE(@WorkshopUpdates, notify_workshop_updates)
             WHERE id = @userId
            RETURNING notify_reminders AS Reminders, notify_workshop_updates AS WorkshopUpdates
            """,
            new { userId, change.Reminders, change.WorkshopUpdates }, cancellationToken: cancellationToken));
    }
}
