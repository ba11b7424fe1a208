using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Workshops;

public static class WorkshopStatus
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Cancelled = "cancelled";

    public static IReadOnlyList<string> All { get; } = [Draft, Published, Cancelled];
}

/// <summary>A workshop as stored, with its trainer's display name.</summary>
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
    int Version)
{
    public string ETag => $"\"{Version}\"";

    public bool IsOpenForRegistration(DateTime now) => RegistrationWindow.IsOpen(Status, StartsAt, now);

    public bool HasStarted(DateTime now) => RegistrationWindow.HasStarted(StartsAt, now);

    /// <summary>Drafts are seen by their trainer and admins only; cancelled ones too.</summary>
    public bool IsVisibleTo(Caller? caller) =>
        Status == WorkshopStatus.Published || caller is { IsAdmin: true } || caller?.Id == TrainerId;

    public bool IsManagedBy(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.IsAdmin || (caller.IsTrainer && caller.Id == TrainerId);
    }
}

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
    int Version)
{
    public static WorkshopResponse From(WorkshopRecord w)
    {
        ArgumentNullException.ThrowIfNull(w);
        return new(w.Id, w.Title, w.Description, new TrainerSummary(w.TrainerId, w.TrainerDisplayName), w.StartsAt, w.EndsAt,
            w.Location, w.Capacity, w.SeatsTaken, Math.Max(0, w.Capacity - w.SeatsTaken), w.Status, w.CreatedAt, w.UpdatedAt, w.Version);
    }
}

public sealed record CreateWorkshopRequest(string? Title, string? Description, DateTime? StartsAt, DateTime? EndsAt, string? Location, int? Capacity, Guid? TrainerId);

public sealed record UpdateWorkshopRequest(string? Title, string? Description, DateTime? StartsAt, DateTime? EndsAt, string? Location, int? Capacity);

public sealed record CancelWorkshopRequest(string? Reason);

/// <summary>The fields of a workshop that its trainer writes, after trimming.</summary>
public sealed record WorkshopDetails(string Title, string Description, DateTime StartsAt, DateTime EndsAt, string Location, int Capacity);

/// <summary>The filters of GET /api/workshops.</summary>
public sealed record WorkshopQuery(DateTime? From, DateTime? To, Guid? TrainerId, string? Search, bool? Available, string? Status, bool Descending);

/// <summary>The registrations' side of a workshop change (implemented next to the registration saga).</summary>
public interface IWorkshopRegistrations
{
    /// <summary>Seats were added: the waiting list moves up, first come first served. Returns how many were promoted.</summary>
    Task<int> CapacityRaisedAsync(Guid workshopId, Guid by, CancellationToken cancellationToken);

    /// <summary>The workshop was cancelled: every active registration is cancelled with the reason.</summary>
    Task WorkshopCancelledAsync(Guid workshopId, Guid by, string reason, CancellationToken cancellationToken);
}

/// <summary>The rules every workshop obeys, whoever writes it.</summary>
public static class WorkshopRules
{
    public const int MinCapacity = 1;
    public const int MaxCapacity = 10_000;
    public const int MaxTitle = 120;
    public const int MinTitle = 3;
    public const int MaxDescription = 5_000;
    public const int MaxLocation = 200;
    public const int MaxCancelReason = 500;

    public static ValidationErrors Check(WorkshopDetails details, DateTime now, bool startsAtMustBeFuture)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new ValidationErrors()
            .StoredText("title", details.Title, MinTitle, MaxTitle)
            .StoredText("description", details.Description, 0, MaxDescription)
            .StoredText("location", details.Location, 1, MaxLocation)
            .Range("capacity", details.Capacity, MinCapacity, MaxCapacity)
            .When(details.EndsAt <= details.StartsAt, "endsAt", "Must be after startsAt.")
            .When(startsAtMustBeFuture && details.StartsAt <= now, "startsAt", "Must be in the future.");
    }

    /// <summary>Merges a partial update into the current details.</summary>
    public static WorkshopDetails Apply(WorkshopRecord current, UpdateWorkshopRequest change)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(change);
        return new WorkshopDetails(
            change.Title?.Trim() ?? current.Title,
            change.Description?.Trim() ?? current.Description,
            change.StartsAt ?? current.StartsAt,
            change.EndsAt ?? current.EndsAt,
            change.Location?.Trim() ?? current.Location,
            change.Capacity ?? current.Capacity);
    }

    /// <summary>
    /// If-Match (RFC 9110, 13.1.1): <c>*</c>, or a list of entity tags of which one must equal the
    /// current one under strong comparison (a weak <c>W/"7"</c> never matches).
    /// </summary>
    public static bool IfMatchAdmits(string ifMatch, string currentETag)
    {
        ArgumentNullException.ThrowIfNull(ifMatch);
        var value = ifMatch.Trim();
        return value == "*"
            || value.Split(',', StringSplitOptions.TrimEntries).Contains(currentETag, StringComparer.Ordinal);
    }
}
