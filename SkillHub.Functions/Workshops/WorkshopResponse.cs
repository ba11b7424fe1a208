namespace SkillHub.Functions.Workshops;

public sealed record TrainerSummary(Guid Id, string DisplayName);

/// <summary>A workshop as the API shows it.</summary>
public sealed record WorkshopResponse(
    Guid Id,
    string Title,
    string Description,
    TrainerSummary Trainer,
    DateTime StartsAt,
    DateTime EndsAt,
    string Location,
    int Capacity,
    int SeatsTaken,
    int AvailableSeats,
    string Status,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    int Version,
    string? CancellationReason)
{
    public static WorkshopResponse From(WorkshopRecord w)
    {
        ArgumentNullException.ThrowIfNull(w);
        return new(w.Id, w.Title, w.Description, new TrainerSummary(w.TrainerId, w.TrainerDisplayName), w.StartsAt, w.EndsAt,
            w.Location, w.Capacity, w.SeatsTaken, Math.Max(0, w.Capacity - w.SeatsTaken), w.Status, w.CreatedAt, w.UpdatedAt, w.Version, w.CancellationReason);
    }
}
