using SkillHub.Functions.Infrastructure.Http;

namespace SkillHub.Functions.Workshops;

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
