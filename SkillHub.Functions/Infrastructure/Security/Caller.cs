using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace SkillHub.Functions.Infrastructure.Security;

/// <summary>Who is calling, as proven by a valid access token.</summary>
public sealed record Caller(Guid Id, string Role)
{
    public bool IsAdmin => Role == Roles.Admin;

    public bool IsTrainer => Role == Roles.Trainer;

    public static Caller? FromPrincipal(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var subject = principal.FindFirstValue(TokenClaims.Subject);
        var role = principal.FindFirstValue(TokenClaims.Role);
        return Guid.TryParse(subject, out var id) && Roles.IsValid(role) ? new Caller(id, role!) : null;
    }
}

public static class CallerHttpExtensions
{
    /// <summary>The authenticated caller, or null for an anonymous request.</summary>
    public static Caller? Caller(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Security.Caller.FromPrincipal(request.HttpContext.User);
    }

    /// <summary>
    /// The authenticated caller of a function whose access policy requires one; the gate has
    /// already refused anonymous requests, so a missing caller here is a programming error.
    /// </summary>
    public static Caller RequiredCaller(this HttpRequest request) =>
        request.Caller() ?? throw new InvalidOperationException("This function requires a caller; its access attribute must say so.");

    /// <summary>The session of the required caller's access token (the gate admits no token without one).</summary>
    public static Guid RequiredSession(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return AccessTokens.SessionOf(request.HttpContext.User) ?? throw new InvalidOperationException("This function requires a caller; its access attribute must say so.");
    }
}

public static class TokenClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string TokenId = "jti";
    public const string Session = "sid";
}
