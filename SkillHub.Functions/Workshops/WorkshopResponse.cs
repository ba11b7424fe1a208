namespace SkillHub.Functions.Workshops;

public sealed record TrainerSummary(Guid Id, string DisplayName);

/// <summary>The ratings of the workshop's shown comments: their mean to two decimals (null when no one rated) and how many.</summary>
public sealed record WorkshopRating(double? Average, int Count);

/// <summary>How the workshop's confirmed registrations are marked, for its trainer and admins.</summary>
public sealed record WorkshopAttendance(int Attended, int Absent, int Excused, int Unmarked);

/// <summary>A workshop as the API shows it; <see cref="Attendance"/> is null for callers who do not manage it.</summary>
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
    string? CancellationReason,
    WorkshopRating Rating,
    WorkshopAttendance? Attendance)
{
    public static WorkshopResponse From(WorkshopRecord w, WorkshopRating rating, WorkshopAttendance? attendance)
    {
        ArgumentNullException.ThrowIfNull(w);
        return new(w.Id, w.Title, w.Description, new TrainerSummary(w.TrainerId, w.TrainerDisplayName), w.StartsAt, w.EndsAt,
            w.Location, w.Capacity, w.SeatsTaken, Math.Max(0, w.Capacity - w.SeatsTaken), w.Status, w.CreatedAt, w.UpdatedAt, w.Version, w.CancellationReason,
            rating, attendance);
    }
}
