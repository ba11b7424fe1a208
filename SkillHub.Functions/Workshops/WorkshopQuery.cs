namespace SkillHub.Functions.Workshops;

/// <summary>The filters of GET /api/workshops.</summary>
public sealed record WorkshopQuery(DateTime? From, DateTime? To, Guid? TrainerId, string? Search, bool? Available, string? Status, bool Descending);
