using Microsoft.Extensions.Logging;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Infrastructure.Telemetry;
using SkillHub.Functions.Users;
using SkillHub.Functions.Workshops;

namespace SkillHub.Functions.Registrations;

/// <summary>
/// Registrations across the two databases. There is no distributed transaction, so every change is
/// a small saga ordered to fail in the safe direction: the seat is counted in PostgreSQL first, the
/// document is written second, and a failure in between can only leave a seat counted but unused,
/// which reconciliation gives back. Never an overbooking.
/// </summary>
public sealed class RegistrationService(
    IWorkshopStore workshops,
    IUserStore users,
    IRegistrationStore registrations,
    ISeatLedger seats,
    WaitingList waitingList,
    IRegistrationNotifier notifier,
    RegistrationOptions options,
    IWorkshopViews views,
    SkillHubMetrics metrics,
    TimeProvider clock,
    ILogger<RegistrationService> logger)
{
    private const string NoWorkshop = "No such workshop.";
    private const string AlreadyRegistered = "already_registered";
    public const string ErasureReason = "The account was erased.";

    public async Task<Outcome<RegistrationResponse>> RegisterAsync(Guid workshopId, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);

        // The workshop is read only to explain a refusal: request_seat already takes no seat unless
        // the workshop is published and not started, which is all a participant may register to.
        // The answers are those of checking visibility, then the state, then the registration.
        var existing = await registrations.FindAsync(workshopId, caller.Id, cancellationToken);
        if (existing is { IsActive: true })
        {
            return Refused(await RefusalAsync(workshopId, caller, cancellationToken) ?? new(Failure.Conflict($"You are already registered ({existing.Status})."), AlreadyRegistered));
        }

        // Step 1: one conditional statement takes a seat if one is free, and a place in the queue.
        var seat = await seats.RequestSeatAsync(workshopId, cancellationToken);
        if (seat is null)
        {
            return Refused(await RefusalAsync(workshopId, caller, cancellationToken) ?? new(Failure.Conflict("Registration is closed for this workshop."), "closed"));
        }

        // Step 2: the document.
        Registration? written;
        try
        {
            written = await WriteAsync(existing, workshopId, caller.Id, seat, cancellationToken);
        }
        catch (Exception exception) when (exception is not DuplicateDocumentException)
        {
            written = await CompensateAsync(workshopId, caller.Id, seat, exception);
            if (written is null)
            {
                throw;
            }
        }

        if (written is null)
        {
            // Another request of the same participant won the race for the document.
            await GiveBackAsync(workshopId, seat);
            return Refused(new(Failure.Conflict("You are already registered."), AlreadyRegistered));
        }

        metrics.Registered(written.Status);
        await notifier.ChangedAsync(written);
        logger.LogInformation("User {UserId} registered to {WorkshopId} as {Status}", caller.Id, workshopId, written.Status);
        return await ViewAsync(written, cancellationToken);
    }

    /// <summary>A participant cancels their own registration.</summary>
    public async Task<Outcome<RegistrationResponse>> CancelOwnAsync(Guid workshopId, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var workshop = await workshops.FindAsync(workshopId, cancellationToken);
        var registration = await registrations.FindAsync(workshopId, caller.Id, cancellationToken);
        if (workshop is null || registration is null)
        {
            return Failure.Conflict("You hold no active registration for this workshop.");
        }

        if (RegistrationWindow.IsLateCancellation(workshop.StartsAt, options.CancelCutoff, clock.GetUtcNow().UtcDateTime))
        {
            var deadline = RegistrationWindow.CancellationDeadline(workshop.StartsAt, options.CancelCutoff);
            return Failure.Conflict(
                $"Cancelling was possible until {deadline:yyyy-MM-dd'T'HH:mm:ss'Z'} "
                + (options.CancelCutoffHours == 0 ? "(the workshop's start); " : $"({options.CancelCutoffHours} hours before the start); ")
                + "the workshop's organiser can still cancel your registration.");
        }

        return await CancelAsync(workshop, registration, caller.Id, null, null, cancellationToken);
    }

    /// <summary>The workshop's trainer or an admin cancels someone's registration.</summary>
    public async Task<Outcome<RegistrationResponse>> CancelForAsync(Guid workshopId, Guid registrationId, Caller caller, CancellationToken cancellationToken)
    {
        var workshop = await ManagedWorkshopAsync(workshopId, caller, cancellationToken);
        if (workshop.Failure is { } refused)
        {
            return refused;
        }

        var registration = await registrations.FindByIdAsync(registrationId, cancellationToken);
        if (registration is null || registration.WorkshopId != workshopId)
        {
            return Failure.NotFound("No such registration in this workshop.");
        }

        var late = RegistrationWindow.IsLateCancellation(workshop.Value!.StartsAt, options.CancelCutoff, clock.GetUtcNow().UtcDateTime);
        return await CancelAsync(workshop.Value, registration, caller.Id, "Cancelled by the workshop's organiser.", late ? HistoryEntry.LateCancellation : null, cancellationToken);
    }

    /// <summary>
    /// Cancels every active registration of an account being erased, through the one cancellation path:
    /// each seat goes to the first person waiting, who is told as usual; the erased person is told
    /// nothing. A registration to a workshop that has ended stays as it is: it is what happened.
    /// </summary>
    public async Task CancelForErasureAsync(Guid userId, CancellationToken cancellationToken)
    {
        var all = await AllOfAsync(userId, cancellationToken);
        var active = all.Where(r => r.IsActive).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var open = (await workshops.FindManyAsync(active.Select(r => r.WorkshopId).Distinct().ToList(), cancellationToken))
            .Where(w => w.EndsAt > now)
            .ToDictionary(w => w.Id);
        foreach (var registration in active.Where(r => open.ContainsKey(r.WorkshopId)))
        {
            // Promoted or cancelled meanwhile by someone else: read it again and cancel what it is now.
            var current = registration;
            while (current is { IsActive: true }
                && (await CancelAsync(open[current.WorkshopId], current, userId, ErasureReason, HistoryEntry.AccountErased, cancellationToken)).Failure is not null)
            {
                current = await registrations.FindByIdAsync(current.Id, cancellationToken);
            }
        }
    }

    /// <summary>Every registration of the user, newest first, read page by page before anything changes them.</summary>
    private async Task<IReadOnlyList<Registration>> AllOfAsync(Guid userId, CancellationToken cancellationToken)
    {
        var all = new List<Registration>();
        for (var page = 1; ; page++)
        {
            var (items, total) = await registrations.ListForUserAsync(userId, new PageRequest(page, PageRequest.MaxPageSize), cancellationToken);
            all.AddRange(items);
            if (items.Count == 0 || all.Count >= total)
            {
                return all;
            }
        }
    }

    public async Task<Outcome<WorkshopRegistrationsResponse>> ListForWorkshopAsync(Guid workshopId, Caller caller, string? status, PageRequest page, CancellationToken cancellationToken)
    {
        var workshop = await ManagedWorkshopAsync(workshopId, caller, cancellationToken);
        if (workshop.Failure is { } refused)
        {
            return refused;
        }

        var counts = registrations.CountAsync(workshopId, cancellationToken);
        var (items, total) = await registrations.ListForWorkshopAsync(workshopId, status, page, cancellationToken);
        var positions = await registrations.WaitlistPositionsAsync(items, cancellationToken);
        var people = (await users.FindManyAsync(items.Select(r => r.UserId).Distinct().ToList(), cancellationToken)).ToDictionary(u => u.Id);
        var summary = await counts;
        var shown = await views.ShowAsync(workshop.Value!, caller, cancellationToken);
        return new WorkshopRegistrationsResponse(
            shown,
            new RegistrationSummary(shown.Capacity, summary.Confirmed, summary.Waitlisted, summary.Cancelled, shown.AvailableSeats, shown.Attendance!),
            items.Select(r => new WorkshopRegistrationItem(
                r.Id,
                r.Status,
                positions.TryGetValue(r.Id, out var position) ? position : null,
                r.Attendance,
                r.CreatedAt,
                people.TryGetValue(r.UserId, out var user) ? new RegistrantSummary(user.Id, user.DisplayName, user.Email) : null,
                HistoryResponse.From(r.History))).ToList(),
            page.Page,
            page.PageSize,
            total);
    }

    public async Task<PageResponse<MyRegistrationItem>> ListForCallerAsync(Caller caller, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (items, total) = await registrations.ListForUserAsync(caller.Id, page, cancellationToken);
        var positions = await registrations.WaitlistPositionsAsync(items, cancellationToken);
        var titles = (await workshops.FindManyAsync(items.Select(r => r.WorkshopId).Distinct().ToList(), cancellationToken)).ToDictionary(w => w.Id);
        return PageResponse.Create(page, items.Select(r => new MyRegistrationItem(
            r.Id,
            r.Status,
            positions.TryGetValue(r.Id, out var position) ? position : null,
            r.Attendance,
            r.CreatedAt,
            r.UpdatedAt,
            titles.TryGetValue(r.WorkshopId, out var w) ? new WorkshopSummary(w.Id, w.Title, w.StartsAt, w.Status) : null,
            HistoryResponse.From(r.History))).ToList(), total);
    }

    public async Task<Outcome<PageResponse<RegistrationEventResponse>>> HistoryAsync(Guid workshopId, Caller caller, PageRequest page, CancellationToken cancellationToken)
    {
        var workshop = await ManagedWorkshopAsync(workshopId, caller, cancellationToken);
        if (workshop.Failure is { } refused)
        {
            return refused;
        }

        var (events, total) = await registrations.HistoryAsync(workshopId, page, cancellationToken);
        return PageResponse.Create(page, events.Select(e => new RegistrationEventResponse(e.RegistrationId, e.UserId, e.At, e.Status, e.By, e.Reason, e.Attendance)).ToList(), total);
    }

    private async Task<Outcome<RegistrationResponse>> CancelAsync(
        WorkshopRecord workshop, Registration registration, Guid by, string? reason, string? cause, CancellationToken cancellationToken)
    {
        if (registration.Cancel(by, reason, DocumentTime.Now(clock), cause) is not { } cancellation)
        {
            return Failure.Conflict("This registration is already cancelled.");
        }

        var cancelled = await registrations.TransitionAsync(registration.Id, registration.Status, cancellation, cancellationToken);
        if (cancelled is null)
        {
            return Failure.Conflict("This registration changed meanwhile; read it again.");
        }

        await notifier.ChangedAsync(cancelled);

        if (registration.HoldsSeat)
        {
            var open = workshop.IsOpenForRegistration(clock.GetUtcNow().UtcDateTime);
            await waitingList.HandOverSeatAsync(workshop.Id, open, by, CancellationToken.None);
        }

        logger.LogInformation("Registration {RegistrationId} cancelled by {UserId}", registration.Id, by);
        return await ViewAsync(cancelled, cancellationToken);
    }

    /// <summary>The registration written, or null when another request of the same participant wrote it first.</summary>
    private async Task<Registration?> WriteAsync(Registration? existing, Guid workshopId, Guid userId, SeatRequest seat, CancellationToken cancellationToken)
    {
        var now = DocumentTime.Now(clock);
        if (existing is null)
        {
            var registration = Registration.Open(workshopId, userId, seat, now);
            try
            {
                await registrations.InsertAsync(registration, cancellationToken);
                return registration;
            }
            catch (DuplicateDocumentException)
            {
                return null;
            }
        }

        // A cancelled participant registers again: same document, new history entry.
        return existing.Reopen(seat, now) is { } reopening
            ? await registrations.TransitionAsync(existing.Id, existing.Status, reopening, cancellationToken)
            : null;
    }

    /// <summary>
    /// The document write failed. If it was applied after all (a time-out after the write), the
    /// registration stands and is returned; if it was not, the seat is given back; if that cannot be
    /// told, the seat stays counted: reconciliation returns it, and an unused seat is the safe mistake.
    /// </summary>
    private async Task<Registration?> CompensateAsync(Guid workshopId, Guid userId, SeatRequest seat, Exception failure)
    {
        try
        {
            var stored = await registrations.FindAsync(workshopId, userId, CancellationToken.None);
            if (stored is { IsActive: true } && stored.QueueTicket == seat.QueueTicket)
            {
                logger.LogWarning("Registration write reported {Failure} but was applied; it stands", failure.GetType().Name);
                return stored;
            }

            await GiveBackAsync(workshopId, seat);
        }
#pragma warning disable CA1031 // The original failure is rethrown by the caller; this only decides about the seat.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.LogWarning("Could not give back a seat of workshop {WorkshopId} after {Failure} ({CompensationFailure}); reconciliation will", workshopId, failure.GetType().Name, exception.GetType().Name);
        }

        return null;
    }

    private async Task GiveBackAsync(Guid workshopId, SeatRequest seat)
    {
        if (seat.Confirmed)
        {
            await seats.ReleaseSeatAsync(workshopId, CancellationToken.None);
            await waitingList.PromoteAsync(workshopId, null, CancellationToken.None);
        }
    }

    private Task<RegistrationResponse> ViewAsync(Registration registration, CancellationToken cancellationToken) =>
        registrations.ResponseAsync(registration, cancellationToken);

    private Task<Outcome<WorkshopRecord>> ManagedWorkshopAsync(Guid workshopId, Caller caller, CancellationToken cancellationToken) =>
        workshops.FindManagedAsync(workshopId, caller, cancellationToken);

    /// <summary>Why <paramref name="caller"/> may not register to the workshop (not visible, not open); null when nothing stands in the way.</summary>
    private async Task<Refusal?> RefusalAsync(Guid workshopId, Caller caller, CancellationToken cancellationToken) =>
        await workshops.FindVisibleAsync(workshopId, caller, cancellationToken) is { } workshop ? ClosedFor(workshop) : new(Failure.NotFound(NoWorkshop), "not_found");

    private Refusal? ClosedFor(WorkshopRecord workshop) =>
        workshop.Status == WorkshopStatus.Cancelled ? new(Failure.Conflict($"Registration is closed: the workshop was cancelled ({workshop.CancellationReason})."), "cancelled")
        : workshop.Status != WorkshopStatus.Published ? new(Failure.Conflict($"Registration is closed: the workshop is {workshop.Status}."), "not_published")
        : workshop.HasStarted(clock.GetUtcNow().UtcDateTime) ? new(Failure.Conflict("Registration is closed: the workshop has started."), "started")
        : null;

    private Failure Refused(Refusal refusal)
    {
        metrics.RegistrationRefused(refusal.Reason);
        return refusal.Failure;
    }

    /// <summary>A refused registration: the answer, and the reason its metric counts it under.</summary>
    private sealed record Refusal(Failure Failure, string Reason);
}
