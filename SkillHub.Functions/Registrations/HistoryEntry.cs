namespace SkillHub.Functions.Registrations;

/// <summary>
/// One event in a registration's life, embedded in its document. <see cref="Cause"/> says when the
/// change came from the workshop or the account rather than from the registration itself, or what
/// else it records; <see cref="Attendance"/> is the attendance an <see cref="AttendanceMarked"/> entry set (null: unmarked).
/// </summary>
public sealed record HistoryEntry(DateTime At, string Status, Guid? By, string? Reason, string? Cause = null, string? Attendance = null)
{
    /// <summary>The cause of the cancellations that cancelling a workshop makes.</summary>
    public const string WorkshopCancelled = "workshop.cancelled";

    /// <summary>A cancellation made later than <c>Registrations__CancelCutoffHours</c> before the start (by the organiser: the participant is refused).</summary>
    public const string LateCancellation = "cancellation.late";

    /// <summary>The entry records an attendance change, not a status change: its status is the one the registration kept.</summary>
    public const string AttendanceMarked = "attendance";

    /// <summary>The cause of the cancellations that erasing an account makes: nobody is left to tell.</summary>
    public const string AccountErased = "account.erased";
}
