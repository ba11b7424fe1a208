using Microsoft.Extensions.Logging;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Infrastructure.Telemetry;

namespace SkillHub.Functions.Registrations;

/// <summary>
/// Moves people from the waiting list to confirmed seats, first come first served. Each promotion is
/// the saga in small: take a free seat in PostgreSQL, then confirm the document; if the document
/// changed meanwhile, give the seat back and try the next person.
/// </summary>
public sealed class WaitingList(
    IRegistrationStore registrations,
    ISeatLedger seats,
    IRegistrationNotifier notifier,
    IActivityLog activity,
    SkillHubMetrics metrics,
    TimeProvider clock,
    ILogger<WaitingList> logger)
{
    // A bound on one call's work; what is left is picked up by the next change or by reconciliation.
    private const int MaxPromotionsPerCall = 1_000;

    /// <summary>Fills the free seats of the workshop from its waiting list; returns who was promoted.</summary>
    public async Task<IReadOnlyList<Registration>> PromoteAsync(Guid workshopId, Guid? by, CancellationToken cancellationToken)
    {
        var promoted = new List<Registration>();
        while (promoted.Count < MaxPromotionsPerCall)
        {
            var next = await registrations.FirstWaitlistedAsync(workshopId, cancellationToken);
            if (next is null || !await seats.TakeFreeSeatAsync(workshopId, cancellationToken))
            {
                break;
            }

            var confirmed = await ConfirmAsync(next, by, cancellationToken);
            if (confirmed is null)
            {
                // Cancelled or promoted by someone else between the read and the write.
                await seats.ReleaseSeatAsync(workshopId, CancellationToken.None);
                continue;
            }

            promoted.Add(confirmed);
        }

        return promoted;
    }

    /// <summary>
    /// Hands the seat of a confirmed registration that was just cancelled to the first person
    /// waiting, without the seat ever being free; when nobody waits, the seat is given back.
    /// </summary>
    public async Task<Registration?> HandOverSeatAsync(Guid workshopId, bool registrationOpen, Guid? by, CancellationToken cancellationToken)
    {
        while (registrationOpen)
        {
            var next = await registrations.FirstWaitlistedAsync(workshopId, cancellationToken);
            if (next is null)
            {
                break;
            }

            if (await ConfirmAsync(next, by, cancellationToken) is { } confirmed)
            {
                return confirmed;
            }
        }

        await seats.ReleaseSeatAsync(workshopId, CancellationToken.None);
        // Someone may have joined the waiting list while the seat was still counted.
        return registrationOpen && await PromoteAsync(workshopId, by, cancellationToken) is [var first, ..] ? first : null;
    }

    private async Task<Registration?> ConfirmAsync(Registration waiting, Guid? by, CancellationToken cancellationToken)
    {
        var confirmed = waiting.Promote(by, DocumentTime.Now(clock)) is { } promotion
            ? await registrations.TransitionAsync(waiting.Id, waiting.Status, promotion, cancellationToken)
            : null;
        if (confirmed is not null)
        {
            logger.LogInformation("Registration {RegistrationId} promoted to confirmed in workshop {WorkshopId}", waiting.Id, waiting.WorkshopId);
            metrics.Promoted();
            await notifier.ChangedAsync(confirmed);
            await activity.AppendQuietlyAsync(
                ActivityEntry.ForSystem(clock, "registration.promote", new ActivityTarget("registration", waiting.Id.ToString()),
                    new Dictionary<string, string> { ["workshopId"] = waiting.WorkshopId.ToString() }),
                logger);
        }

        return confirmed;
    }
}
