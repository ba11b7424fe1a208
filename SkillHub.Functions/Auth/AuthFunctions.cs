using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Json;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Users;

namespace SkillHub.Functions.Auth;

public sealed class AuthFunctions(AccountService accounts, ClientAddress clientAddress)
{
    [Function("Register")]
    [Anonymous]
    public async Task<IResult> Register(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/register")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<RegisterRequest>(request, cancellationToken);
        if (!body.IsValid)
        {
            return body.Problem!;
        }

        var created = await accounts.CreateAsync(body.Value!.Email, body.Value.Password, body.Value.DisplayName, Roles.Participant, cancellationToken);
        return created.Match(user => TypedResults.Created($"/api/users/{user.Id}", UserResponse.From(user)));
    }

    [Function("Login")]
    [Anonymous]
    public async Task<IResult> Login(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/login")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<LoginRequest>(request, cancellationToken);
        if (!body.IsValid)
        {
            return body.Problem!;
        }

        var tokens = await accounts.LoginAsync(body.Value!, clientAddress.Of(request), cancellationToken);
        return tokens.Match(TypedResults.Ok);
    }

    [Function("Refresh")]
    [Anonymous]
    public async Task<IResult> Refresh(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/refresh")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<RefreshRequest>(request, cancellationToken);
        if (!body.IsValid)
        {
            return body.Problem!;
        }

        var tokens = await accounts.RefreshAsync(body.Value!, cancellationToken);
        return tokens.Match(TypedResults.Ok);
    }

    [Function("Logout")]
    [CallerRequired]
    public async Task<IResult> Logout(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/logout")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<LogoutRequest>(request, cancellationToken);
        if (!body.IsValid)
        {
            return body.Problem!;
        }

        var failure = await accounts.LogoutAsync(request.RequiredCaller(), body.Value!, cancellationToken);
        return failure is null ? TypedResults.NoContent() : failure.ToProblem();
    }
}
