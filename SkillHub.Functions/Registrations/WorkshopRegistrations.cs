using Microsoft.Extensions.Logging;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Workshops;

namespace SkillHub.Functions.Registrations;

/// <summary>What happens to registrations when their workshop changes.</summary>
public sealed class WorkshopRegistrations(IRegistrationStore registrations, WaitingList waitingList, TimeProvider clock, ILogger<WorkshopRegistrations> logger)
    : IWorkshopRegistrations
{
    public async Task<int> CapacityRaisedAsync(Guid workshopId, Guid by, CancellationToken cancellationToken) =>
        (await waitingList.PromoteAsync(workshopId, by, cancellationToken)).Count;

    public async Task WorkshopCancelledAsync(Guid workshopId, Guid by, string reason, CancellationToken cancellationToken)
    {
        var entry = Registration.WorkshopCancellation(by, reason, DocumentTime.Now(clock));
        try
        {
            var cancelled = await registrations.CancelAllActiveAsync(workshopId, entry, cancellationToken);
            logger.LogInformation("Workshop {WorkshopId} cancelled: {Count} registrations cancelled", workshopId, cancelled);
        }
        catch (Exception exception) when (Infrastructure.Http.ErrorMapping.IsDatabaseUnavailable(exception))
        {
            // The workshop is cancelled in PostgreSQL already; reconciliation cancels what is left.
            logger.LogWarning("Registrations of cancelled workshop {WorkshopId} not cancelled yet ({Failure}); reconciliation will", workshopId, exception.GetType().Name);
        }
    }
}
