using Microsoft.Extensions.Logging;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Registrations;

namespace SkillHub.Functions.Notifications;

/// <summary>
/// Writes again the messages of recent registration changes, from their documents' history: a crash
/// between a document write and its outbox row loses nothing. The outbox keeps one row per key, so
/// what was written already is left as it is.
/// </summary>
public sealed class NotificationReconciliation(IRegistrationStore registrations, NotificationOutbox outbox, TimeProvider clock, ILogger<NotificationReconciliation> logger)
{
    /// <summary>How far back changes are looked at: many reconciliation periods, and short enough that no stale news goes out.</summary>
    public static TimeSpan Lookback { get; } = TimeSpan.FromHours(1);

    /// <summary>Returns how many messages were missing and are now written.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var since = DocumentTime.Now(clock) - Lookback;
        var changed = await registrations.ChangedSinceAsync(since, cancellationToken);
        var notices = changed
            .SelectMany(r => Enumerable.Range(0, r.History.Count).Where(i => r.History[i].At >= since).Select(i => Notice.ForEntry(r, i)))
            .OfType<Notice>()
            .ToList();
        var written = 0;
        foreach (var chunk in notices.Chunk(500))
        {
            written += await outbox.EnqueueFromHistoryAsync(chunk, cancellationToken);
        }

        if (written > 0)
        {
            logger.LogWarning("Reconciliation wrote {Count} notification(s) that a crash had lost", written);
        }

        return written;
    }
}
