using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Json;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Workshops;

public sealed class WorkshopFunctions(WorkshopService workshops, IWorkshopStore store, IWorkshopViews views)
{
    [Function("ListWorkshops")]
    [CallerOptional]
    public async Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "workshops")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var query = new QueryParameters(request.Query);
        var filters = new WorkshopQuery(
            query.Timestamp("from"),
            query.Timestamp("to"),
            query.Id("trainerId"),
            query.Text("q", 100),
            query.Bool("available"),
            query.OneOf("status", [.. WorkshopStatus.All]) ?? WorkshopStatus.Published,
            query.OneOf("sort", "startsAt", "-startsAt") == "-startsAt");
        var page = query.Paging();
        if (filters is { From: { } from, To: { } to } && from > to)
        {
            query.Fail("to", "Must not be before from.");
        }

        if (query.ToProblem() is { } problem)
        {
            return problem;
        }

        var caller = request.Caller();
        var (items, total) = await store.ListAsync(filters, caller, page, cancellationToken);
        return TypedResults.Ok(PageResponse.Create(page, await views.ShowAsync(items, caller, cancellationToken), total));
    }

    [Function("GetWorkshop")]
    [CallerOptional]
    public async Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "workshops/{id:guid}")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken) =>
        await WithETagAsync(request, await workshops.GetAsync(id, request.Caller(), cancellationToken), TypedResults.Ok, cancellationToken);

    [Function("CreateWorkshop")]
    [CallerRequired(Roles.Trainer, Roles.Admin)]
    [RecordsActivity("workshop.create", "workshop")]
    public Task<IResult> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "workshops")] HttpRequest request,
        CancellationToken cancellationToken) =>
        JsonBody.HandleAsync<CreateWorkshopRequest>(request, async creation =>
        {
            var created = await workshops.CreateAsync(request.RequiredCaller(), creation, cancellationToken);
            return await WithETagAsync(request, created, response => TypedResults.Created($"/api/workshops/{response.Id}", response), cancellationToken);
        }, cancellationToken);

    [Function("UpdateWorkshop")]
    [CallerRequired(Roles.Trainer, Roles.Admin)]
    [RecordsActivity("workshop.update", "workshop")]
    public Task<IResult> Update(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "workshops/{id:guid}")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken) =>
        JsonBody.HandleAsync<UpdateWorkshopRequest>(request, async change =>
        {
            var updated = await workshops.UpdateAsync(id, request.RequiredCaller(), request.Headers.IfMatch.ToString(), change, cancellationToken);
            return await WithETagAsync(request, updated, TypedResults.Ok, cancellationToken);
        }, cancellationToken);

    [Function("PublishWorkshop")]
    [CallerRequired(Roles.Trainer, Roles.Admin)]
    [RecordsActivity("workshop.publish", "workshop")]
    public async Task<IResult> Publish(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "workshops/{id:guid}/publish")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken) =>
        await WithETagAsync(request, await workshops.PublishAsync(id, request.RequiredCaller(), cancellationToken), TypedResults.Ok, cancellationToken);

    [Function("CancelWorkshop")]
    [CallerRequired(Roles.Trainer, Roles.Admin)]
    [RecordsActivity("workshop.cancel", "workshop")]
    public Task<IResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "workshops/{id:guid}/cancel")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken) =>
        JsonBody.HandleAsync<CancelWorkshopRequest>(request, async cancellation =>
        {
            var cancelled = await workshops.CancelAsync(id, request.RequiredCaller(), cancellation, cancellationToken);
            return await WithETagAsync(request, cancelled, TypedResults.Ok, cancellationToken);
        }, cancellationToken);

    [Function("DeleteWorkshop")]
    [CallerRequired(Roles.Admin)]
    [RecordsActivity("workshop.delete", "workshop")]
    public async Task<IResult> Delete(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "workshops/{id:guid}")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken) =>
        await workshops.DeleteAsync(id, request.RequiredCaller(), cancellationToken) is { } failure
            ? failure.ToProblem()
            : TypedResults.NoContent();

    /// <summary>Every answer that carries one workshop carries its version as the ETag, and the figures the caller may see.</summary>
    private async Task<IResult> WithETagAsync(HttpRequest request, Outcome<WorkshopRecord> outcome, Func<WorkshopResponse, IResult> respond, CancellationToken cancellationToken)
    {
        if (outcome.Value is not { } workshop)
        {
            return outcome.Failure!.ToProblem();
        }

        request.HttpContext.Response.Headers.ETag = workshop.ETag;
        return respond(await views.ShowAsync(workshop, request.Caller(), cancellationToken));
    }
}
