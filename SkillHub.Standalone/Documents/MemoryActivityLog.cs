using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Activity;

namespace SkillHub.Standalone.Documents;

/// <summary>The activity log in this process's memory, answering queries as MongoDB would.</summary>
public sealed class MemoryActivityLog : IActivityLog, IMemoryDocuments<ActivityEntry>
{
    private readonly Lock _lock = new();
    private readonly List<ActivityEntry> _entries = [];

    public Task AppendAsync(ActivityEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var stored = entry with
        {
            At = DocumentTime.Truncate(entry.At),
            Details = new Dictionary<string, string>(entry.Details, StringComparer.Ordinal),
        };
        lock (_lock)
        {
            _entries.Add(stored);
        }

        return Task.CompletedTask;
    }

    public Task<(IReadOnlyList<ActivityEntry> Items, long Total)> QueryAsync(ActivityQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_lock)
        {
            var matching = _entries
                .Where(e => query.ActorId is not { } actorId || e.Actor?.Id == actorId)
                .Where(e => query.Action is null || e.Action == query.Action)
                .Where(e => query.TargetId is null || e.Target.Id == query.TargetId)
                .Where(e => query.StoredFrom is not { } from || e.At >= from)
                .Where(e => query.StoredTo is not { } to || e.At <= to)
                .OrderByDescending(e => e.At)
                .ThenByDescending(e => e.Id)
                .ToList();
            IReadOnlyList<ActivityEntry> items = matching.Skip((int)Math.Min(page.Offset, int.MaxValue)).Take(page.PageSize).ToList();
            return Task.FromResult((items, (long)matching.Count));
        }
    }

    public Task<long> PurgeOlderThanAsync(DateTime cutoff, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult((long)_entries.RemoveAll(e => e.At < cutoff));
        }
    }

    /// <summary>Every entry, in the order MongoDB sorts their <c>_id</c>s: what a backup exports.</summary>
    public IReadOnlyList<ActivityEntry> ExportDocuments()
    {
        lock (_lock)
        {
            return _entries.OrderBy(e => e.Id, MemoryCommentStore.BsonUuidOrder.Instance).ToList();
        }
    }

    /// <summary>Replaces every entry with these, as a restore does; a repeated id is refused first (<see cref="DuplicateDocumentException"/>, the log unchanged).</summary>
    public void ReplaceAll(IEnumerable<ActivityEntry> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var ids = new HashSet<Guid>();
        var stored = new List<ActivityEntry>();
        foreach (var entry in items)
        {
            if (!ids.Add(entry.Id))
            {
                throw new DuplicateDocumentException($"The activity entries restored hold id {entry.Id} twice.");
            }

            stored.Add(entry with
            {
                At = DocumentTime.Truncate(entry.At),
                Details = new Dictionary<string, string>(entry.Details, StringComparer.Ordinal),
            });
        }

        lock (_lock)
        {
            _entries.Clear();
            _entries.AddRange(stored);
        }
    }

    public int DocumentCount()
    {
        lock (_lock)
        {
            return _entries.Count;
        }
    }
}
