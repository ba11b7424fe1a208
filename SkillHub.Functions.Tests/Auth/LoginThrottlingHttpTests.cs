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
        new("LoginThrottle:AccountMaxFailures", "5"),
        new("LoginThrottle:AddressMaxFailures", "1000"),
        new("LoginThrottle:LockoutSeconds", "120"),
    ];

    protected override IEnumerable<KeyValuePair<string, string>> Settings => ThrottleSettings;
}

public sealed class LoginThrottlingHttpTests(ThrottledAppFixture app) : IClassFixture<ThrottledAppFixture>
{
    private const int AccountMaxFailures = 5;

    [Fact]
    public async Task Login_AfterFiveWrongPasswords_AnswersTheSixthWith429AndRetryAfter_EvenWithTheRightPassword()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        for (var i = 0; i < AccountMaxFailures; i++)
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
        for (var i = 0; i < AccountMaxFailures - 1; i++)
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
        for (var i = 0; i < AccountMaxFailures; i++)
        {
            // Every failure goes to the first instance only.
            await LoginAsync(app.Client, user.Email, "not the right password");
        }

        var response = await LoginAsync(second.Client, user.Email, user.Password);

        await HttpProblem.AssertAsync(response, 429);
        Assert.True(response.Headers.Contains("Retry-After"));
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        client.PostAsync("/api/auth/login", AppFixture.Json(new { email, password }));
}
