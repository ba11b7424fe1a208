using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Json;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Comments;

public sealed class CommentFunctions(CommentService comments)
{
    [Function("ListComments")]
    [CallerOptional]
    public async Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "workshops/{id:guid}/comments")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken)
    {
        if (QueryParameters.ReadPaging(request.Query, out var page) is { } problem)
        {
            return problem;
        }

        var listed = await comments.ListAsync(id, request.Caller(), page, cancellationToken);
        return listed.Match(found => TypedResults.Ok(PageResponse.Create(page, found.Items.Select(CommentResponse.From).ToList(), found.Total)));
    }

    [Function("CreateComment")]
    [CallerRequired]
    [RecordsActivity("comment.create", "comment", TargetFromAnswer = true)]
    public Task<IResult> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "workshops/{id:guid}/comments")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken) =>
        JsonBody.HandleAsync<CreateCommentRequest>(request, async creation =>
        {
            var created = await comments.CreateAsync(id, request.RequiredCaller(), creation, cancellationToken);
            return created.Match(comment => TypedResults.Created($"/api/workshops/{id}/comments/{comment.Id}", CommentResponse.From(comment)));
        }, cancellationToken);

    [Function("UpdateComment")]
    [CallerRequired]
    [RecordsActivity("comment.update", "comment", TargetRouteValue = "commentId")]
    public Task<IResult> Update(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "workshops/{id:guid}/comments/{commentId:guid}")] HttpRequest request,
        Guid id,
        Guid commentId,
        CancellationToken cancellationToken) =>
        JsonBody.HandleAsync<UpdateCommentRequest>(request, async change =>
        {
            var updated = await comments.UpdateAsync(id, commentId, request.RequiredCaller(), change, cancellationToken);
            return updated.Match(comment => TypedResults.Ok(CommentResponse.From(comment)));
        }, cancellationToken);

    [Function("DeleteComment")]
    [CallerRequired]
    [RecordsActivity("comment.delete", "comment", TargetRouteValue = "commentId")]
    public async Task<IResult> Delete(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "workshops/{id:guid}/comments/{commentId:guid}")] HttpRequest request,
        Guid id,
        Guid commentId,
        CancellationToken cancellationToken) =>
        (await comments.DeleteAsync(id, commentId, request.RequiredCaller(), cancellationToken)).OrNoContent();
}
