using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Infrastructure.Http;

namespace SkillHub.Functions.Registrations;

/// <summary>
/// The registrations collection in this process's memory, with MongoDB's guarantees: one
/// registration per workshop and user, atomic single-document updates (one lock), stable order.
/// Dates are kept to the millisecond, as BSON keeps them.
/// </summary>
public sealed class MemoryRegistrationStore : IRegistrationStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, Registration> _byId = [];
    private readonly Dictionary<(Guid WorkshopId, Guid UserId), Guid> _byWorkshopAndUser = [];

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
            };
            _byId[id] = updated;
            return Task.FromResult<Registration?>(updated);
        }
    }

    public Task<Registration?> FirstWaitlistedAsync(Guid workshopId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(Waitlisted(workshopId).FirstOrDefault());
        }
    }

    public Task<int> CancelAllActiveAsync(Guid workshopId, HistoryEntry entry, CancellationToken cancellationToken)
    {
        var stored = Normalize(entry);
        lock (_lock)
        {
            var active = _byId.Values.Where(r => r.WorkshopId == workshopId && RegistrationStatus.IsActive(r.Status)).ToList();
            foreach (var registration in active)
            {
                _byId[registration.Id] = registration with
                {
                    Status = RegistrationStatus.Cancelled,
                    UpdatedAt = stored.At,
                    History = [.. registration.History, stored],
                };
            }

            return Task.FromResult(active.Count);
        }
    }

    public Task<RegistrationCounts> CountAsync(Guid workshopId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(Count(_byId.Values.Where(r => r.WorkshopId == workshopId)));
        }
    }

    public Task<(IReadOnlyList<Registration> Items, long Total)> ListForWorkshopAsync(Guid workshopId, string? status, PageRequest page, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var matching = _byId.Values
                .Where(r => r.WorkshopId == workshopId && (status is null || r.Status == status))
                .OrderBy(r => StatusRank(r.Status))
                .ThenBy(r => r.QueueTicket)
                .ThenBy(r => r.Id)
                .ToList();
            return Task.FromResult(Page(matching, page));
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
            return Task.FromResult(Page(matching, page));
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
                positions[registration.Id] = 1 + _byId.Values.Count(other =>
                    other.WorkshopId == registration.WorkshopId
                    && other.Status == RegistrationStatus.Waitlisted
                    && other.QueueTicket < registration.QueueTicket);
            }

            return Task.FromResult<IReadOnlyDictionary<Guid, int>>(positions);
        }
    }

    public Task<(IReadOnlyList<RegistrationEvent> Items, long Total)> HistoryAsync(Guid workshopId, PageRequest page, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var events = _byId.Values
                .Where(r => r.WorkshopId == workshopId)
                .SelectMany(r => r.History.Select(h => new RegistrationEvent(r.Id, r.UserId, h.At, h.Status, h.By, h.Reason)))
                .OrderBy(e => e.At)
                .ThenBy(e => e.RegistrationId)
                .ToList();
            return Task.FromResult(Page(events, page));
        }
    }

    public Task<IReadOnlyDictionary<Guid, RegistrationCounts>> ActiveCountsAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyDictionary<Guid, RegistrationCounts> counts = _byId.Values
                .GroupBy(r => r.WorkshopId)
                .Where(g => g.Any(r => RegistrationStatus.IsActive(r.Status)))
                .ToDictionary(g => g.Key, Count);
            return Task.FromResult(counts);
        }
    }

    /// <summary>Every registration, in the order MongoDB sorts their <c>_id</c>s: what a backup exports.</summary>
    internal IReadOnlyList<Registration> ExportDocuments()
    {
        lock (_lock)
        {
            return _byId.Values.OrderBy(r => r.Id, Comments.MemoryCommentStore.BsonUuidOrder.Instance).ToList();
        }
    }

    /// <summary>
    /// Replaces every registration with these, as a restore does; checks the unique keys first
    /// (<see cref="DuplicateDocumentException"/>, the store unchanged) and keeps dates to the millisecond.
    /// </summary>
    internal void ReplaceAll(IEnumerable<Registration> registrations)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        var byId = new Dictionary<Guid, Registration>();
        var byWorkshopAndUser = new Dictionary<(Guid WorkshopId, Guid UserId), Guid>();
        foreach (var stored in registrations.Select(Normalize))
        {
            if (!byId.TryAdd(stored.Id, stored) || !byWorkshopAndUser.TryAdd((stored.WorkshopId, stored.UserId), stored.Id))
            {
                throw new DuplicateDocumentException($"The registrations restored hold id {stored.Id}, or user {stored.UserId} in workshop {stored.WorkshopId}, twice.");
            }
        }

        lock (_lock)
        {
            _byId.Clear();
            _byWorkshopAndUser.Clear();
            foreach (var (id, registration) in byId)
            {
                _byId.Add(id, registration);
            }

            foreach (var (key, id) in byWorkshopAndUser)
            {
                _byWorkshopAndUser.Add(key, id);
            }
        }
    }

    internal int DocumentCount()
    {
        lock (_lock)
        {
            return _byId.Count;
        }
    }

    internal static int StatusRank(string status) => status switch
    {
        RegistrationStatus.Confirmed => 0,
        RegistrationStatus.Waitlisted => 1,
        _ => 2,
    };

    private IEnumerable<Registration> Waitlisted(Guid workshopId) =>
        _byId.Values
            .Where(r => r.WorkshopId == workshopId && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.QueueTicket)
            .ThenBy(r => r.Id);

    private static RegistrationCounts Count(IEnumerable<Registration> registrations)
    {
        int confirmed = 0, waitlisted = 0, cancelled = 0;
        foreach (var registration in registrations)
        {
            switch (registration.Status)
            {
                case RegistrationStatus.Confirmed: confirmed++; break;
                case RegistrationStatus.Waitlisted: waitlisted++; break;
                default: cancelled++; break;
            }
        }

        return new RegistrationCounts(confirmed, waitlisted, cancelled);
    }

    private static (IReadOnlyList<T> Items, long Total) Page<T>(List<T> all, PageRequest page) =>
        (all.Skip((int)Math.Min(page.Offset, int.MaxValue)).Take(page.PageSize).ToList(), all.Count);

    private static Registration Normalize(Registration registration) => registration with
    {
        CreatedAt = DocumentTime.Truncate(registration.CreatedAt),
        UpdatedAt = DocumentTime.Truncate(registration.UpdatedAt),
        History = registration.History.Select(Normalize).ToList(),
    };

    private static HistoryEntry Normalize(HistoryEntry entry) => entry with { At = DocumentTime.Truncate(entry.At) };
}
