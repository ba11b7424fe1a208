namespace SkillHub.Functions.Registrations;

/// <summary>
/// What one aggregation reads of a participant's record: the workshop and attendance of each of their
/// confirmed registrations that is marked (most recently changed first, at most the limit asked), and
/// how many late cancellations their history holds since the date asked.
/// </summary>
public sealed record ParticipantAttendance(IReadOnlyList<MarkedSeat> Marked, int LateCancellations)
{
    public static readonly ParticipantAttendance None = new([], 0);
}

/// <summary>A confirmed registration whose attendance is marked.</summary>
public sealed record MarkedSeat(Guid WorkshopId, string Attendance);
