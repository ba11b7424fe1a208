using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SkillHub.Functions.Infrastructure.Security;

public sealed record IssuedAccessToken(string Token, int ExpiresInSeconds);

/// <summary>
/// Mints and validates the API's access tokens: HS256 only, issuer, audience, lifetime and signature
/// checked, and a session named (claim sid); whether that session still admits the token is the
/// gate's question (<see cref="SessionCheck"/>).
/// </summary>
public sealed class AccessTokens
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private readonly JwtOptions _options;
    private readonly SigningCredentials _credentials;
    private readonly TokenValidationParameters _validation;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly TimeProvider _clock;

    public AccessTokens(JwtOptions options, SymmetricSecurityKey key, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _clock = clock;
        _credentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        _validation = new TokenValidationParameters
        {
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            IssuerSigningKey = key,
            ValidateIssuerSigningKey = true,
            ValidIssuer = options.Issuer,
            ValidateIssuer = true,
            ValidAudience = options.Audience,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = ClockSkew,
            NameClaimType = TokenClaims.Subject,
            RoleClaimType = TokenClaims.Role,
            LifetimeValidator = ValidateLifetime,
        };
    }

    public IssuedAccessToken Issue(Guid userId, string role, Guid sessionId)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromMinutes(_options.AccessTokenMinutes);
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = _credentials,
            Claims = new Dictionary<string, object>
            {
                [TokenClaims.Subject] = userId.ToString(),
                [TokenClaims.Role] = role,
                [TokenClaims.TokenId] = Guid.NewGuid().ToString("N"),
                [TokenClaims.Session] = sessionId.ToString(),
            },
        });
        return new IssuedAccessToken(token, (int)lifetime.TotalSeconds);
    }

    /// <summary>The caller's identity, or null when the token is malformed, forged, expired, not yet valid or names no session.</summary>
    public async Task<ClaimsPrincipal?> ValidateAsync(string token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 4096)
        {
            return null;
        }

        var result = await _handler.ValidateTokenAsync(token, _validation);
        if (!result.IsValid)
        {
            return null;
        }

        var principal = new ClaimsPrincipal(result.ClaimsIdentity);
        return Caller.FromPrincipal(principal) is null || SessionOf(principal) is null ? null : principal;
    }

    public static Guid? SessionOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal?.FindFirstValue(TokenClaims.Session), out var id) ? id : null;

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return expires is { } exp
            && now <= exp.ToUniversalTime() + ClockSkew
            && (notBefore is not { } nbf || now + ClockSkew >= nbf.ToUniversalTime());
    }
}
