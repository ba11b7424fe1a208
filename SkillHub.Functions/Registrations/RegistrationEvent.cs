namespace SkillHub.Functions.Registrations;

/// <summary>One history entry with the registration it belongs to, for the workshop's history.</summary>
public sealed record RegistrationEvent(Guid RegistrationId, Guid UserId, DateTime At, string Status, Guid? By, string? Reason, string? Attendance = null);
