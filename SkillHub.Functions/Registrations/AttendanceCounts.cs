namespace SkillHub.Functions.Registrations;

/// <summary>How the confirmed registrations of a workshop are marked.</summary>
public sealed record AttendanceCounts(int Attended, int Absent, int Excused, int Unmarked)
{
    public static readonly AttendanceCounts None = new(0, 0, 0, 0);

    public int Confirmed => Attended + Absent + Excused + Unmarked;

    public AttendanceCounts Add(AttendanceCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Attended + other.Attended, Absent + other.Absent, Excused + other.Excused, Unmarked + other.Unmarked);
    }

    /// <summary>The counts of confirmed registrations with these attendances (null: unmarked).</summary>
    public static AttendanceCounts Of(IEnumerable<string?> attendances)
    {
        ArgumentNullException.ThrowIfNull(attendances);
        var marked = attendances.GroupBy(a => a ?? "").ToDictionary(g => g.Key, g => g.Count());
        return new(
            marked.GetValueOrDefault(RegistrationAttendance.Attended),
            marked.GetValueOrDefault(RegistrationAttendance.Absent),
            marked.GetValueOrDefault(RegistrationAttendance.Excused),
            marked.GetValueOrDefault(""));
    }
}
