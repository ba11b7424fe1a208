using SkillHub.Functions.Comments;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Registrations;

namespace SkillHub.Functions.Statistics;

/// <summary>
/// The figures of a participant's and a trainer's record. Each request costs one statement in
/// PostgreSQL and one aggregation per document store, bounded whatever the history's size.
/// </summary>
public sealed class StatisticsService(StatisticsStore store, IRegistrationStore registrations, ICommentStore comments, TimeProvider clock)
{
    /// <summary>The most workshops one trainer request aggregates; past it the caller asks for a shorter range.</summary>
    public const int MaxWorkshops = 5_000;

    /// <summary>The most marked seats one participant request reads: over 1,000 workshops in a year is no one's record.</summary>
    public const int MaxMarkedSeats = 1_000;

    /// <summary>Counted by the workshop's start, not the day the mark was set: a correction made today does not bring an old workshop into the year.</summary>
    public async Task<MyAttendanceResponse> ForParticipantAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var now = clock.GetUtcNow().UtcDateTime;
        var since = ReportingPeriod.TwelveMonthsBefore(now);
        var record = await registrations.ParticipantAttendanceAsync(caller.Id, since, MaxMarkedSeats, cancellationToken);
        var started = await store.StartedBetweenAsync(record.Marked.Select(m => m.WorkshopId).ToList(), since, now, cancellationToken);
        var counts = AttendanceCounts.Of(record.Marked.Where(m => started.Contains(m.WorkshopId)).Select(m => (string?)m.Attendance));
        return new MyAttendanceResponse(counts.Attended, counts.Absent, counts.Excused, record.LateCancellations, since);
    }

    public async Task<Outcome<TrainerStatsResponse>> ForTrainerAsync(Guid trainerId, Caller caller, ReportingPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsAdmin && caller.Id != trainerId)
        {
            return Failure.Forbidden("A trainer sees their own statistics only.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var held = await store.HeldByTrainerAsync(trainerId, period, now, MaxWorkshops + 1, cancellationToken);
        if (held is null)
        {
            return Failure.NotFound("No trainer has this id.");
        }

        if (held.Count > MaxWorkshops)
        {
            return Failure.Invalid("to", $"More than {MaxWorkshops} workshops were held in this range: ask a shorter one.");
        }

        var ids = held.Select(w => w.Id).ToList();
        var attendance = registrations.AttendanceCountsAsync(ids, cancellationToken);
        var ratings = comments.RatingsAsync(ids, cancellationToken);
        await Task.WhenAll(attendance, ratings);
        return TrainerStatsResponse.Of(held, (await attendance).Values, (await ratings).Values);
    }
}
