using SkillHub.Functions.Infrastructure.Http;

namespace SkillHub.Functions.Comments;

/// <summary>Who wrote a comment, with the display name they had when they last wrote it.</summary>
public sealed record CommentAuthor(Guid Id, string DisplayName);

/// <summary>
/// A comment document. A deleted comment is kept, hidden, for the audit trail: it records who hid
/// it and when, and is never shown again.
/// </summary>
public sealed record Comment(
    Guid Id,
    Guid WorkshopId,
    CommentAuthor Author,
    string Body,
    int? Rating,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    bool Hidden = false,
    Guid? HiddenBy = null,
    DateTime? HiddenAt = null);

/// <summary>A comment as the API shows it: never whether or by whom it was hidden.</summary>
public sealed record CommentResponse(Guid Id, Guid WorkshopId, CommentAuthor Author, string Body, int? Rating, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static CommentResponse From(Comment comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        return new(comment.Id, comment.WorkshopId, comment.Author, comment.Body, comment.Rating, comment.CreatedAt, comment.UpdatedAt);
    }
}

public sealed record CreateCommentRequest(string? Body, int? Rating);

public sealed record UpdateCommentRequest(string? Body, int? Rating);

/// <summary>What an edit writes: the body and rating where given, the author's current name, the time.</summary>
public sealed record CommentEdit(string? Body, int? Rating, string AuthorDisplayName, DateTime UpdatedAt);

/// <summary>The rules every comment obeys.</summary>
public static class CommentRules
{
    public const int MaxBody = 2_000;
    public const int MinRating = 1;
    public const int MaxRating = 5;

    /// <summary>
    /// The body is plain text, kept exactly as sent (never trimmed, encoded or interpreted); its length
    /// is counted in code points, and it may not be blank or hold U+0000.
    /// </summary>
    public static ValidationErrors Check(string? body, int? rating, bool bodyRequired)
    {
        var errors = new ValidationErrors();
        if (bodyRequired || body is not null)
        {
            errors.Required("body", body);
        }

        return errors
            .StoredText("body", body, 1, MaxBody)
            .Range("rating", rating, MinRating, MaxRating);
    }
}

/// <summary>The comments collection, behind the same contract in MongoDB and in memory.</summary>
public interface ICommentStore
{
    /// <summary>The comment whatever its state, hidden ones included; the caller of this method decides what to reveal.</summary>
    Task<Comment?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>A page of the workshop's comments that are not hidden, newest first (the higher id first among equal times).</summary>
    Task<(IReadOnlyList<Comment> Items, long Total)> ListVisibleAsync(Guid workshopId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Inserts a new comment; <see cref="Infrastructure.Documents.DuplicateDocumentException"/> when its id is taken.</summary>
    Task InsertAsync(Comment comment, CancellationToken cancellationToken);

    /// <summary>
    /// Applies the edit in one atomic update, if the comment belongs to the workshop, is not hidden and
    /// was written by <paramref name="authorId"/>; the comment as changed, or null when none matched.
    /// </summary>
    Task<Comment?> EditAsync(Guid workshopId, Guid id, Guid authorId, CommentEdit edit, CancellationToken cancellationToken);

    /// <summary>Hides the comment in one atomic update, if it belongs to the workshop and is not hidden yet; false when none matched.</summary>
    Task<bool> HideAsync(Guid workshopId, Guid id, Guid hiddenBy, DateTime hiddenAt, CancellationToken cancellationToken);

    /// <summary>The ratings of the shown comments of each of these workshops that has any, in one query.</summary>
    Task<IReadOnlyDictionary<Guid, RatingTally>> RatingsAsync(IReadOnlyCollection<Guid> workshopIds, CancellationToken cancellationToken);
    /// <summary>Up to <paramref name="limit"/> of the author's comments in every workshop, hidden ones included, newest first; and how many there are.</summary>
    Task<(IReadOnlyList<Comment> Items, long Total)> ListByAuthorAsync(Guid authorId, int limit, CancellationToken cancellationToken);

    /// <summary>Puts <paramref name="displayName"/> on every comment of the author, hidden ones included, in one update; returns how many matched.</summary>
    Task<long> RenameAuthorAsync(Guid authorId, string displayName, CancellationToken cancellationToken);
}
