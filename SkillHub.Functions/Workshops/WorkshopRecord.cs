using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Workshops;

/// <summary>A workshop as stored, with its trainer's display name; <see cref="PublishedAt"/> is when it was first published.</summary>
public sealed record WorkshopRecord(
    Guid Id,
    string Title,
    string Description,
    Guid TrainerId,
    string TrainerDisplayName,
    DateTime StartsAt,
    DateTime EndsAt,
    string Location,
    int Capacity,
    int SeatsTaken,
    string Status,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    int Version,
    string? CancellationReason = null,
    DateTime? PublishedAt = null)
{
    public string ETag => $"\"{Version}\"";

    public bool IsOpenForRegistration(DateTime now) => RegistrationWindow.IsOpen(Status, StartsAt, now);

    public bool HasStarted(DateTime now) => RegistrationWindow.HasStarted(StartsAt, now);

    /// <summary>Over from its end on: what a rating waits for.</summary>
    public bool HasEnded(DateTime now) => now >= EndsAt;

    public bool IsVisibleTo(Caller? caller) => WorkshopAccess.IsVisible(Status, PublishedAt is not null, TrainerId, caller);

    public bool IsManagedBy(Caller caller) => WorkshopAccess.IsManaged(TrainerId, caller);
}
