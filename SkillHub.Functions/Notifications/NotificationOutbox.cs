using Dapper;
using Npgsql;
using SkillHub.Functions.Infrastructure.Http;

namespace SkillHub.Functions.Notifications;

/// <summary>A message waiting in the outbox, as the sender claims it.</summary>
public sealed record PendingNotification(
    Guid Id, string MessageKey, string Event, Guid UserId, Guid? WorkshopId, Guid? RegistrationId, string Data, int Attempts, DateTime CreatedAt);

/// <summary>A message as the admin's list shows it.</summary>
public sealed record NotificationRecord(
    Guid Id, string Event, string? Recipient, string? Subject, string Status, int Attempts, string? LastError, DateTime CreatedAt, DateTime? SentAt);

public static class NotificationStatus
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Failed = "failed";

    /// <summary>Not sent, and never will be: the account is disabled, or the message no longer applies (see its error).</summary>
    public const string Skipped = "skipped";

    public static IReadOnlyList<string> All { get; } = [Pending, Sent, Failed, Skipped];
}

/// <summary>The admin list's filters.</summary>
public sealed record NotificationQuery(string? Status, string? Recipient, string? Event);

/// <summary>
/// The notifications table: messages are written here with the change they report, and the sender
/// claims them with <c>FOR UPDATE SKIP LOCKED</c>, so several instances never send one row twice.
/// Times come from the app's clock, like every rule that compares them.
/// </summary>
public sealed class NotificationOutbox(NpgsqlDataSource dataSource, NotificationSignal signal, TimeProvider clock)
{
    private const string RecordColumns =
        "id AS Id, event AS Event, recipient AS Recipient, subject AS Subject, status AS Status, attempts AS Attempts, last_error AS LastError, created_at AS CreatedAt, sent_at AS SentAt";

    /// <summary>
    /// Writes the messages of registration changes, derived from the documents' history (a message
    /// already written stays as it is), then wakes the sender; returns how many were new.
    /// </summary>
    /// <remarks>
    /// This one statement commits without waiting for its WAL flush (<c>synchronous_commit</c> off for
    /// its own transaction only), which the bench measures as what a registration's outbox row costs
    /// most (README "Optimisation"). A server crash may lose the rows of its last fraction of a second
    /// (three times <c>wal_writer_delay</c> at most); the documents they come from still hold the
    /// change, and <see cref="NotificationReconciliation"/> writes them again under the same keys.
    /// The seat itself always commits durably: it is what prevents overbooking.
    /// </remarks>
    public async Task<int> EnqueueFromHistoryAsync(IReadOnlyCollection<Notice> notices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notices);
        if (notices.Count == 0)
        {
            return 0;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Both statements go in one round trip and one implicit transaction (Npgsql sends one Sync),
        // so the setting ends with it: the pooled connection's next user commits durably again.
        var written = await connection.ExecuteAsync(Insert(notices, "SELECT set_config('synchronous_commit', 'off', true);\n", null, cancellationToken));
        signal.Wake();
        return written;
    }

