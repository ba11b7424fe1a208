namespace SkillHub.Functions.Registrations;

/// <summary>
/// Whether a confirmed participant came. Unmarked (null) until the organiser or the participant's
/// check-in says; a status change clears it, since attendance belongs to a confirmed seat.
/// </summary>
public static class RegistrationAttendance
{
    public const string Attended = "attended";
    public const string Absent = "absent";
    public const string Excused = "excused";

    /// <summary>Every value a registration's attendance may take besides unmarked.</summary>
    public static IReadOnlyList<string> All { get; } = [Attended, Absent, Excused];

    public static bool IsKnown(string? attendance) => attendance is null || All.Contains(attendance);
}
