namespace SkillHub.Functions.Workshops;

public sealed record CreateWorkshopRequest(string? Title, string? Description, DateTime? StartsAt, DateTime? EndsAt, string? Location, int? Capacity, Guid? TrainerId);

public sealed record UpdateWorkshopRequest(string? Title, string? Description, DateTime? StartsAt, DateTime? EndsAt, string? Location, int? Capacity);

public sealed record CancelWorkshopRequest(string? Reason);
