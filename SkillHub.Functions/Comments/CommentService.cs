using Microsoft.Extensions.Logging;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Users;
using SkillHub.Functions.Workshops;

namespace SkillHub.Functions.Comments;

/// <summary>
/// The comment use cases. A workshop's comments are seen, and written, by whoever may see the
/// workshop; the author's name is read from PostgreSQL at each write and kept in the document.
/// </summary>
public sealed class CommentService(
    ICommentStore comments,
    IWorkshopStore workshops,
    IUserStore users,
    IParticipationCheck participation,
    TimeProvider clock,
    ILogger<CommentService> logger)
{
    private const string NoWorkshop = "No such workshop.";
    private const string NoComment = "No such comment.";

    public async Task<Outcome<(IReadOnlyList<Comment> Items, long Total)>> ListAsync(Guid workshopId, Caller? caller, PageRequest page, CancellationToken cancellationToken)
    {
        if (await workshops.FindVisibleAsync(workshopId, caller, cancellationToken) is null)
        {
            return Failure.NotFound(NoWorkshop);
        }

        return await comments.ListVisibleAsync(workshopId, page, cancellationToken);
    }

    public async Task<Outcome<Comment>> CreateAsync(Guid workshopId, Caller caller, CreateCommentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (CommentRules.Check(request.Body, request.Rating, bodyRequired: true).ToFailure() is { } invalid)
        {
            return invalid;
        }

        if (await workshops.FindVisibleAsync(workshopId, caller, cancellationToken) is not { } workshop)
        {
            return Failure.NotFound(NoWorkshop);
        }

        if (await RefuseRatingAsync(workshop, caller, request.Rating, cancellationToken) is { } refused)
        {
            return refused;
        }

        var author = await AuthorAsync(caller, cancellationToken);
        if (author.Failure is { } noAuthor)
        {
            return noAuthor;
        }

        var now = DocumentTime.Now(clock);
        var comment = new Comment(Guid.CreateVersion7(now), workshopId, author.Value!, request.Body!, request.Rating, now, now);
        await comments.InsertAsync(comment, cancellationToken);
        logger.LogInformation("Comment {CommentId} on workshop {WorkshopId} written by {UserId}", comment.Id, workshopId, caller.Id);
        return comment;
    }

    public async Task<Outcome<Comment>> UpdateAsync(Guid workshopId, Guid commentId, Caller caller, UpdateCommentRequest change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(change);
        var found = await FindShownAsync(workshopId, commentId, caller, cancellationToken);
        if (found.Failure is { } missing)
        {
            return missing;
        }

        if (found.Value.Comment.Author.Id != caller.Id)
        {
            return Failure.Forbidden("Only the comment's author may change it.");
        }

        if (change is { Body: null, Rating: null })
        {
            const string NameOne = "Give body, rating or both.";
            return Failure.Invalid(new Dictionary<string, string[]> { ["body"] = [NameOne], ["rating"] = [NameOne] });
        }

        if (CommentRules.Check(change.Body, change.Rating, bodyRequired: false).ToFailure() is { } invalid)
        {
            return invalid;
        }

        // Sending back the rating the comment already has gives no new rating.
        var newRating = change.Rating == found.Value.Comment.Rating ? null : change.Rating;
        if (await RefuseRatingAsync(found.Value.Workshop, caller, newRating, cancellationToken) is { } refused)
        {
            return refused;
        }

        var author = await AuthorAsync(caller, cancellationToken);
        if (author.Failure is { } noAuthor)
        {
            return noAuthor;
        }

        var edit = new CommentEdit(change.Body, change.Rating, author.Value!.DisplayName, DocumentTime.Now(clock));
        if (await comments.EditAsync(workshopId, commentId, caller.Id, edit, cancellationToken) is { } edited)
        {
            logger.LogInformation("Comment {CommentId} on workshop {WorkshopId} edited by {UserId}", commentId, workshopId, caller.Id);
            return edited;
        }

        // Hidden between the read and the write: it is gone for its author too.
        return Failure.NotFound(NoComment);
    }

    public async Task<Failure?> DeleteAsync(Guid workshopId, Guid commentId, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var found = await FindShownAsync(workshopId, commentId, caller, cancellationToken);
        if (found.Failure is { } missing)
        {
            return missing;
        }

        var (workshop, comment) = found.Value;
        if (comment.Author.Id != caller.Id && !workshop.IsManagedBy(caller))
        {
            return Failure.Forbidden("Only the comment's author, the workshop's trainer or an admin may delete it.");
        }

        if (!await comments.HideAsync(workshopId, commentId, caller.Id, DocumentTime.Now(clock), cancellationToken))
        {
            return Failure.NotFound(NoComment);
        }

        logger.LogInformation("Comment {CommentId} on workshop {WorkshopId} hidden by {UserId}", commentId, workshopId, caller.Id);
        return null;
    }

    /// <summary>The workshop, if the caller may see it, and its comment, if it is still shown: 404 otherwise.</summary>
    private async Task<Outcome<(WorkshopRecord Workshop, Comment Comment)>> FindShownAsync(Guid workshopId, Guid commentId, Caller caller, CancellationToken cancellationToken)
    {
        var workshop = await workshops.FindVisibleAsync(workshopId, caller, cancellationToken);
        if (workshop is null)
        {
            return Failure.NotFound(NoWorkshop);
        }

        var comment = await comments.FindAsync(commentId, cancellationToken);
        return comment is null || comment.WorkshopId != workshopId || comment.Hidden
            ? Failure.NotFound(NoComment)
            : (workshop, comment);
    }

    /// <summary>A rating comes only from someone who took part (<see cref="IParticipationCheck"/>); a comment without one from anyone who sees the workshop.</summary>
    private async Task<Failure?> RefuseRatingAsync(WorkshopRecord workshop, Caller caller, int? rating, CancellationToken cancellationToken) =>
        rating is not null && await participation.RatingRefusalAsync(workshop, caller.Id, cancellationToken) is { } reason
            ? Failure.Forbidden(reason)
            : null;

    /// <summary>The caller as an author, named as PostgreSQL names them now.</summary>
    private async Task<Outcome<CommentAuthor>> AuthorAsync(Caller caller, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(caller.Id, cancellationToken);
        return user switch
        {
            null => Failure.Unauthorized("This account no longer exists."),
            { Disabled: true } => Failure.Forbidden("This account is disabled."),
            _ => new CommentAuthor(user.Id, user.DisplayName),
        };
    }
}
