namespace SkillHub.Functions.Registrations;

/// <summary>A status change to apply atomically, if the registration is still in the expected status.</summary>
public sealed record RegistrationTransition(string Status, long QueueTicket, HistoryEntry Entry);

/// <summary>An attendance to set atomically, while the registration is still confirmed.</summary>
public sealed record AttendanceChange(string? Attendance, HistoryEntry Entry);
