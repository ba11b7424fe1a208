namespace SkillHub.Functions.Registrations;

/// <summary>How many registrations of a workshop are in each status.</summary>
public sealed record RegistrationCounts(int Confirmed, int Waitlisted, int Cancelled);
