namespace SkillHub.Functions.Registrations;

/// <summary>One event in a registration's life, embedded in its document.</summary>
public sealed record HistoryEntry(DateTime At, string Status, Guid? By, string? Reason);
