using SkillHub.Functions.Workshops;

namespace SkillHub.Functions.Attendance;

/// <summary>A span of time, both ends included.</summary>
public readonly record struct TimeWindow(DateTime From, DateTime Until)
{
    public bool Contains(DateTime now) => now >= From && now <= Until;
}

/// <summary>
/// When attendance may be recorded, the one definition: the organiser marks from an hour before the
/// start (people arrive early) to a week after the end (the sheet is filled in afterwards); a
/// participant checks in from half an hour before the start to the end.
/// </summary>
public static class AttendanceWindows
{
    public static readonly TimeSpan MarkingOpensBeforeStart = TimeSpan.FromHours(1);
    public static readonly TimeSpan MarkingClosesAfterEnd = TimeSpan.FromDays(7);
    public static readonly TimeSpan CheckInOpensBeforeStart = TimeSpan.FromMinutes(30);

    public static TimeWindow Marking(WorkshopRecord workshop)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        return new(workshop.StartsAt - MarkingOpensBeforeStart, workshop.EndsAt + MarkingClosesAfterEnd);
    }

    public static TimeWindow CheckIn(WorkshopRecord workshop)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        return new(workshop.StartsAt - CheckInOpensBeforeStart, workshop.EndsAt);
    }
}
