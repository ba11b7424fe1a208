using SkillHub.Functions.Comments;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Workshops;

namespace SkillHub.Functions.Attendance;

/// <summary>
/// A workshop's rating (from the comments) and attendance (from the registrations), computed per
/// request: one query for the ratings of every workshop shown, one for the attendance of those the
/// caller manages. Others see <c>attendance: null</c>.
/// </summary>
public sealed class WorkshopFigures(ICommentStore comments, IRegistrationStore registrations) : IWorkshopViews
{
    public async Task<IReadOnlyList<WorkshopResponse>> ShowAsync(IReadOnlyList<WorkshopRecord> workshops, Caller? caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workshops);
        if (workshops.Count == 0)
        {
            return [];
        }

        var managed = workshops.Where(w => WorkshopAccess.IsManaged(w.TrainerId, caller)).Select(w => w.Id).ToHashSet();
        var ratings = await comments.RatingsAsync(workshops.Select(w => w.Id).Distinct().ToList(), cancellationToken);
        var attendance = managed.Count == 0
            ? new Dictionary<Guid, AttendanceCounts>()
            : await registrations.AttendanceCountsAsync(managed, cancellationToken);
        return workshops.Select(w =>
        {
            var rating = ratings.GetValueOrDefault(w.Id, RatingTally.None);
            var counts = attendance.GetValueOrDefault(w.Id, AttendanceCounts.None);
            return WorkshopResponse.From(
                w,
                new WorkshopRating(rating.Average, rating.Count),
                managed.Contains(w.Id) ? new WorkshopAttendance(counts.Attended, counts.Absent, counts.Excused, counts.Unmarked) : null);
        }).ToList();
    }
}
