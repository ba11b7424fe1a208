using System.Globalization;
using System.Net;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Auth;

/// <summary>The app with its throttle settings spelled out, so the numbers the tests count are the ones configured.</summary>
public sealed class ThrottledAppFixture : AppFixture
{
    public static readonly IReadOnlyList<KeyValuePair<string, string>> ThrottleSettings =
    [
        new("LoginThrottle:AccountAddressMaxFailures", "5"),
        new("LoginThrottle:AccountMaxFailures", "20"),
        new("LoginThrottle:AddressMaxFailures", "1000"),
        new("LoginThrottle:LockoutSeconds", "120"),
        new("SkillHub:TrustForwardedFor", "true"),
        // A burst of wrong passwords hashes in a queue; on two busy cores its tail could wait past the
        // default 2 s and get 503 (the hashing limiter's own behaviour), which is not what these tests are about.
        new("Passwords:QueueWaitMilliseconds", "60000"),
    ];

    protected override IEnumerable<KeyValuePair<string, string>> Settings => ThrottleSettings;
}

public sealed class LoginThrottlingHttpTests(ThrottledAppFixture app) : IClassFixture<ThrottledAppFixture>
{
    private const int AccountAddressMaxFailures = 5;
    private const int AccountMaxFailures = 20;

    [Fact]
    public async Task Login_AfterFiveWrongPasswords_AnswersTheSixthWith429AndRetryAfter_EvenWithTheRightPassword()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        for (var i = 0; i < AccountAddressMaxFailures; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(app.Client, user.Email, "not the right password")).StatusCode);
        }

        var response = await LoginAsync(app.Client, user.Email, user.Password);

        await HttpProblem.AssertAsync(response, 429);
        var retryAfter = Assert.Single(response.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, NumberStyles.None, CultureInfo.InvariantCulture), 1, 120);
    }

    [Fact]
    public async Task Login_AfterFourWrongPasswords_StillAcceptsTheRightOne()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        for (var i = 0; i < AccountAddressMaxFailures - 1; i++)
        {
            await LoginAsync(app.Client, user.Email, "not the right password");
        }

        var response = await LoginAsync(app.Client, user.Email, user.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Login_Throttling_HoldsAcrossTwoAppInstancesOnOneDatabase()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        await using var second = await AppInstance.StartAsync(app.Database.ConnectionString, ThrottledAppFixture.ThrottleSettings);
        for (var i = 0; i < AccountAddressMaxFailures; i++)
        {
            // Every failure goes to the first instance only.
            await LoginAsync(app.Client, user.Email, "not the right password");
        }

        var response = await LoginAsync(second.Client, user.Email, user.Password);

        await HttpProblem.AssertAsync(response, 429);
        Assert.True(response.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task Login_WhenBurstOfWrongPasswordsFromOneAddress_AnswersAtMostTheLimit_AndTheOwnerStillLogsInFromAnotherAddress()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        const string attacker = "198.51.100.7";

        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => LoginFromAsync(attacker, user.Email, "not the right password")));

        Assert.InRange(answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized), 1, AccountAddressMaxFailures);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Unauthorized))
        {
            await AssertRefusedForAWhileAsync(refused);
        }

        Assert.Equal(HttpStatusCode.OK, (await LoginFromAsync("198.51.100.8", user.Email, user.Password)).StatusCode);
        await HttpProblem.AssertAsync(await LoginFromAsync(attacker, user.Email, user.Password), 429);
    }

    [Fact]
    public async Task Login_WhenBurstOfWrongPasswordsFromManyAddresses_HitsTheLooserAccountLimit_ThenLocksTheAccountForEveryAddress()
    {
        var user = await app.CreateUserAsync(Roles.Participant);

        var answers = await Task.WhenAll(Enumerable.Range(1, 2 * AccountMaxFailures).Select(i => LoginFromAsync($"203.0.113.{i}", user.Email, "not the right password")));

        Assert.InRange(answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized), 1, AccountMaxFailures);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Unauthorized))
        {
            await AssertRefusedForAWhileAsync(refused);
        }

        await HttpProblem.AssertAsync(await LoginFromAsync("192.0.2.200", user.Email, user.Password), 429);
    }

    /// <summary>Refused before any password check (429), or by the hashing limiter (503): either way with a wait to respect.</summary>
    private static async Task AssertRefusedForAWhileAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable, $"Unexpected {(int)response.StatusCode}");
        await HttpProblem.AssertAsync(response, (int)response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "No Retry-After in seconds.");
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        client.PostAsync("/api/auth/login", AppFixture.Json(new { email, password }));

    private Task<HttpResponseMessage> LoginFromAsync(string address, string email, string password) =>
        app.PostFromAsync(address, "/api/auth/login", new { email, password });
}
