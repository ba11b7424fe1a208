using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Registrations;

public sealed class RegistrationFunctions(RegistrationService registrations)
{
    [Function("RegisterToWorkshop")]
    [CallerRequired(Roles.Participant)]
    [RecordsActivity("registration.create", "registration", TargetFromAnswer = true)]
    public async Task<IResult> Register(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "workshops/{id:guid}/registrations")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken)
    {
        var registered = await registrations.RegisterAsync(id, request.RequiredCaller(), cancellationToken);
        return registered.Match(r => TypedResults.Created($"/api/workshops/{id}/registrations/{r.Id}", r));
    }

    [Function("CancelMyRegistration")]
    [CallerRequired(Roles.Participant)]
    [RecordsActivity("registration.cancel", "registration", TargetFromAnswer = true)]
    public async Task<IResult> CancelMine(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "workshops/{id:guid}/registrations/me")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken) =>
        (await registrations.CancelOwnAsync(id, request.RequiredCaller(), cancellationToken)).Match(TypedResults.Ok);

    [Function("CancelRegistration")]
    [CallerRequired(Roles.Trainer, Roles.Admin)]
    [RecordsActivity("registration.cancel", "registration", TargetRouteValue = "registrationId")]
    public async Task<IResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "workshops/{id:guid}/registrations/{registrationId:guid}")] HttpRequest request,
        Guid id,
        Guid registrationId,
        CancellationToken cancellationToken) =>
        (await registrations.CancelForAsync(id, registrationId, request.RequiredCaller(), cancellationToken)).Match(TypedResults.Ok);

    [Function("ListWorkshopRegistrations")]
    [CallerRequired(Roles.Trainer, Roles.Admin)]
    public async Task<IResult> ListForWorkshop(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "workshops/{id:guid}/registrations")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken)
    {
        var query = new QueryParameters(request.Query);
        var status = query.OneOf("status", [.. RegistrationStatus.All]);
        var page = query.Paging();
        if (query.ToProblem() is { } problem)
        {
            return problem;
        }

        return (await registrations.ListForWorkshopAsync(id, request.RequiredCaller(), status, page, cancellationToken)).Match(TypedResults.Ok);
    }

    [Function("ListMyRegistrations")]
    [CallerRequired]
    public async Task<IResult> ListMine(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/registrations")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (QueryParameters.ReadPaging(request.Query, out var page) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(await registrations.ListForCallerAsync(request.RequiredCaller(), page, cancellationToken));
    }

    [Function("WorkshopHistory")]
    [CallerRequired(Roles.Trainer, Roles.Admin)]
    public async Task<IResult> History(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "workshops/{id:guid}/history")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken)
    {
        if (QueryParameters.ReadPaging(request.Query, out var page) is { } problem)
        {
            return problem;
        }

        return (await registrations.HistoryAsync(id, request.RequiredCaller(), page, cancellationToken)).Match(TypedResults.Ok);
    }
}
