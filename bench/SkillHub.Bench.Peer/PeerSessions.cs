using Microsoft.AspNetCore.Authentication.JwtBearer;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Bench.Peer;

/// <summary>
/// The app's session check (a token is refused once its session ends or its account changes) as an
/// ASP.NET Core API would run it: after JwtBearer has validated the token. Routes under
/// <see cref="WithoutSessionCheck"/> go without it, so the bench can price it.
/// </summary>
internal static class PeerSessions
{
    public const string WithoutSessionCheck = "/peer/no-session";

    public static async Task CheckAsync(TokenValidatedContext context)
    {
        if (context.HttpContext.Request.Path.StartsWithSegments(WithoutSessionCheck, StringComparison.Ordinal))
        {
            return;
        }

        var principal = context.Principal!;
        var caller = Caller.FromPrincipal(principal);
        if (caller is null || AccessTokens.SessionOf(principal) is not { } session
            || !await context.HttpContext.RequestServices.GetRequiredService<ISessionCheck>().AdmitsAsync(caller, session, context.HttpContext.RequestAborted))
        {
            context.Fail("The session of this access token has ended, or the account has changed.");
        }
    }
}
