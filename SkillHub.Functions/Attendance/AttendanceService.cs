using Microsoft.Extensions.Logging;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Json;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Users;
using SkillHub.Functions.Workshops;

namespace SkillHub.Functions.Attendance;

/// <summary>
/// Who came to a workshop: the organiser's marks, the participants' own check-in with the workshop's
/// code, and the attendance sheet. Attendance lives on the registration documents; only the check-in
/// throttle is in PostgreSQL.
/// </summary>
public sealed class AttendanceService(
    IWorkshopStore workshops,
    IRegistrationStore registrations,
    IUserStore users,
    CheckInCodes codes,
    CheckInThrottle throttle,
    TimeProvider clock,
    ILogger<AttendanceService> logger)
{
    public const int MaxItems = 1_000;

    /// <summary>The sheet reads the confirmed registrations this many at a time: a workshop holds at most <see cref="WorkshopRules.MaxCapacity"/>.</summary>
    private const int SheetPageSize = 1_000;

    private static readonly string AttendanceValues = $"One of {string.Join(", ", RegistrationAttendance.All)}, or null to unmark.";

    /// <summary>
    /// Marks several registrations at once. Everything is checked before anything is written; a
    /// registration cancelled between the check and its write keeps its state and is named in the answer.
    /// </summary>
    public async Task<Outcome<AttendanceMarkingResponse>> MarkAsync(Guid workshopId, Caller caller, MarkAttendanceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (CheckItems(request.Items).ToFailure() is { } invalid)
        {
            return invalid;
        }

        var items = request.Items!.Select(i => i!).ToList();
        var workshop = await workshops.FindManagedAsync(workshopId, caller, cancellationToken);
        if (workshop.Failure is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (Closed(workshop.Value!, AttendanceWindows.Marking(workshop.Value!), now, "Attendance can be marked") is { } closed)
        {
            return closed;
        }

        var found = (await registrations.FindManyAsync(items.Select(i => i.RegistrationId!.Value).ToList(), cancellationToken)).ToDictionary(r => r.Id);
        var errors = new ValidationErrors();
        for (var i = 0; i < items.Count; i++)
        {
            var registration = found.GetValueOrDefault(items[i].RegistrationId!.Value);
            errors
                .When(registration is null || registration.WorkshopId != workshopId, $"items[{i}].registrationId", "No such registration in this workshop.")
                .When(registration is { HoldsSeat: false } && registration.WorkshopId == workshopId, $"items[{i}].registrationId",
                    $"Only a confirmed registration has an attendance; this one is {registration?.Status}.");
        }

        if (errors.ToFailure() is { } wrong)
        {
            return wrong;
        }

        var at = DocumentTime.Now(clock);
        var results = new List<Registration>(items.Count);
        var notMarked = new List<Guid>();
        foreach (var item in items)
        {
            var registration = found[item.RegistrationId!.Value];
            if (registration.Attendance == item.Attendance)
            {
                results.Add(registration);
                continue;
            }

            var marked = await registrations.MarkAttendanceAsync(registration.Id, registration.MarkAttendance(item.Attendance, caller.Id, at)!, cancellationToken);
            if (marked is null)
            {
                notMarked.Add(registration.Id);
            }

            results.Add(marked ?? registration);
        }

        if (notMarked.Count > 0)
        {
            // Show what those became, not the confirmed state they were read in.
            var current = (await registrations.FindManyAsync(notMarked, cancellationToken)).ToDictionary(r => r.Id);
            results = results.Select(r => current.GetValueOrDefault(r.Id, r)).ToList();
            logger.LogWarning("{Count} registrations of workshop {WorkshopId} changed before their attendance was written; left as they are", notMarked.Count, workshopId);
        }

        logger.LogInformation("Attendance of {Count} registrations of workshop {WorkshopId} marked by {UserId}", items.Count - notMarked.Count, workshopId, caller.Id);
        var positions = await registrations.WaitlistPositionsAsync(results, cancellationToken);
        return new AttendanceMarkingResponse(
            results.Select(r => RegistrationResponse.From(r, positions.TryGetValue(r.Id, out var position) ? position : null)).ToList(),
            notMarked);
    }

    /// <summary>The code, whenever the organiser asks (to print it in advance), with the window in which it is accepted.</summary>
    public async Task<Outcome<CheckInCodeResponse>> CodeAsync(Guid workshopId, Caller caller, CancellationToken cancellationToken)
    {
        var workshop = await workshops.FindManagedAsync(workshopId, caller, cancellationToken);
        if (workshop.Failure is { } refused)
        {
            return refused;
        }

        if (workshop.Value!.Status == WorkshopStatus.Cancelled)
        {
            return Failure.Conflict("The workshop is cancelled: no one checks in.");
        }

        var window = AttendanceWindows.CheckIn(workshop.Value);
        return new CheckInCodeResponse(codes.For(workshopId), window.From, window.Until);
    }

    /// <summary>
    /// A participant with a confirmed seat says they are there by sending the code shown in the room.
    /// During the window the check-in sets <c>attended</c>, whatever the organiser marked before; after
    /// it, only the organiser changes attendance.
    /// </summary>
    public async Task<Outcome<RegistrationResponse>> CheckInAsync(Guid workshopId, Caller caller, CheckInRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (new ValidationErrors().Required("code", request.Code).ToFailure() is { } invalid)
        {
            return invalid;
        }

        if (await workshops.FindVisibleAsync(workshopId, caller, cancellationToken) is not { } workshop)
        {
            return Failure.NotFound("No such workshop.");
        }

        var registration = await registrations.FindAsync(workshopId, caller.Id, cancellationToken);
        if (registration is not { HoldsSeat: true })
        {
            return Failure.Forbidden("Only a participant with a confirmed registration checks in to this workshop.");
        }

        if (Closed(workshop, AttendanceWindows.CheckIn(workshop), clock.GetUtcNow().UtcDateTime, "Check-in is open") is { } closed)
        {
            return closed;
        }

        if (await throttle.ReserveAsync(workshopId, caller.Id, cancellationToken) is { } retryAfter)
        {
            logger.LogWarning("Check-in of {UserId} to workshop {WorkshopId} refused: locked after too many wrong codes", caller.Id, workshopId);
            return Failure.TooManyRequests(retryAfter);
        }

        if (!codes.Matches(workshopId, request.Code))
        {
            logger.LogInformation("Wrong check-in code from {UserId} for workshop {WorkshopId}", caller.Id, workshopId);
            return Failure.Forbidden("Wrong check-in code.");
        }

        await throttle.RightCodeAsync(workshopId, caller.Id, CancellationToken.None);
        if (registration.Attendance == RegistrationAttendance.Attended)
        {
            return await registrations.ResponseAsync(registration, cancellationToken);
        }

        var marked = await registrations.MarkAttendanceAsync(
            registration.Id, registration.MarkAttendance(RegistrationAttendance.Attended, caller.Id, DocumentTime.Now(clock))!, cancellationToken);
        if (marked is null)
        {
            return Failure.Conflict("Your registration changed meanwhile (it is no longer confirmed); read it again.");
        }

        logger.LogInformation("User {UserId} checked in to workshop {WorkshopId}", caller.Id, workshopId);
        return await registrations.ResponseAsync(marked, cancellationToken);
    }

    /// <summary>The lines of the attendance sheet: the confirmed registrations, with their people read in one query, sorted by name.</summary>
    public async Task<Outcome<(WorkshopRecord Workshop, IReadOnlyList<AttendanceSheetLine> Lines)>> SheetAsync(Guid workshopId, Caller caller, CancellationToken cancellationToken)
    {
        var workshop = await workshops.FindManagedAsync(workshopId, caller, cancellationToken);
        if (workshop.Failure is { } refused)
        {
            return refused;
        }

        var confirmed = new List<Registration>();
        for (var page = 1; ; page++)
        {
            var (items, total) = await registrations.ListForWorkshopAsync(workshopId, RegistrationStatus.Confirmed, new PageRequest(page, SheetPageSize), cancellationToken);
            confirmed.AddRange(items);
            if (items.Count < SheetPageSize || confirmed.Count >= total || page * SheetPageSize >= WorkshopRules.MaxCapacity)
            {
                break;
            }
        }

        var people = (await users.FindManyAsync(confirmed.Select(r => r.UserId).Distinct().ToList(), cancellationToken)).ToDictionary(u => u.Id);
        var lines = confirmed
            .Select(r => people.TryGetValue(r.UserId, out var user)
                ? new AttendanceSheetLine(user.DisplayName, user.Email, r.Status, r.Attendance)
                : new AttendanceSheetLine(null, null, r.Status, r.Attendance))
            .OrderBy(l => l, AttendanceSheetLine.ByName)
            .ToList();
        return (workshop.Value!, lines);
    }

    private static ValidationErrors CheckItems(IReadOnlyList<AttendanceItem?>? items)
    {
        var errors = new ValidationErrors().Required("items", items);
        if (items is null)
        {
            return errors;
        }

        if (items.Count is 0 or > MaxItems)
        {
            return errors.Add("items", $"Between 1 and {MaxItems} items.");
        }

        var first = new Dictionary<Guid, int>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item)
            {
                errors.Add($"items[{i}]", "Required.");
                continue;
            }

            errors
                .Required($"items[{i}].registrationId", item.RegistrationId)
                .When(!RegistrationAttendance.IsKnown(item.Attendance), $"items[{i}].attendance", AttendanceValues);
            if (item.RegistrationId is { } id && !first.TryAdd(id, i))
            {
                errors.Add($"items[{i}].registrationId", $"Named twice in one request (also items[{first[id]}]).");
            }
        }

        return errors;
    }

    private static Failure? Closed(WorkshopRecord workshop, TimeWindow window, DateTime now, string what) =>
        workshop.Status == WorkshopStatus.Cancelled ? Failure.Conflict("The workshop is cancelled.")
        : window.Contains(now) ? null
        : Failure.Conflict($"{what} from {Timestamps.Format(window.From)} to {Timestamps.Format(window.Until)}.");
}