    /// <summary>Writes the messages inside the caller's transaction, so they commit with the change they report.</summary>
    internal async Task<int> EnqueueAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyCollection<Notice> notices, CancellationToken cancellationToken) =>
        notices.Count == 0 ? 0 : await connection.ExecuteAsync(Insert(notices, "", transaction, cancellationToken));

    private CommandDefinition Insert(IReadOnlyCollection<Notice> notices, string before, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new CommandDefinition(
            before +
            """
            INSERT INTO notifications (id, message_key, event, user_id, workshop_id, registration_id, data, recipient, next_attempt_at, created_at)
            SELECT n.id, n.message_key, n.event, n.user_id, n.workshop_id, n.registration_id, n.data::jsonb, u.email, @now, @now
              FROM unnest(@ids, @keys, @events, @users, @workshops, @registrations, @data)
                   AS n (id, message_key, event, user_id, workshop_id, registration_id, data)
              JOIN users u ON u.id = n.user_id
            ON CONFLICT (message_key) DO NOTHING
            """,
            new
            {
                ids = notices.Select(_ => Guid.CreateVersion7()).ToArray(),
                keys = notices.Select(n => n.Key).ToArray(),
                events = notices.Select(n => n.Event).ToArray(),
                users = notices.Select(n => n.UserId).ToArray(),
                workshops = notices.Select(n => n.WorkshopId).ToArray(),
                registrations = notices.Select(n => n.RegistrationId).ToArray(),
                data = notices.Select(n => n.Data).ToArray(),
                now,
            },
            transaction,
            cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Up to <paramref name="max"/> due messages, taken with <c>FOR UPDATE SKIP LOCKED</c> and leased for
    /// <paramref name="lease"/>: no other sender takes them meanwhile, and if this one stops before it
    /// records an outcome, they are due again when the lease ends.
    /// </summary>
    public async Task<IReadOnlyList<PendingNotification>> ClaimAsync(int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var claimed = await connection.QueryAsync<PendingNotification>(new CommandDefinition(
            """
            UPDATE notifications AS n SET next_attempt_at = @leasedUntil
              FROM (SELECT id FROM notifications
                     WHERE status = 'pending' AND next_attempt_at <= @now
                     ORDER BY next_attempt_at, created_at
                     LIMIT @max
                       FOR UPDATE SKIP LOCKED) AS due
             WHERE n.id = due.id
            RETURNING n.id AS Id, n.message_key AS MessageKey, n.event AS Event, n.user_id AS UserId, n.workshop_id AS WorkshopId,
                      n.registration_id AS RegistrationId, n.data::text AS Data, n.attempts AS Attempts, n.created_at AS CreatedAt
            """,
            new { now, leasedUntil = now + lease, max },
            cancellationToken: cancellationToken));
        return claimed.OrderBy(m => m.CreatedAt).ToList();
    }

    public Task SentAsync(PendingNotification message, string recipient, string subject, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return RecordAsync(message, NotificationStatus.Sent, recipient, subject, null, now, now, cancellationToken);
    }

    /// <summary>A failed attempt: the message is tried again at <paramref name="retryAt"/>, or is failed for good when that is null.</summary>
    public Task FailedAsync(PendingNotification message, string? recipient, string? subject, string error, DateTime? retryAt, CancellationToken cancellationToken) =>
        RecordAsync(message, retryAt is null ? NotificationStatus.Failed : NotificationStatus.Pending, recipient, subject, error,
            retryAt ?? clock.GetUtcNow().UtcDateTime, null, cancellationToken);

    public async Task SkippedAsync(PendingNotification message, string? recipient, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE notifications SET status = 'skipped', recipient = COALESCE(@recipient, recipient), last_error = @reason WHERE id = @Id",
            new { message.Id, recipient, reason = Truncate(reason) }, cancellationToken: cancellationToken));
    }

    /// <summary>How many messages wait to be sent, due or not (the partial index of pending messages answers it).</summary>
    public async Task<long> PendingCountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM notifications WHERE status = 'pending'", cancellationToken: cancellationToken));
    }

    /// <summary>Lets a claimed message go before its lease ends, unattempted (the pass was stopped).</summary>
    public async Task ReleaseAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE notifications SET next_attempt_at = @now WHERE id = ANY(@ids) AND status = 'pending'",
            new { ids = ids.ToArray(), now = clock.GetUtcNow().UtcDateTime }, cancellationToken: cancellationToken));
    }

    /// <summary>The recipients of a batch, as the users table says now, in one query.</summary>
    public async Task<IReadOnlyDictionary<Guid, Recipient>> RecipientsAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var recipients = await connection.QueryAsync<Recipient>(new CommandDefinition(
            """
            SELECT id AS Id, email AS Email, display_name AS DisplayName, disabled AS Disabled,
                   notify_reminders AS Reminders, notify_workshop_updates AS WorkshopUpdates, erased_at IS NOT NULL AS Erased
              FROM users WHERE id = ANY(@ids)
            """,
            new { ids = userIds.ToArray() }, cancellationToken: cancellationToken));
        return recipients.ToDictionary(r => r.Id);
    }

    /// <summary>The workshops of a batch, as they stand now, in one query.</summary>
    public async Task<IReadOnlyDictionary<Guid, NotifiedWorkshop>> WorkshopsAsync(IReadOnlyCollection<Guid> workshopIds, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var workshops = await connection.QueryAsync<NotifiedWorkshop>(new CommandDefinition(
            """
            SELECT id AS Id, title AS Title, starts_at AS StartsAt, ends_at AS EndsAt, location AS Location, status AS Status,
                   cancel_reason AS CancelReason, version AS Version
              FROM workshops WHERE id = ANY(@ids)
            """,
            new { ids = workshopIds.ToArray() }, cancellationToken: cancellationToken));
        return workshops.ToDictionary(w => w.Id);
    }

    public async Task<(IReadOnlyList<NotificationRecord> Items, long Total)> ListAsync(NotificationQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var parameters = new { query.Status, query.Recipient, query.Event, offset = page.Offset, limit = page.PageSize };
        const string Where =
            """
             WHERE (@Status::text IS NULL OR status = @Status)
               AND (@Recipient::text IS NULL OR lower(recipient) = lower(@Recipient))
               AND (@Event::text IS NULL OR event = @Event)
            """;
        var items = await connection.QueryAsync<NotificationRecord>(new CommandDefinition(
            $"SELECT {RecordColumns} FROM notifications {Where} ORDER BY created_at DESC, id DESC OFFSET @offset LIMIT @limit",
            parameters, cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM notifications {Where}", parameters, cancellationToken: cancellationToken));
        return (items.AsList(), total);
    }

    /// <summary>A failed message back to pending, with its attempts counted afresh; null when there is no such message, false when it has not failed.</summary>
    public async Task<bool?> RetryAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var outcome = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            """
            WITH retried AS (
                UPDATE notifications SET status = 'pending', attempts = 0, next_attempt_at = @now
                 WHERE id = @id AND status = 'failed'
                RETURNING id)
            SELECT CASE WHEN EXISTS (SELECT 1 FROM retried) THEN 'retried' ELSE (SELECT status FROM notifications WHERE id = @id) END
            """,
            new { id, now = clock.GetUtcNow().UtcDateTime }, cancellationToken: cancellationToken));
        if (outcome == "retried")
        {
            signal.Wake();
        }

        return outcome is null ? null : outcome == "retried";
    }

    private async Task RecordAsync(PendingNotification message, string status, string? recipient, string? subject, string? error, DateTime nextAttempt, DateTime? sentAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE notifications
               SET status = @status, attempts = attempts + 1, recipient = COALESCE(@recipient, recipient), subject = COALESCE(@subject, subject),
                   last_error = @error, next_attempt_at = @nextAttempt, sent_at = @sentAt
             WHERE id = @Id
            """,
            new { message.Id, status, recipient, subject, error = Truncate(error), nextAttempt, sentAt },
            cancellationToken: cancellationToken));
    }

    private static string? Truncate(string? text) => text is { Length: > 500 } ? text[..500] : text;
}
