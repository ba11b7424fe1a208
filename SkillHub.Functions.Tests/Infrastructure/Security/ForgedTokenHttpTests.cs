using System.Net;
using System.Text;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Infrastructure.Security;

/// <summary>The app signing with a 64-byte key, long enough for HS512, so an HS512 token is refused for its algorithm alone.</summary>
public sealed class LongKeyAppFixture : AppFixture
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Jwt:SigningKey", JwtForge.LongSigningKey)];
}

/// <summary>
/// Forged tokens against the running app. Each names a real user, so only the forgery itself can
/// be why it is refused; worker issue #2325 (refused requests answered 200) is why this is checked
/// over real HTTP.
/// </summary>
public sealed class ForgedTokenHttpTests(LongKeyAppFixture app) : IClassFixture<LongKeyAppFixture>
{
    public static TheoryData<string> Forgeries => ["alg none", "another key", "expired", "not yet valid", "no expiry", "another issuer", "another audience", "role tampered", "HS512", "RS256",
        "no session", "unknown session", "another user's session", "session tampered"];

    [Fact]
    public async Task Me_WithAHandForgedTokenThatGetsEverythingRight_Answers200()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        using var client = app.CreateClient(JwtForge.Hs256(JwtForge.Claims(user.Id, user.Role, DateTimeOffset.UtcNow, user.SessionId), JwtForge.LongKey));

        var response = await client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Me_WithAForgedToken_Answers401Problem(string forgery)
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        using var client = app.CreateClient(await ForgeAsync(forgery, user));

        var response = await client.GetAsync("/api/me");

        var problem = await HttpProblem.AssertAsync(response, 401);
        Assert.DoesNotContain(user.Email, problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Me_UnderConcurrentRequests_RefusesEveryForgedTokenAndServesEveryValidOne()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        using var valid = app.ClientFor(user);
        using var forged = app.CreateClient(await ForgeAsync("alg none", user));

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            var isForged = i % 2 == 0;
            using var response = await (isForged ? forged : valid).GetAsync("/api/me");
            return (isForged, response.StatusCode);
        }));

        Assert.All(answers, a => Assert.Equal(a.isForged ? HttpStatusCode.Unauthorized : HttpStatusCode.OK, a.StatusCode));
    }

    private async Task<string> ForgeAsync(string forgery, TestUser user)
    {
        var now = DateTimeOffset.UtcNow;
        var claims = JwtForge.Claims(user.Id, user.Role, now, user.SessionId);
        switch (forgery)
        {
            case "alg none":
                return JwtForge.Unsigned(claims);
            case "another key":
                return JwtForge.Hs256(claims, Encoding.UTF8.GetBytes("another-signing-key-also-more-than-32-bytes-long!"));
            case "expired":
                claims["iat"] = now.AddMinutes(-30).ToUnixTimeSeconds();
                claims["nbf"] = now.AddMinutes(-30).ToUnixTimeSeconds();
                claims["exp"] = now.AddMinutes(-10).ToUnixTimeSeconds();
                return JwtForge.Hs256(claims, JwtForge.LongKey);
            case "not yet valid":
                claims["nbf"] = now.AddMinutes(5).ToUnixTimeSeconds();
                return JwtForge.Hs256(claims, JwtForge.LongKey);
            case "no expiry":
                claims.Remove("exp");
                return JwtForge.Hs256(claims, JwtForge.LongKey);
            case "another issuer":
                claims["iss"] = "someone-else";
                return JwtForge.Hs256(claims, JwtForge.LongKey);
            case "another audience":
                claims["aud"] = "another-api";
                return JwtForge.Hs256(claims, JwtForge.LongKey);
            case "role tampered":
                return JwtForge.Tamper(user.AccessToken, payload => payload["role"] = Roles.Admin);
            case "no session":
                claims.Remove("sid");
                return JwtForge.Hs256(claims, JwtForge.LongKey);
            case "unknown session":
                claims["sid"] = Guid.NewGuid().ToString();
                return JwtForge.Hs256(claims, JwtForge.LongKey);
            case "another user's session":
                claims["sid"] = (await app.CreateUserAsync(user.Role)).SessionId.ToString();
                return JwtForge.Hs256(claims, JwtForge.LongKey);
            case "session tampered":
                var othersSession = (await app.CreateUserAsync(user.Role)).SessionId.ToString();
                return JwtForge.Tamper(user.AccessToken, payload => payload["sid"] = othersSession);
            case "HS512":
                return JwtForge.Hs512(claims, JwtForge.LongKey);
            case "RS256":
                return JwtForge.Rs256(claims);
            default:
                throw new ArgumentOutOfRangeException(nameof(forgery), forgery, "Unknown forgery.");
        }
    }
}
