using SkillHub.Functions.Comments;
using SkillHub.Functions.Registrations;

namespace SkillHub.Functions.Statistics;

/// <summary>GET /api/me/attendance: the caller's confirmed seats of workshops started since <see cref="Since"/>, by attendance, and their late cancellations since then.</summary>
public sealed record MyAttendanceResponse(int Attended, int Absent, int Excused, int LateCancellations, DateTime Since);

/// <summary>GET /api/trainers/{id}/stats: what the trainer's held workshops of the period offered, filled and drew.</summary>
public sealed record TrainerStatsResponse(
    int Workshops,
    long SeatsOffered,
    int Confirmed,
    double? FillRate,
    int Attended,
    double? AttendanceRate,
    double? NoShowRate,
    RatingSummary Rating)
{
    public static TrainerStatsResponse Of(IReadOnlyCollection<HeldWorkshop> held, IEnumerable<AttendanceCounts> attendance, IEnumerable<RatingTally> ratings)
    {
        ArgumentNullException.ThrowIfNull(held);
        var seats = held.Sum(w => (long)w.Capacity);
        var marks = attendance.Aggregate(AttendanceCounts.None, (total, counts) => total.Add(counts));
        var rating = ratings.Aggregate(RatingTally.None, (total, tally) => total.Add(tally));
        return new TrainerStatsResponse(
            held.Count,
            seats,
            marks.Confirmed,
            Rate(marks.Confirmed, seats),
            marks.Attended,
            Rate(marks.Attended, marks.Confirmed),
            Rate(marks.Absent, marks.Confirmed),
            new RatingSummary(rating.Average, rating.Count));
    }

    /// <summary>A share from 0 to 1, to four decimals; null when there is nothing to divide by.</summary>
    public static double? Rate(long part, long whole) =>
        whole == 0 ? null : Math.Round((double)part / whole, 4, MidpointRounding.AwayFromZero);
}

/// <summary>The mean of the shown ratings, to two decimals (null when none), and how many there are.</summary>
public sealed record RatingSummary(double? Average, int Count);
