namespace SkillHub.Functions.Registrations;

/// <summary>
/// A registration document: one per participant and workshop, re-used when a cancelled participant
/// registers again. <see cref="QueueTicket"/> comes from a PostgreSQL sequence at the moment the
/// seat was asked for, so the waiting list is served in the order PostgreSQL saw the requests;
/// positions are derived from it on every read and cannot drift. The registration decides which
/// status changes it allows; a store applies one only while the status is still the one it was read in.
/// </summary>
public sealed record Registration(
    Guid Id,
    Guid WorkshopId,
    Guid UserId,
    string Status,
    long QueueTicket,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<HistoryEntry> History,
    string? Attendance = null)
{
    public const string PromotionReason = "Promoted from the waiting list.";

    public bool IsActive => RegistrationStatus.IsActive(Status);

    public bool HoldsSeat => Status == RegistrationStatus.Confirmed;

    /// <summary>Cancelled because its workshop was: the participant did not choose it, and their calendar shows the workshop cancelled.</summary>
    public bool CancelledWithItsWorkshop => Status == RegistrationStatus.Cancelled && History is [.., { Cause: HistoryEntry.WorkshopCancelled }];

    /// <summary>A participant's first registration to the workshop, confirmed or waitlisted as the seat ledger answered.</summary>
    public static Registration Open(Guid workshopId, Guid userId, SeatRequest seat, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(seat);
        var entry = new HistoryEntry(at, StatusFor(seat), userId, null);
        return new Registration(Guid.CreateVersion7(), workshopId, userId, entry.Status, seat.QueueTicket, at, at, [entry]);
    }

    /// <summary>The entry of a cancellation one by one; <paramref name="cause"/> marks a late one (<see cref="HistoryEntry.LateCancellation"/>) or an erasure's (<see cref="HistoryEntry.AccountErased"/>).</summary>
    public static HistoryEntry Cancellation(Guid? by, string? reason, DateTime at, string? cause = null) => new(at, RegistrationStatus.Cancelled, by, reason, cause);

    /// <summary>The entry each active registration gets when its workshop is cancelled.</summary>
    public static HistoryEntry WorkshopCancellation(Guid? by, string reason, DateTime at) =>
        new(at, RegistrationStatus.Cancelled, by, reason, HistoryEntry.WorkshopCancelled);

    /// <summary>A cancelled participant registers again, with a new place in the queue; null while the registration is active.</summary>
    public RegistrationTransition? Reopen(SeatRequest seat, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(seat);
        return Status == RegistrationStatus.Cancelled
            ? new RegistrationTransition(StatusFor(seat), seat.QueueTicket, new HistoryEntry(at, StatusFor(seat), UserId, null))
            : null;
    }

    /// <summary>Cancels a confirmed or waitlisted registration; null when it is cancelled already.</summary>
    public RegistrationTransition? Cancel(Guid? by, string? reason, DateTime at, string? cause = null) =>
        IsActive ? new RegistrationTransition(RegistrationStatus.Cancelled, QueueTicket, Cancellation(by, reason, at, cause)) : null;

    /// <summary>Gives a waitlisted registration a seat; null when it is not waiting.</summary>
    public RegistrationTransition? Promote(Guid? by, DateTime at) =>
        Status == RegistrationStatus.Waitlisted
            ? new RegistrationTransition(RegistrationStatus.Confirmed, QueueTicket, new HistoryEntry(at, RegistrationStatus.Confirmed, by, PromotionReason))
            : null;

    /// <summary>Marks whether the participant came (null unmarks); null when the registration holds no seat.</summary>
    public AttendanceChange? MarkAttendance(string? attendance, Guid? by, DateTime at)
    {
        if (!RegistrationAttendance.IsKnown(attendance))
        {
            throw new ArgumentOutOfRangeException(nameof(attendance), attendance, "Not an attendance value.");
        }

        return HoldsSeat ? new AttendanceChange(attendance, new HistoryEntry(at, Status, by, null, HistoryEntry.AttendanceMarked, attendance)) : null;
    }

    private static string StatusFor(SeatRequest seat) => seat.Confirmed ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted;
}
