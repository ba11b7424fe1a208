using Microsoft.AspNetCore.Http;
using SkillHub.Functions.Infrastructure.Http;

namespace SkillHub.Functions.Infrastructure.Security;

/// <summary>
/// The caller is authenticated (a valid token, of a session that still admits it) and checked against the function's
/// access policy before the function runs; a refusal is the answer instead.
/// </summary>
public sealed class CallerAuthentication(AccessPolicyCatalog policies, AccessTokens tokens, ISessionCheck sessions) : IFunctionFilter
{
    private const string BearerPrefix = "Bearer ";

    public async Task<IResult?> InvokeAsync(FunctionCall invocation, Func<Task<IResult?>> proceed)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(proceed);
        return await AuthorizeAsync(invocation.Http, policies.For(invocation.EntryPoint)) ?? await proceed();
    }

    public void Check(string entryPoint) => _ = policies.For(entryPoint);

    private async Task<IResult?> AuthorizeAsync(HttpContext http, AccessPolicy policy)
    {
        if (!policy.ReadsToken)
        {
            return null;
        }

        var header = http.Request.Headers.Authorization;
        if (header.Count == 0)
        {
            return policy.RequiresCaller ? Problems.Unauthorized() : null;
        }

        var value = header.Count == 1 ? header[0] : null;
        if (value is null || !value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Unauthorized("The Authorization header must be 'Bearer <access token>'.");
        }

        var principal = await tokens.ValidateAsync(value[BearerPrefix.Length..].Trim());
        if (principal is null)
        {
            return Problems.Unauthorized("The access token is invalid or expired.");
        }

        var caller = Caller.FromPrincipal(principal)!;
        if (!await sessions.AdmitsAsync(caller, AccessTokens.SessionOf(principal)!.Value, http.RequestAborted))
        {
            return Problems.Unauthorized("The session of this access token has ended, or the account has changed: log in again.");
        }

        http.User = principal;
        return policy.Admits(caller.Role) ? null : Problems.Forbidden();
    }
}
