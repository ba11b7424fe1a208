using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Auth;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Json;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Users;

public sealed class UserFunctions(IUserStore users, AccountService accounts, PersonalDataService personalData, ClientAddress clientAddress)
{
    [Function("GetMe")]
    [CallerRequired]
    public async Task<Results<Ok<UserResponse>, ProblemResult>> GetMe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(request.RequiredCaller().Id, cancellationToken);
        return user is null ? Problems.Unauthorized("This account no longer exists.") : TypedResults.Ok(UserResponse.From(user));
    }

    [Function("ExportMe")]
    [CallerRequired]
    public async Task<IResult> ExportMe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/export")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var export = await personalData.ExportAsync(request.RequiredCaller(), cancellationToken);
        return export.Match(data =>
        {
            // A file to keep, named for the moment it was made.
            request.HttpContext.Response.Headers.ContentDisposition =
                $"attachment; filename=\"skillhub-export-{data.ExportedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.json\"";
            return TypedResults.Ok(data);
        });
    }

    [Function("EraseMe")]
    [CallerRequired]
    [RecordsActivity("account.erase", "user", TargetIsCaller = true)]
    public Task<IResult> EraseMe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "me")] HttpRequest request,
        CancellationToken cancellationToken) =>
        JsonBody.HandleAsync<EraseAccountRequest>(request, async erase =>
        {
            var failure = await personalData.EraseAsync(request.RequiredCaller(), erase, clientAddress.Of(request), cancellationToken);
            return failure.OrNoContent();
        }, cancellationToken);

    [Function("ListUsers")]
    [CallerRequired(Roles.Admin)]
    public async Task<Results<Ok<PageResponse<UserResponse>>, ProblemResult>> ListUsers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "users")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var query = new QueryParameters(request.Query);
        var role = query.OneOf("role", [.. Roles.All]);
        var page = query.Paging();
        if (query.ToProblem() is { } problem)
        {
            return problem;
        }

        var (items, total) = await users.ListAsync(role, page, cancellationToken);
        return TypedResults.Ok(PageResponse.Create(page, items.Select(UserResponse.From).ToList(), total));
    }

    [Function("CreateUser")]
    [CallerRequired(Roles.Admin)]
    [RecordsActivity("user.create", "user")]
    public Task<IResult> CreateUser(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "users")] HttpRequest request,
        CancellationToken cancellationToken) =>
        JsonBody.HandleAsync<CreateUserRequest>(request, async input =>
        {
            if (new ValidationErrors().Role(input.Role, required: true).ToProblem() is { } invalidRole)
            {
                return invalidRole;
            }

            var created = await accounts.CreateAsync(input.Email, input.Password, input.DisplayName, input.Role!, cancellationToken);
            return created.Match(user => TypedResults.Created($"/api/users/{user.Id}", UserResponse.From(user)));
        }, cancellationToken);

    [Function("UpdateUser")]
    [CallerRequired(Roles.Admin)]
    [RecordsActivity("user.update", "user")]
    public Task<IResult> UpdateUser(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "users/{id:guid}")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken) =>
        JsonBody.HandleAsync<UpdateUserRequest>(request, change =>
        {
            // Role and access changes show in the activity log (recorded only if the update succeeds).
            request.NoteActivityDetail("role", change.Role);
            request.NoteActivityDetail("disabled", change.Disabled);
            return UpdateAsync(id, change, cancellationToken);
        }, cancellationToken);

    private async Task<IResult> UpdateAsync(Guid id, UpdateUserRequest change, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Role(change.Role, required: false)
            .DisplayName(change.DisplayName, required: false)
            .When(change is { Role: null, DisplayName: null, Disabled: null }, "body", "Name at least one of role, displayName, disabled.");
        if (errors.ToProblem() is { } invalid)
        {
            return invalid;
        }

        var updated = await users.UpdateAsync(id, change, cancellationToken);
        return updated.Match(user => TypedResults.Ok(UserResponse.From(user)));
    }
}
