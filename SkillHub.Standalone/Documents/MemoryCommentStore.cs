using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Comments;

namespace SkillHub.Standalone.Documents;

/// <summary>
/// The comments collection in this process's memory, with MongoDB's guarantees: unique ids, atomic
/// single-document updates (one lock), the same stable newest-first order (ids compared as MongoDB
/// compares UUIDs), dates kept to the millisecond as BSON keeps them.
/// </summary>
public sealed class MemoryCommentStore : ICommentStore, IMemoryDocuments<Comment>
{
    private readonly Lock _lock = new();
    private Dictionary<Guid, Comment> _byId = [];

    public Task<Comment?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_byId.GetValueOrDefault(id));
        }
    }

    public Task<(IReadOnlyList<Comment> Items, long Total)> ListVisibleAsync(Guid workshopId, PageRequest page, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var visible = NewestFirst(_byId.Values.Where(c => c.WorkshopId == workshopId && !c.Hidden)).ToList();
            return Task.FromResult(visible.Page(page));
        }
    }

    public Task InsertAsync(Comment comment, CancellationToken cancellationToken)
    {
        var stored = Stored(comment);
        lock (_lock)
        {
            if (!_byId.TryAdd(stored.Id, stored))
            {
                throw new DuplicateDocumentException($"A comment with id {stored.Id} exists.");
            }
        }

        return Task.CompletedTask;
    }

    public Task<Comment?> EditAsync(Guid workshopId, Guid id, Guid authorId, CommentEdit edit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        lock (_lock)
        {
            if (!_byId.TryGetValue(id, out var current) || current.WorkshopId != workshopId || current.Hidden || current.Author.Id != authorId)
            {
                return Task.FromResult<Comment?>(null);
            }

            var updated = current with
            {
                Body = edit.Body ?? current.Body,
                Rating = edit.Rating ?? current.Rating,
                Author = current.Author with { DisplayName = edit.AuthorDisplayName },
                UpdatedAt = DocumentTime.Truncate(edit.UpdatedAt),
            };
            _byId[id] = updated;
            return Task.FromResult<Comment?>(updated);
        }
    }

    public Task<bool> HideAsync(Guid workshopId, Guid id, Guid hiddenBy, DateTime hiddenAt, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_byId.TryGetValue(id, out var current) || current.WorkshopId != workshopId || current.Hidden)
            {
                return Task.FromResult(false);
            }

            _byId[id] = current with { Hidden = true, HiddenBy = hiddenBy, HiddenAt = DocumentTime.Truncate(hiddenAt) };
            return Task.FromResult(true);
        }
    }

    public Task<(IReadOnlyList<Comment> Items, long Total)> ListByAuthorAsync(Guid authorId, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var theirs = NewestFirst(_byId.Values.Where(c => c.Author.Id == authorId)).ToList();
            return Task.FromResult<(IReadOnlyList<Comment>, long)>((theirs.Take(limit).ToList(), theirs.Count));
        }
    }

    public Task<long> RenameAuthorAsync(Guid authorId, string displayName, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var theirs = _byId.Values.Where(c => c.Author.Id == authorId).ToList();
            foreach (var comment in theirs)
            {
                _byId[comment.Id] = comment with { Author = comment.Author with { DisplayName = displayName } };
            }

            return Task.FromResult((long)theirs.Count);
        }
    }

    public Task<IReadOnlyDictionary<Guid, RatingTally>> RatingsAsync(IReadOnlyCollection<Guid> workshopIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workshopIds);
        var wanted = workshopIds.ToHashSet();
        lock (_lock)
        {
            IReadOnlyDictionary<Guid, RatingTally> tallies = _byId.Values
                .Where(c => wanted.Contains(c.WorkshopId) && !c.Hidden && c.Rating is not null)
                .GroupBy(c => c.WorkshopId)
                .ToDictionary(g => g.Key, g => new RatingTally(g.Sum(c => (long)c.Rating!.Value), g.Count()));
            return Task.FromResult(tallies);
        }
    }

    /// <summary>Every comment, hidden ones included, in the order MongoDB sorts their <c>_id</c>s: what a backup exports.</summary>
    public IReadOnlyList<Comment> ExportDocuments()
    {
        lock (_lock)
        {
            return _byId.Values.OrderBy(c => c.Id, BsonUuidOrder.Instance).ToList();
        }
    }

    /// <summary>Replaces every comment with these, as a restore does; a repeated id is refused first (<see cref="DuplicateDocumentException"/>, the store unchanged).</summary>
    public void ReplaceAll(IEnumerable<Comment> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var byId = new Dictionary<Guid, Comment>();
        foreach (var stored in items.Select(Stored))
        {
            if (!byId.TryAdd(stored.Id, stored))
            {
                throw new DuplicateDocumentException($"The comments restored hold id {stored.Id} twice.");
            }
        }

        lock (_lock)
        {
            _byId = byId;
        }
    }

    public int DocumentCount()
    {
        lock (_lock)
        {
            return _byId.Count;
        }
    }

    /// <summary>MongoDB's <c>{createdAt: -1, _id: -1}</c>.</summary>
    private static IOrderedEnumerable<Comment> NewestFirst(IEnumerable<Comment> comments) =>
        comments.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id, BsonUuidOrder.Instance);

    /// <summary>A comment as MongoDB would hand it back: through its stored document, dates cut to the millisecond.</summary>
    private static Comment Stored(Comment comment) => MongoCommentStore.CommentDocument.From(comment).ToComment();

    /// <summary>
    /// UUIDs in the order MongoDB sorts them: a standard (subtype 4) binary compares byte by byte in
    /// RFC 9562 order, the big-endian one.
    /// </summary>
    internal sealed class BsonUuidOrder : IComparer<Guid>
    {
        public static BsonUuidOrder Instance { get; } = new();

        public int Compare(Guid x, Guid y)
        {
            Span<byte> left = stackalloc byte[16];
            Span<byte> right = stackalloc byte[16];
            x.TryWriteBytes(left, bigEndian: true, out _);
            y.TryWriteBytes(right, bigEndian: true, out _);
            return left.SequenceCompareTo(right);
        }
    }
}
