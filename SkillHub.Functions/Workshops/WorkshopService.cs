using Microsoft.Extensions.Logging;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Notifications;

namespace SkillHub.Functions.Workshops;

/// <summary>The workshop use cases. Each write is one conditional statement; when it touches nothing, the current row says why.</summary>
/// <remarks>
/// A published workshop's move or cancellation is recorded for its registrants by the same statement
/// (sql/0010); the service only wakes the sender so the messages leave at once.
/// </remarks>
public sealed class WorkshopService(
    IWorkshopStore store, IWorkshopRegistrations registrations, NotificationSignal notifications, TimeProvider clock, ILogger<WorkshopService> logger)
{
    private const string NotFound = "No such workshop.";

    public async Task<Outcome<WorkshopRecord>> GetAsync(Guid id, Caller? caller, CancellationToken cancellationToken) =>
        await store.FindVisibleAsync(id, caller, cancellationToken) is { } workshop ? workshop : Failure.NotFound(NotFound);

    public async Task<Outcome<WorkshopRecord>> CreateAsync(Caller caller, CreateWorkshopRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors()
            .Required("title", request.Title)
            .Required("startsAt", request.StartsAt)
            .Required("endsAt", request.EndsAt)
            .Required("location", request.Location)
            .Required("capacity", request.Capacity);
        Guid trainerId;
        if (caller.IsAdmin)
        {
            errors.When(request.TrainerId is null, "trainerId", "An admin must name the workshop's trainer.");
            trainerId = request.TrainerId ?? Guid.Empty;
        }
        else
        {
            if (request.TrainerId is { } named && named != caller.Id)
            {
                return Failure.Forbidden("A trainer creates workshops for themselves only.");
            }

            trainerId = caller.Id;
        }

        if (errors.ToFailure() is { } missing)
        {
            return missing;
        }

        var details = new WorkshopDetails(request.Title!.Trim(), request.Description?.Trim() ?? string.Empty, request.StartsAt!.Value,
            request.EndsAt!.Value, request.Location!.Trim(), request.Capacity!.Value);
        if (WorkshopRules.Check(details, clock.GetUtcNow().UtcDateTime, startsAtMustBeFuture: true).ToFailure() is { } invalid)
        {
            return invalid;
        }

        if (caller.IsAdmin && !await store.IsActiveTrainerAsync(trainerId, cancellationToken))
        {
            return Failure.Invalid("trainerId", "No active trainer has this id.");
        }

        var workshop = await store.InsertAsync(Guid.CreateVersion7(), trainerId, details, cancellationToken);
        logger.LogInformation("Workshop {WorkshopId} created by {UserId}", workshop.Id, caller.Id);
        return workshop;
    }

    public async Task<Outcome<WorkshopRecord>> UpdateAsync(Guid id, Caller caller, string? ifMatch, UpdateWorkshopRequest change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var found = await store.FindAsync(id, cancellationToken);
        if (Refuse(found, caller) is { } refused)
        {
            return refused;
        }

        var current = found!;
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return Failure.PreconditionRequired();
        }

        if (!WorkshopRules.IfMatchAdmits(ifMatch, current.ETag))
        {
            return Failure.Stale();
        }

        if (change is { Title: null, Description: null, StartsAt: null, EndsAt: null, Location: null, Capacity: null })
        {
            return Failure.Invalid("body", "Name at least one field to change.");
        }

        var details = WorkshopRules.Apply(current, change);
        var startsAtChanged = change.StartsAt is { } startsAt && startsAt != current.StartsAt;
        var errors = WorkshopRules.Check(details, clock.GetUtcNow().UtcDateTime, startsAtMustBeFuture: startsAtChanged);
        if (errors.ToFailure() is { } invalid)
        {
            return invalid;
        }

        if (current.Status == WorkshopStatus.Cancelled)
        {
            return Failure.Conflict("A cancelled workshop cannot be changed.");
        }

        if (details.Capacity < current.SeatsTaken)
        {
            return Failure.Conflict($"The capacity cannot drop below the {current.SeatsTaken} confirmed registrations.");
        }

        var updated = await store.UpdateAsync(id, current.Version, caller, details, cancellationToken);
        if (updated is not null)
        {
            notifications.Wake();
            if (updated.Capacity > current.Capacity && await registrations.CapacityRaisedAsync(id, caller.Id, cancellationToken) > 0)
            {
                // The promotions took seats: answer with the count as it now stands.
                return await store.FindAsync(id, cancellationToken) ?? updated;
            }

            return updated;
        }

        // Something changed between the read and the write: say what.
        var now = await store.FindAsync(id, cancellationToken);
        return now is null ? Failure.NotFound(NotFound)
            : now.Version != current.Version ? Failure.Stale()
            : Failure.Conflict("The workshop can no longer be changed this way.");
    }

    public async Task<Outcome<WorkshopRecord>> PublishAsync(Guid id, Caller caller, CancellationToken cancellationToken)
    {
        if (await store.PublishAsync(id, caller, cancellationToken) is { } published)
        {
            logger.LogInformation("Workshop {WorkshopId} published by {UserId}", id, caller.Id);
            return published;
        }

        var current = await store.FindAsync(id, cancellationToken);
        return Refuse(current, caller)
            ?? Failure.Conflict(current!.Status != WorkshopStatus.Draft
                ? $"Only a draft can be published; this workshop is {current.Status}."
                : "A workshop that has already started cannot be published.");
    }

    public async Task<Outcome<WorkshopRecord>> CancelAsync(Guid id, Caller caller, CancelWorkshopRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reason = request.Reason?.Trim();
        var errors = new ValidationErrors().Required("reason", reason).StoredText("reason", reason, 1, WorkshopRules.MaxCancelReason);
        if (errors.ToFailure() is { } invalid)
        {
            return invalid;
        }

        if (await store.CancelAsync(id, caller, reason!, cancellationToken) is { } cancelled)
        {
            logger.LogInformation("Workshop {WorkshopId} cancelled by {UserId}", id, caller.Id);
            await registrations.WorkshopCancelledAsync(id, caller.Id, reason!, cancellationToken);
            notifications.Wake();
            return cancelled;
        }

        return Refuse(await store.FindAsync(id, cancellationToken), caller) ?? Failure.Conflict("The workshop is already cancelled.");
    }

    public async Task<Failure?> DeleteAsync(Guid id, Caller caller, CancellationToken cancellationToken)
    {
        if (await store.DeleteUnusedAsync(id, cancellationToken))
        {
            logger.LogInformation("Workshop {WorkshopId} deleted by {UserId}", id, caller.Id);
            return null;
        }

        return await store.FindAsync(id, cancellationToken) is null
            ? Failure.NotFound(NotFound)
            : Failure.Conflict("This workshop has had registrations: cancel it instead.");
    }

    /// <summary>404 for what the caller may not see, 403 for what they see but do not manage.</summary>
    private static Failure? Refuse(WorkshopRecord? workshop, Caller caller) =>
        workshop is null || !workshop.IsVisibleTo(caller) ? Failure.NotFound(NotFound)
        : !workshop.IsManagedBy(caller) ? Failure.Forbidden("Only the workshop's trainer or an admin may change it.")
        : null;
}
