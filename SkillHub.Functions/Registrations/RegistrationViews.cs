using SkillHub.Functions.Workshops;

namespace SkillHub.Functions.Registrations;

/// <summary>One history entry; <see cref="Attendance"/> is set by the entries that mark attendance.</summary>
public sealed record HistoryResponse(DateTime At, string Status, Guid? By, string? Reason, string? Attendance)
{
    public static IReadOnlyList<HistoryResponse> From(IReadOnlyList<HistoryEntry> history) =>
        history.Select(h => new HistoryResponse(h.At, h.Status, h.By, h.Reason, h.Attendance)).ToList();
}

/// <summary>A registration as its participant sees it.</summary>
public sealed record RegistrationResponse(
    Guid Id, Guid WorkshopId, Guid UserId, string Status, int? WaitlistPosition, string? Attendance, DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<HistoryResponse> History)
{
    public static RegistrationResponse From(Registration registration, int? position)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return new(registration.Id, registration.WorkshopId, registration.UserId, registration.Status, position, registration.Attendance,
            registration.CreatedAt, registration.UpdatedAt, HistoryResponse.From(registration.History));
    }
}

public static class RegistrationResponses
{
    /// <summary>The registration as its participant sees it, with its waiting-list position read from the store.</summary>
    public static async Task<RegistrationResponse> ResponseAsync(this IRegistrationStore store, Registration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(registration);
        var positions = await store.WaitlistPositionsAsync([registration], cancellationToken);
        return RegistrationResponse.From(registration, positions.TryGetValue(registration.Id, out var position) ? position : null);
    }
}

public sealed record RegistrantSummary(Guid Id, string DisplayName, string Email);

/// <summary>One line of a workshop's registration list, for its trainer or an admin.</summary>
public sealed record WorkshopRegistrationItem(
    Guid Id, string Status, int? WaitlistPosition, string? Attendance, DateTime CreatedAt, RegistrantSummary? User, IReadOnlyList<HistoryResponse> History);

/// <summary>The workshop's counts; <see cref="Attendance"/> marks its confirmed registrations.</summary>
public sealed record RegistrationSummary(int Capacity, int Confirmed, int Waitlisted, int Cancelled, int AvailableSeats, WorkshopAttendance Attendance);

/// <summary>GET /api/workshops/{id}/registrations: the workshop and its users from PostgreSQL, the registrations from MongoDB.</summary>
public sealed record WorkshopRegistrationsResponse(
    WorkshopResponse Workshop, RegistrationSummary Summary, IReadOnlyList<WorkshopRegistrationItem> Items, int Page, int PageSize, long Total);

public sealed record WorkshopSummary(Guid Id, string Title, DateTime StartsAt, string Status);

/// <summary>One of the caller's registrations, with its workshop's title and date.</summary>
public sealed record MyRegistrationItem(
    Guid Id, string Status, int? WaitlistPosition, string? Attendance, DateTime CreatedAt, DateTime UpdatedAt, WorkshopSummary? Workshop, IReadOnlyList<HistoryResponse> History);

public sealed record RegistrationEventResponse(Guid RegistrationId, Guid UserId, DateTime At, string Status, Guid? By, string? Reason, string? Attendance);
