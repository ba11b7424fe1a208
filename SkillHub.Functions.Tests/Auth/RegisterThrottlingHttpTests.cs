using System.Globalization;
using System.Net;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Auth;

/// <summary>
/// The app with a small sign-up allowance per address, behind a trusted proxy that names the address.
/// The hashing queue waits as long as it may: on two busy cores a burst's last hash can wait past the
/// default 2 s and be answered 503, which is the hashing limiter's behaviour (its own tests), not the throttle's.
/// </summary>
public sealed class RegisterThrottledAppFixture : AppFixture
{
    public const int MaxPerAddress = 3;
    public const int WindowSeconds = 3600;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("RegisterThrottle:MaxPerAddress", MaxPerAddress.ToString(CultureInfo.InvariantCulture)),
        new("RegisterThrottle:WindowSeconds", WindowSeconds.ToString(CultureInfo.InvariantCulture)),
        new("SkillHub:TrustForwardedFor", "true"),
        new("Passwords:QueueWaitMilliseconds", "60000"),
    ];
}

public sealed class RegisterThrottlingHttpTests(RegisterThrottledAppFixture app) : IClassFixture<RegisterThrottledAppFixture>
{
    private const string Password = "violet tram under the kettle";

    [Fact]
    public async Task Register_WhenBurstFromOneAddress_Answers429WithRetryAfterPastTheLimit_AndOtherAddressesStillRegister()
    {
        const string address = "198.51.100.20";

        var answers = await Task.WhenAll(Enumerable.Range(0, 2 * RegisterThrottledAppFixture.MaxPerAddress).Select(_ => RegisterFromAsync(address, NewEmail())));

        Assert.Equal(RegisterThrottledAppFixture.MaxPerAddress, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            await HttpProblem.AssertAsync(refused, 429);
            Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(RegisterThrottledAppFixture.WindowSeconds));
        }

        Assert.Equal(HttpStatusCode.Created, (await RegisterFromAsync("198.51.100.21", NewEmail())).StatusCode);
    }

    private static string NewEmail() => $"signup-{Guid.NewGuid():N}@example.test";

    private Task<HttpResponseMessage> RegisterFromAsync(string address, string email) =>
        app.PostFromAsync(address, "/api/auth/register", new { email, password = Password, displayName = "Sign-up" });
}
