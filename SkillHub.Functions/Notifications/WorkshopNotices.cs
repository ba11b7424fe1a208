using Dapper;
using Npgsql;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Registrations;

namespace SkillHub.Functions.Notifications;

/// <summary>
/// The messages a workshop's own changes make: each change the database recorded (sql/0010's trigger)
/// becomes one message per registrant, and each workshop about to start, one reminder per confirmed
/// participant. Each is claimed with <c>FOR UPDATE SKIP LOCKED</c> and written in the transaction that
/// marks it done, so a crash repeats the work and the outbox's keys keep it from counting twice.
/// </summary>
public sealed class WorkshopNotices(NpgsqlDataSource dataSource, NotificationOutbox outbox, IRegistrationStore registrations, NotificationOptions options, TimeProvider clock)
{
    // Far above any workshop's capacity and waiting list.
    private const int MaxRegistrants = 100_000;

    /// <summary>Turns every recorded change into messages; returns how many were written.</summary>
    public async Task<int> ExpandChangesAsync(CancellationToken cancellationToken)
    {
        var written = 0;
        while (true)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var change = await connection.QuerySingleOrDefaultAsync<WorkshopChange>(new CommandDefinition(
                """
                SELECT workshop_id AS WorkshopId, version AS Version, event AS Event, previous::text AS Previous
                  FROM workshop_changes
                 WHERE expanded_at IS NULL
                 ORDER BY created_at
                 LIMIT 1
                   FOR UPDATE SKIP LOCKED
                """,
                transaction: transaction, cancellationToken: cancellationToken));
            if (change is null)
            {
                return written;
            }

            var told = await RegistrantsAsync(change.WorkshopId, change.Event, cancellationToken);
            written += await outbox.EnqueueAsync(connection, transaction,
                told.Select(r => Notice.ForWorkshopChange(change.Event, change.WorkshopId, change.Version, r, change.Previous)).ToList(), cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE workshop_changes SET expanded_at = @now WHERE workshop_id = @WorkshopId AND version = @Version",
                new { change.WorkshopId, change.Version, now = clock.GetUtcNow().UtcDateTime }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Writes the reminders of every published workshop starting within <c>Notifications__ReminderHours</c>; returns how many.</summary>
    public async Task<int> EnqueueRemindersAsync(CancellationToken cancellationToken)
    {
        var written = 0;
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var workshopId = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
                """
                SELECT id FROM workshops
                 WHERE status = 'published' AND reminders_at IS NULL AND starts_at > @now AND starts_at <= @until
                 ORDER BY starts_at
                 LIMIT 1
                   FOR UPDATE SKIP LOCKED
                """,
                new { now, until = now.AddHours(options.ReminderHours) }, transaction, cancellationToken: cancellationToken));
            if (workshopId is not { } id)
            {
                return written;
            }

            var confirmed = await RegistrantsAsync(id, NotificationEvents.Reminder, cancellationToken);
            written += await outbox.EnqueueAsync(connection, transaction, confirmed.Select(Notice.ForReminder).ToList(), cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE workshops SET reminders_at = @now WHERE id = @id", new { id, now }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Who hears of the event: for a cancelled workshop, everyone its cancellation cancelled (or will:
    /// whoever is still active); otherwise the confirmed participants.
    /// </summary>
    private async Task<IEnumerable<Registration>> RegistrantsAsync(Guid workshopId, string @event, CancellationToken cancellationToken)
    {
        // One read: paging a list that cancellations are reordering could skip someone.
        var cancelled = @event == NotificationEvents.WorkshopCancelled;
        var (items, _) = await registrations.ListForWorkshopAsync(
            workshopId, cancelled ? null : RegistrationStatus.Confirmed, new PageRequest(1, MaxRegistrants), cancellationToken);
        return cancelled ? items.Where(r => r.IsActive || r.History[^1].Cause == HistoryEntry.WorkshopCancelled) : items;
    }

    private sealed record WorkshopChange(Guid WorkshopId, int Version, string Event, string Previous);
}
