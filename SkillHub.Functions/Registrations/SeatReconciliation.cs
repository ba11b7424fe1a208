using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Infrastructure.Telemetry;
using SkillHub.Functions.Workshops;

namespace SkillHub.Functions.Registrations;

public sealed class ReconciliationOptions
{
    public const string Section = "Reconciliation";

    /// <summary>
    /// How long a seat count must have been still before it is lowered to the confirmed count: a
    /// registration between its two steps looks exactly like a crash for a moment.
    /// </summary>
    public int QuietSeconds { get; set; } = 120;
}

/// <summary>One thing reconciliation found wrong and put right.</summary>
public sealed record SeatRepair(Guid WorkshopId, string Kind, int Before, int After);

/// <summary>
/// Recomputes each workshop's seat count from the confirmed documents, cancels registrations left
/// active on a cancelled workshop, and fills free seats from the waiting list. Runs on a timer and
/// after every restore. Waiting-list positions need no repair: they are derived from queue tickets.
/// </summary>
public sealed class SeatReconciliation(
    ISeatLedger seats,
    IRegistrationStore registrations,
    WaitingList waitingList,
    ReconciliationOptions options,
    IActivityLog activity,
    SkillHubMetrics metrics,
    TimeProvider clock,
    ILogger<SeatReconciliation> logger)
{
    public const string SeatCountCorrected = "reconciliation.seats_corrected";
    public const string RegistrationsCancelled = "reconciliation.registrations_cancelled";
    public const string WaitingListPromoted = "reconciliation.waitinglist_promoted";

    public Task<IReadOnlyList<SeatRepair>> RunAsync(CancellationToken cancellationToken) =>
        RunAsync(TimeSpan.FromSeconds(options.QuietSeconds), cancellationToken);

    /// <param name="quietPeriod">How long a seat count must have been still before it is lowered; zero after a restore, when nothing is in flight.</param>
    public async Task<IReadOnlyList<SeatRepair>> RunAsync(TimeSpan quietPeriod, CancellationToken cancellationToken)
    {
        var repairs = new List<SeatRepair>();
        // Documents first: a count read later can only be ahead of them in the safe direction
        // (a seat counted but not yet used), which waits for the quiet period before it is lowered.
        var counts = await registrations.ActiveCountsAsync(cancellationToken);
        var workshops = await seats.AllAsync(counts.Keys.ToList(), cancellationToken);
        var now = DocumentTime.Now(clock);
        foreach (var workshop in workshops)
        {
            var count = counts.GetValueOrDefault(workshop.Id) ?? new RegistrationCounts(0, 0, 0);
            if (workshop.Status == WorkshopStatus.Cancelled && count.Confirmed + count.Waitlisted > 0)
            {
                var entry = Registration.WorkshopCancellation(null, workshop.CancelReason ?? "The workshop was cancelled.", now);
                var cancelled = await registrations.CancelAllActiveAsync(workshop.Id, entry, cancellationToken);
                repairs.Add(new SeatRepair(workshop.Id, RegistrationsCancelled, count.Confirmed + count.Waitlisted, 0));
                count = new RegistrationCounts(0, 0, count.Cancelled + cancelled);
            }

            var target = Math.Min(count.Confirmed, workshop.Capacity);
            if (count.Confirmed > workshop.Capacity)
            {
                logger.LogError("Workshop {WorkshopId} has {Confirmed} confirmed registrations for {Capacity} seats", workshop.Id, count.Confirmed, workshop.Capacity);
            }

            // Raising the count is always safe and never transient; lowering it waits for a quiet count.
            var quietFor = target > workshop.SeatsTaken ? TimeSpan.Zero : quietPeriod;
            if (target != workshop.SeatsTaken && await seats.CorrectAsync(workshop, target, quietFor, cancellationToken))
            {
                repairs.Add(new SeatRepair(workshop.Id, SeatCountCorrected, workshop.SeatsTaken, target));
            }

            if (RegistrationWindow.IsOpen(workshop.Status, workshop.StartsAt, now) && count.Waitlisted > 0)
            {
                var promoted = await waitingList.PromoteAsync(workshop.Id, null, cancellationToken);
                if (promoted.Count > 0)
                {
                    repairs.Add(new SeatRepair(workshop.Id, WaitingListPromoted, count.Waitlisted, count.Waitlisted - promoted.Count));
                }
            }
        }

        foreach (var repair in repairs)
        {
            logger.LogWarning("Reconciliation: {Kind} in workshop {WorkshopId} ({Before} -> {After})", repair.Kind, repair.WorkshopId, repair.Before, repair.After);
            metrics.Repaired(repair.Kind);
            await activity.AppendQuietlyAsync(
                ActivityEntry.ForSystem(clock, repair.Kind, new ActivityTarget("workshop", repair.WorkshopId.ToString()), new Dictionary<string, string>
                {
                    ["before"] = repair.Before.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["after"] = repair.After.ToString(System.Globalization.CultureInfo.InvariantCulture),
                }),
                logger);
        }

        return repairs;
    }
}

public sealed class ReconcileSeats(SeatReconciliation reconciliation, Notifications.NotificationReconciliation notifications)
{
    [Function("ReconcileSeats")]
    public async Task Run([TimerTrigger("%ReconcileSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await reconciliation.RunAsync(cancellationToken);
        await notifications.RunAsync(cancellationToken);
    }
}
