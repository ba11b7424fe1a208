using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Registrations;

namespace SkillHub.Standalone.Documents;

/// <summary>
/// The registrations collection in this process's memory, with MongoDB's guarantees: one
/// registration per workshop and user, atomic single-document updates (one lock), stable order.
/// Dates are kept to the millisecond, as BSON keeps them. Each workshop's registrations are also
/// kept in list order (as MongoDB's index on workshop, status rank and ticket keeps them), so a page,
/// a count or a waiting-list position costs the same whatever the number of registrations.
/// </summary>
public sealed class MemoryRegistrationStore : IRegistrationStore, IMemoryDocuments<Registration>
{
    private readonly Lock _lock = new();
    private Dictionary<Guid, Registration> _byId = [];
    private Dictionary<(Guid WorkshopId, Guid UserId), Guid> _byWorkshopAndUser = [];
    private readonly Dictionary<Guid, WorkshopRegistrations> _byWorkshop = [];

    public Task<Registration?> FindAsync(Guid workshopId, Guid userId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_byWorkshopAndUser.TryGetValue((workshopId, userId), out var id) ? _byId[id] : null);
        }
    }

    public Task<Registration?> FindByIdAsync(Guid id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_byId.GetValueOrDefault(id));
        }
    }

    public Task<IReadOnlyList<Registration>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<Registration>>(ids.Distinct().Select(_byId.GetValueOrDefault).OfType<Registration>().ToList());
        }
    }

    public Task<IReadOnlyList<Registration>> ChangedSinceAsync(DateTime since, CancellationToken cancellationToken)
    {
        var from = DocumentTime.Truncate(since);
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<Registration>>(_byId.Values.Where(r => r.UpdatedAt >= from).ToList());
        }
    }

    public Task InsertAsync(Registration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var stored = Normalize(registration);
        lock (_lock)
        {
            if (_byId.ContainsKey(stored.Id) || !_byWorkshopAndUser.TryAdd((stored.WorkshopId, stored.UserId), stored.Id))
            {
                throw new DuplicateDocumentException($"A registration of user {stored.UserId} to workshop {stored.WorkshopId} exists.");
            }

            _byId[stored.Id] = stored;
            Workshop(stored.WorkshopId).Add(stored);
        }

        return Task.CompletedTask;
    }

    public Task<Registration?> TransitionAsync(Guid id, string expectedStatus, RegistrationTransition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var entry = Normalize(transition.Entry);
        lock (_lock)
        {
            if (!_byId.TryGetValue(id, out var current) || current.Status != expectedStatus)
            {
                return Task.FromResult<Registration?>(null);
            }

            var updated = current with
            {
                Status = transition.Status,
                QueueTicket = transition.QueueTicket,
                UpdatedAt = entry.At,
                History = [.. current.History, entry],
                Attendance = null,
            };
            Replace(current, updated);
            return Task.FromResult<Registration?>(updated);
        }
    }

    public Task<Registration?> MarkAttendanceAsync(Guid id, AttendanceChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var entry = Normalize(change.Entry);
        lock (_lock)
        {
            if (!_byId.TryGetValue(id, out var current) || current.Status != RegistrationStatus.Confirmed)
            {
                return Task.FromResult<Registration?>(null);
            }

            var updated = current with { Attendance = change.Attendance, UpdatedAt = entry.At, History = [.. current.History, entry] };
            Replace(current, updated);
            return Task.FromResult<Registration?>(updated);
        }
    }

    public Task<Registration?> FirstWaitlistedAsync(Guid workshopId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_byWorkshop.GetValueOrDefault(workshopId)?.FirstWaitlisted);
        }
    }

    public Task<int> CancelAllActiveAsync(Guid workshopId, HistoryEntry entry, CancellationToken cancellationToken)
    {
        var stored = Normalize(entry);
        lock (_lock)
        {
            var active = _byWorkshop.TryGetValue(workshopId, out var registrations) ? registrations.Active() : [];
            foreach (var registration in active)
            {
                Replace(registration, registration with
                {
                    Status = RegistrationStatus.Cancelled,
                    UpdatedAt = stored.At,
                    History = [.. registration.History, stored],
                    Attendance = null,
                });
            }

            return Task.FromResult(active.Count);
        }
    }

    public Task<IReadOnlyDictionary<Guid, AttendanceCounts>> AttendanceCountsAsync(IReadOnlyCollection<Guid> workshopIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workshopIds);
        lock (_lock)
        {
            IReadOnlyDictionary<Guid, AttendanceCounts> counts = workshopIds.Distinct()
                .Select(id => (Id: id, Confirmed: _byWorkshop.TryGetValue(id, out var registrations)
                    ? registrations.Confirmed.Select(r => r.Attendance).ToList()
                    : []))
                .Where(w => w.Confirmed.Count > 0)
                .ToDictionary(w => w.Id, w => AttendanceCounts.Of(w.Confirmed));
            return Task.FromResult(counts);
        }
    }

    public Task<ParticipantAttendance> ParticipantAttendanceAsync(Guid userId, DateTime since, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var from = DocumentTime.FirstMillisecondFrom(since);
        lock (_lock)
        {
            var theirs = _byId.Values.Where(r => r.UserId == userId).ToList();
            var marked = theirs
                .Where(r => r.HoldsSeat && r.Attendance is { } attendance && RegistrationAttendance.All.Contains(attendance))
                .OrderByDescending(r => r.UpdatedAt)
                .ThenByDescending(r => r.Id, MemoryCommentStore.BsonUuidOrder.Instance)
                .Take(limit)
                .Select(r => new MarkedSeat(r.WorkshopId, r.Attendance!))
                .ToList();
            var late = theirs.Sum(r => r.History.Count(h => h.Cause == HistoryEntry.LateCancellation && h.At >= from));
            return Task.FromResult(new ParticipantAttendance(marked, late));
        }
    }

    public Task<RegistrationCounts> CountAsync(Guid workshopId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_byWorkshop.GetValueOrDefault(workshopId)?.Counts ?? new RegistrationCounts(0, 0, 0));
        }
    }

    public Task<(IReadOnlyList<Registration> Items, long Total)> ListForWorkshopAsync(Guid workshopId, string? status, PageRequest page, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_byWorkshop.TryGetValue(workshopId, out var registrations)
                ? registrations.Page(status, page)
                : ((IReadOnlyList<Registration>)[], 0L));
        }
    }

    public Task<(IReadOnlyList<Registration> Items, long Total)> ListForUserAsync(Guid userId, PageRequest page, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var matching = _byId.Values
                .Where(r => r.UserId == userId)
                .OrderByDescending(r => r.UpdatedAt)
                .ThenByDescending(r => r.Id)
                .ToList();
            return Task.FromResult(matching.Page(page));
        }
    }

    public Task<IReadOnlyList<Registration>> ListForCalendarAsync(Guid userId, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<Registration>>(_byId.Values
                .Where(r => r.UserId == userId && (r.HoldsSeat || r.CancelledWithItsWorkshop))
                .OrderByDescending(r => r.UpdatedAt)
                .ThenByDescending(r => r.Id)
                .Take(limit)
                .ToList());
        }
    }

    public Task<IReadOnlyDictionary<Guid, int>> WaitlistPositionsAsync(IReadOnlyCollection<Registration> registrations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        lock (_lock)
        {
            var positions = new Dictionary<Guid, int>();
            foreach (var registration in registrations.Where(r => r.Status == RegistrationStatus.Waitlisted))
            {
                positions[registration.Id] = 1 + (_byWorkshop.GetValueOrDefault(registration.WorkshopId)?.WaitlistedBefore(registration) ?? 0);
            }

            return Task.FromResult<IReadOnlyDictionary<Guid, int>>(positions);
        }
    }

    public Task<(IReadOnlyList<RegistrationEvent> Items, long Total)> HistoryAsync(Guid workshopId, PageRequest page, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var events = (_byWorkshop.TryGetValue(workshopId, out var registrations) ? registrations.All : Enumerable.Empty<Registration>())
                .SelectMany(r => r.History.Select(h => new RegistrationEvent(r.Id, r.UserId, h.At, h.Status, h.By, h.Reason, h.Attendance)))
                .OrderBy(e => e.At)
                .ThenBy(e => e.RegistrationId)
                .ToList();
            return Task.FromResult(events.Page(page));
        }
    }

    public Task<IReadOnlyDictionary<Guid, RegistrationCounts>> ActiveCountsAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyDictionary<Guid, RegistrationCounts> counts = _byWorkshop
                .Where(w => w.Value.Counts is { Confirmed: > 0 } or { Waitlisted: > 0 })
                .ToDictionary(w => w.Key, w => w.Value.Counts);
            return Task.FromResult(counts);
        }
    }

    /// <summary>Every registration, in the order MongoDB sorts their <c>_id</c>s: what a backup exports.</summary>
    public IReadOnlyList<Registration> ExportDocuments()
    {
        lock (_lock)
        {
            return _byId.Values.OrderBy(r => r.Id, MemoryCommentStore.BsonUuidOrder.Instance).ToList();
        }
    }

    /// <summary>
    /// Replaces every registration with these, as a restore does; checks the unique keys first
    /// (<see cref="DuplicateDocumentException"/>, the store unchanged) and keeps dates to the millisecond.
    /// </summary>
    public void ReplaceAll(IEnumerable<Registration> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var byId = new Dictionary<Guid, Registration>();
        var byWorkshopAndUser = new Dictionary<(Guid WorkshopId, Guid UserId), Guid>();
        foreach (var stored in items.Select(Normalize))
        {
            if (!byId.TryAdd(stored.Id, stored) || !byWorkshopAndUser.TryAdd((stored.WorkshopId, stored.UserId), stored.Id))
            {
                throw new DuplicateDocumentException($"The registrations restored hold id {stored.Id}, or user {stored.UserId} in workshop {stored.WorkshopId}, twice.");
            }
        }

        lock (_lock)
        {
            _byId = byId;
            _byWorkshopAndUser = byWorkshopAndUser;
            _byWorkshop.Clear();
            foreach (var registration in byId.Values)
            {
                Workshop(registration.WorkshopId).Add(registration);
            }
        }
    }

    public int DocumentCount()
    {
        lock (_lock)
        {
            return _byId.Count;
        }
    }

    private WorkshopRegistrations Workshop(Guid workshopId)
    {
        if (!_byWorkshop.TryGetValue(workshopId, out var registrations))
        {
            _byWorkshop[workshopId] = registrations = new WorkshopRegistrations();
        }

        return registrations;
    }

    /// <summary>Stores the new version of a registration (same id, workshop and user) in every index.</summary>
    private void Replace(Registration current, Registration updated)
    {
        _byId[current.Id] = updated;
        var registrations = Workshop(current.WorkshopId);
        registrations.Remove(current);
        registrations.Add(updated);
    }

    private static Registration Normalize(Registration registration) => registration with
    {
        CreatedAt = DocumentTime.Truncate(registration.CreatedAt),
        UpdatedAt = DocumentTime.Truncate(registration.UpdatedAt),
        History = registration.History.Select(Normalize).ToList(),
    };

    private static HistoryEntry Normalize(HistoryEntry entry) => entry with { At = DocumentTime.Truncate(entry.At) };

    /// <summary>
    /// One workshop's registrations in list order: a list per status rank (<see cref="RegistrationStatus.Rank"/>),
    /// each in <see cref="QueueOrder"/>. Callers hold the store's lock.
    /// </summary>
    private sealed class WorkshopRegistrations
    {
        private readonly List<Registration>[] _ranks = [.. RegistrationStatus.All.Select(_ => new List<Registration>())];

        public RegistrationCounts Counts => new(
            Of(RegistrationStatus.Confirmed).Count, Of(RegistrationStatus.Waitlisted).Count, Of(RegistrationStatus.Cancelled).Count);

        /// <summary>The seats held, without walking the waiting list (MongoDB reads them from the workshopId_status index).</summary>
        public IReadOnlyList<Registration> Confirmed => Of(RegistrationStatus.Confirmed);

        public Registration? FirstWaitlisted => Of(RegistrationStatus.Waitlisted) is [var first, ..] ? first : null;

        public IEnumerable<Registration> All => _ranks.SelectMany(rank => rank);

        public List<Registration> Active() => [.. RegistrationStatus.Active.SelectMany(Of)];

        public void Add(Registration registration)
        {
            var rank = Of(registration.Status);
            rank.Insert(Place(rank, registration), registration);
        }

        public void Remove(Registration registration)
        {
            var rank = Of(registration.Status);
            var index = rank.BinarySearch(registration, QueueOrder.Comparer);
            if (index >= 0)
            {
                rank.RemoveAt(index);
            }
        }

        /// <summary>How many waitlisted registrations hold a ticket lower than this one's: no id sorts before the empty one.</summary>
        public int WaitlistedBefore(Registration registration) => Place(Of(RegistrationStatus.Waitlisted), registration with { Id = Guid.Empty });

        /// <summary>A page of the list, all statuses or one, by index: no sort and no scan of what is skipped.</summary>
        public (IReadOnlyList<Registration> Items, long Total) Page(string? status, PageRequest page)
        {
            if (status is not null)
            {
                var rank = Of(status);
                // The last rank holds every status not listed: only there can a filter leave some out.
                return RegistrationStatus.Rank(status) < _ranks.Length - 1 ? Slice([rank], rank.Count, page) : rank.Where(r => r.Status == status).ToList().Page(page);
            }

            return Slice(_ranks, _ranks.Sum(rank => rank.Count), page);
        }

        private List<Registration> Of(string status) => _ranks[RegistrationStatus.Rank(status)];

        /// <summary>Where the registration sits, or would be inserted, in a rank kept in <see cref="QueueOrder"/>.</summary>
        private static int Place(List<Registration> rank, Registration registration)
        {
            var index = rank.BinarySearch(registration, QueueOrder.Comparer);
            return index < 0 ? ~index : index;
        }

        private static (IReadOnlyList<Registration> Items, long Total) Slice(IEnumerable<List<Registration>> ranks, int total, PageRequest page)
        {
            var items = new List<Registration>(page.PageSize);
            var skip = page.Skip;
            foreach (var rank in ranks)
            {
                if (skip >= rank.Count)
                {
                    skip -= rank.Count;
                    continue;
                }

                var take = Math.Min(page.PageSize - items.Count, rank.Count - skip);
                items.AddRange(rank.GetRange(skip, take));
                skip = 0;
                if (items.Count == page.PageSize)
                {
                    break;
                }
            }

            return (items, total);
        }
    }
}
