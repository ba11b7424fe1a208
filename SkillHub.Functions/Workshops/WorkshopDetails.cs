namespace SkillHub.Functions.Workshops;

/// <summary>The fields of a workshop that its trainer writes, after trimming.</summary>
public sealed record WorkshopDetails(string Title, string Description, DateTime StartsAt, DateTime EndsAt, string Location, int Capacity);
