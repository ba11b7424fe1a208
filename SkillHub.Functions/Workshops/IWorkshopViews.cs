using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Workshops;

/// <summary>
/// Workshops as the API shows them, with the figures other features keep: the rating for everyone,
/// the attendance for the caller who manages the workshop (implemented next to attendance and comments).
/// </summary>
public interface IWorkshopViews
{
    /// <summary>The workshops shown to <paramref name="caller"/>, in order, with one query per figure for the whole list.</summary>
    Task<IReadOnlyList<WorkshopResponse>> ShowAsync(IReadOnlyList<WorkshopRecord> workshops, Caller? caller, CancellationToken cancellationToken);
}

public static class WorkshopViewsExtensions
{
    public static async Task<WorkshopResponse> ShowAsync(this IWorkshopViews views, WorkshopRecord workshop, Caller? caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(views);
        return (await views.ShowAsync([workshop], caller, cancellationToken))[0];
    }

    /// <summary>The workshop, or 404 when the caller may not see it and 403 when they see it but do not manage it.</summary>
    public static async Task<Outcome<WorkshopRecord>> FindManagedAsync(this IWorkshopStore store, Guid id, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var workshop = await store.FindAsync(id, cancellationToken);
        if (workshop is null || !workshop.IsVisibleTo(caller))
        {
            return Failure.NotFound("No such workshop.");
        }

        return workshop.IsManagedBy(caller) ? workshop : Failure.Forbidden("Only the workshop's trainer or an admin may do this.");
    }
}
