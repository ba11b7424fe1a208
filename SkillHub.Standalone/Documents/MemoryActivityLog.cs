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
        var stored = Stored(entry);
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
            return Task.FromResult(matching.Page(page));
        }
    }

    public Task<long> PurgeOlderThanAsync(DateTime cutoff, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult((long)_entries.RemoveAll(e => e.At < cutoff));
        }
    }

    public Task<long> ReplaceValueAsync(string value, string replacement, CancellationToken cancellationToken)
    {
        string Swap(string? held) => string.Equals(held, value, StringComparison.OrdinalIgnoreCase) ? replacement : held!;
        lock (_lock)
        {
            var changed = 0L;
            for (var i = 0; i < _entries.Count; i++)
            {
                var entry = _entries[i];
                if (!string.Equals(entry.Target.Id, value, StringComparison.OrdinalIgnoreCase)
                    && !entry.Details.Values.Any(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                _entries[i] = entry with
                {
                    Target = entry.Target with { Id = entry.Target.Id is null ? null : Swap(entry.Target.Id) },
                    Details = entry.Details.ToDictionary(d => d.Key, d => Swap(d.Value), StringComparer.Ordinal),
                };
                changed++;
            }

            return Task.FromResult(changed);
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
        var stored = items.Select(Stored).ToList();
        if (stored.FirstOrDefault(entry => !ids.Add(entry.Id)) is { } repeated)
        {
            throw new DuplicateDocumentException($"The activity entries restored hold id {repeated.Id} twice.");
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

    /// <summary>The entry as MongoDB would hand it back: its time cut to the millisecond, its details a copy of their own.</summary>
    private static ActivityEntry Stored(ActivityEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry with
        {
            At = DocumentTime.Truncate(entry.At),
            Details = new Dictionary<string, string>(entry.Details, StringComparer.Ordinal),
        };
    }
}
