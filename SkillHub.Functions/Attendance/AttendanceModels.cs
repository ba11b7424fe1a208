using SkillHub.Functions.Registrations;

namespace SkillHub.Functions.Attendance;

/// <summary>One line of a bulk marking: <c>attendance</c> null (or absent) unmarks.</summary>
public sealed record AttendanceItem(Guid? RegistrationId, string? Attendance);

public sealed record MarkAttendanceRequest(IReadOnlyList<AttendanceItem?>? Items);

/// <summary>
/// PUT /api/workshops/{id}/attendance: every registration named, in the request's order, as it now
/// stands; <see cref="NotMarked"/> names those that stopped being confirmed between the check and the
/// write (a cancellation in between), which kept their state.
/// </summary>
public sealed record AttendanceMarkingResponse(IReadOnlyList<RegistrationResponse> Items, IReadOnlyList<Guid> NotMarked);

/// <summary>The workshop's check-in code and when a participant may send it.</summary>
public sealed record CheckInCodeResponse(string Code, DateTime ValidFrom, DateTime ValidUntil);

public sealed record CheckInRequest(string? Code);
