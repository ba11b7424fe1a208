namespace SkillHub.Functions.Workshops;

/// <summary>The registrations' side of a workshop change (implemented next to the registration saga).</summary>
public interface IWorkshopRegistrations
{
    /// <summary>Seats were added: the waiting list moves up, first come first served. Returns how many were promoted.</summary>
    Task<int> CapacityRaisedAsync(Guid workshopId, Guid by, CancellationToken cancellationToken);

    /// <summary>The workshop was cancelled: every active registration is cancelled with the reason.</summary>
    Task WorkshopCancelledAsync(Guid workshopId, Guid by, string reason, CancellationToken cancellationToken);
}
