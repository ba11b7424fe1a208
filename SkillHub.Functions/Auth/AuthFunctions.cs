using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Json;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Users;

namespace SkillHub.Functions.Auth;

public sealed class AuthFunctions(AccountService accounts, PasswordResetService resets, ClientAddress clientAddress)
{
    [Function("Register")]
    [Anonymous]
    [RecordsActivity("auth.register", "user")]
    public Task<IResult> Register(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/register")] HttpRequest request,
        CancellationToken cancellationToken) =>
        JsonBody.HandleAsync<RegisterRequest>(request, async registration =>
        {
            var created = await accounts.RegisterAsync(registration, clientAddress.Of(request), cancellationToken);
            return created.Match(user => TypedResults.Created($"/api/users/{user.Id}", UserResponse.From(user)));
        }, cancellationToken);

    [Function("Login")]
    [Anonymous]
    [RecordsActivity("auth.login", "user", AlsoRecordedFailures = [StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests])]
    public Task<IResult> Login(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/login")] HttpRequest request,
        CancellationToken cancellationToken) =>
        JsonBody.HandleAsync<LoginRequest>(request, async login =>
        {
            var attempt = await accounts.LoginAsync(login, clientAddress.Of(request), cancellationToken);
            // The account tried, when the address names one; what was typed is never kept, for it
            // may be a password typed into the wrong field.
            request.NoteActivityTarget(attempt.AccountId?.ToString());
            return attempt.Tokens.Match(TypedResults.Ok);
        }, cancellationToken);

    [Function("Refresh")]
    [Anonymous]
    public Task<IResult> Refresh(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/refresh")] HttpRequest request,
        CancellationToken cancellationToken) =>
        JsonBody.HandleAsync<RefreshRequest>(request, async refresh =>
        {
            var tokens = await accounts.RefreshAsync(refresh, cancellationToken);
            return tokens.Match(TypedResults.Ok);
        }, cancellationToken);

    [Function("Logout")]
    [CallerRequired]
    [RecordsActivity("auth.logout", "user", TargetIsCaller = true)]
    public Task<IResult> Logout(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/logout")] HttpRequest request,
        CancellationToken cancellationToken) =>
        JsonBody.HandleAsync<LogoutRequest>(request, async logout =>
        {
            var failure = await accounts.LogoutAsync(request.RequiredCaller(), request.RequiredSession(), logout, cancellationToken);
            return failure.OrNoContent();
        }, cancellationToken);

    [Function("ChangePassword")]
    [CallerRequired]
    [RecordsActivity("auth.password.change", "user", TargetIsCaller = true)]
    public Task<IResult> ChangePassword(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "me/password")] HttpRequest request,
        CancellationToken cancellationToken) =>
        JsonBody.HandleAsync<ChangePasswordRequest>(request, async change =>
        {
            var failure = await accounts.ChangePasswordAsync(request.RequiredCaller(), request.RequiredSession(), change, clientAddress.Of(request), cancellationToken);
            return failure.OrNoContent();
        }, cancellationToken);

    [Function("RequestPasswordReset")]
    [Anonymous]
    [RecordsActivity("auth.password.reset_request", "user")]
    public Task<IResult> RequestPasswordReset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/password-reset")] HttpRequest request,
        CancellationToken cancellationToken) =>
        JsonBody.HandleAsync<PasswordResetRequest>(request, async reset =>
        {
            var failure = await resets.RequestAsync(reset, clientAddress.Of(request), cancellationToken);
            return failure is null ? TypedResults.Accepted((string?)null) : failure.ToProblem();
        }, cancellationToken);

    [Function("ConfirmPasswordReset")]
    [Anonymous]
    [RecordsActivity("auth.password.reset", "user")]
    public Task<IResult> ConfirmPasswordReset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/password-reset/confirm")] HttpRequest request,
        CancellationToken cancellationToken) =>
        JsonBody.HandleAsync<ConfirmPasswordResetRequest>(request, async confirm =>
        {
            var reset = await resets.ConfirmAsync(confirm, cancellationToken);
            if (reset.Value is { } userId && reset.Succeeded)
            {
                request.NoteActivityTarget(userId.ToString());
            }

            return reset.Failure.OrNoContent();
        }, cancellationToken);
}
