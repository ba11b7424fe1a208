using System.Security.Claims;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Tests.Infrastructure.Security;

public sealed class AccessTokensTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly byte[] Key = JwtForge.LongKey;

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly AccessTokens _tokens;
    private readonly Guid _userId = Guid.NewGuid();
    private readonly Guid _sessionId = Guid.NewGuid();

    public AccessTokensTests()
    {
        _tokens = new AccessTokens(new JwtOptions(), new SymmetricSecurityKey(Key), _clock);
    }

    [Fact]
    public async Task Validate_ATokenItIssued_GivesTheSubjectRoleAndSession()
    {
        var issued = _tokens.Issue(_userId, Roles.Trainer, _sessionId);

        var principal = await _tokens.ValidateAsync(issued.Token);

        Assert.NotNull(principal);
        Assert.Equal(_userId.ToString(), principal.FindFirstValue(TokenClaims.Subject));
        Assert.Equal(Roles.Trainer, principal.FindFirstValue(TokenClaims.Role));
        Assert.Equal(_sessionId, AccessTokens.SessionOf(principal));
    }

    [Fact]
    public void Issue_GivesATokenForFifteenMinutes()
    {
        var issued = _tokens.Issue(_userId, Roles.Participant, _sessionId);

        Assert.Equal(900, issued.ExpiresInSeconds);
        Assert.Equal(Start.AddMinutes(15).ToUnixTimeSeconds(), JwtForge.Payload(issued.Token)["exp"]!.GetValue<long>());
    }

    [Fact]
    public async Task Validate_AfterExpiryAndTheClockSkew_IsRefused()
    {
        var issued = _tokens.Issue(_userId, Roles.Participant, _sessionId);
        _clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(31));

        Assert.Null(await _tokens.ValidateAsync(issued.Token));
    }

    [Fact]
    public async Task Validate_AfterExpiryButWithinTheThirtySecondSkew_IsAccepted()
    {
        var issued = _tokens.Issue(_userId, Roles.Participant, _sessionId);
        _clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(20));

        Assert.NotNull(await _tokens.ValidateAsync(issued.Token));
    }

    [Fact]
    public async Task Validate_ATokenWithAnUnknownRole_IsRefused()
    {
        var token = JwtForge.Hs256(JwtForge.Claims(_userId, "superuser", Start), Key);

        Assert.Null(await _tokens.ValidateAsync(token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-session")]
    public async Task Validate_ATokenWithoutAReadableSession_IsRefused(string? session)
    {
        var claims = JwtForge.Claims(_userId, Roles.Participant, Start);
        claims.Remove(TokenClaims.Session);
        if (session is not null)
        {
            claims[TokenClaims.Session] = session;
        }

        Assert.Null(await _tokens.ValidateAsync(JwtForge.Hs256(claims, Key)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    public async Task Validate_Garbage_IsRefused(string token)
    {
        Assert.Null(await _tokens.ValidateAsync(token));
    }
}
