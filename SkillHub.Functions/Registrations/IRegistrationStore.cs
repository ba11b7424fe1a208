using SkillHub.Functions.Infrastructure.Http;

namespace SkillHub.Functions.Registrations;

/// <summary>The registrations collection, behind the same contract in MongoDB and in memory.</summary>
public interface IRegistrationStore
{
    Task<Registration?> FindAsync(Guid workshopId, Guid userId, CancellationToken cancellationToken);

    Task<Registration?> FindByIdAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The registrations with these ids, in one query.</summary>
    Task<IReadOnlyList<Registration>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>Every registration changed at or after <paramref name="since"/>, for reconciliation.</summary>
    Task<IReadOnlyList<Registration>> ChangedSinceAsync(DateTime since, CancellationToken cancellationToken);

    /// <summary>Inserts a new registration; <see cref="Infrastructure.Documents.DuplicateDocumentException"/> when one exists for the same workshop and user.</summary>
    Task InsertAsync(Registration registration, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the registration from <paramref name="expectedStatus"/> to the transition's status in one
    /// atomic update, setting its queue ticket, clearing its attendance and appending the history entry;
    /// null when its status was not the expected one (someone else changed it first).
    /// </summary>
    Task<Registration?> TransitionAsync(Guid id, string expectedStatus, RegistrationTransition transition, CancellationToken cancellationToken);

    /// <summary>Sets the attendance and appends the entry in one atomic update; null unless the registration is still confirmed.</summary>
    Task<Registration?> MarkAttendanceAsync(Guid id, AttendanceChange change, CancellationToken cancellationToken);

    /// <summary>The waitlisted registration with the lowest queue ticket, if any.</summary>
    Task<Registration?> FirstWaitlistedAsync(Guid workshopId, CancellationToken cancellationToken);

    /// <summary>Cancels every active registration of the workshop, appending the entry to each; returns how many.</summary>
    Task<int> CancelAllActiveAsync(Guid workshopId, HistoryEntry entry, CancellationToken cancellationToken);

    Task<RegistrationCounts> CountAsync(Guid workshopId, CancellationToken cancellationToken);

    /// <summary>How the confirmed registrations of each of these workshops that has any are marked, in one query.</summary>
    Task<IReadOnlyDictionary<Guid, AttendanceCounts>> AttendanceCountsAsync(IReadOnlyCollection<Guid> workshopIds, CancellationToken cancellationToken);

    /// <summary>
    /// In one query, the user's marked confirmed registrations (the <paramref name="limit"/> most recently
    /// changed) and the late cancellations in their history at or after <paramref name="since"/>.
    /// </summary>
    Task<ParticipantAttendance> ParticipantAttendanceAsync(Guid userId, DateTime since, int limit, CancellationToken cancellationToken);

    /// <summary>A page of the workshop's registrations: confirmed, then waitlisted in queue order, then cancelled.</summary>
    Task<(IReadOnlyList<Registration> Items, long Total)> ListForWorkshopAsync(Guid workshopId, string? status, PageRequest page, CancellationToken cancellationToken);

    /// <summary>A page of the user's registrations, newest first.</summary>
    Task<(IReadOnlyList<Registration> Items, long Total)> ListForUserAsync(Guid userId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// What the user's calendar feed shows, latest changed first, at most <paramref name="limit"/>: their
    /// confirmed registrations, and those the cancellation of their workshop cancelled (last entry's cause).
    /// </summary>
    Task<IReadOnlyList<Registration>> ListForCalendarAsync(Guid userId, int limit, CancellationToken cancellationToken);

    /// <summary>The 1-based waiting-list position of each waitlisted registration given, in one query.</summary>
    Task<IReadOnlyDictionary<Guid, int>> WaitlistPositionsAsync(IReadOnlyCollection<Registration> registrations, CancellationToken cancellationToken);

    /// <summary>A page of every history entry of the workshop's registrations, oldest first.</summary>
    Task<(IReadOnlyList<RegistrationEvent> Items, long Total)> HistoryAsync(Guid workshopId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Confirmed and waitlisted counts of every workshop that has any active registration, for reconciliation.</summary>
    Task<IReadOnlyDictionary<Guid, RegistrationCounts>> ActiveCountsAsync(CancellationToken cancellationToken);
}
