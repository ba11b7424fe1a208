using System.Net;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Auth;

/// <summary>POST /api/me/password over real HTTP: the caller's session lives on, every other one ends.</summary>
public sealed class PasswordChangeHttpTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Route = "/api/me/password";
    private const string NewPassword = "violet tram under the kettle";

    [Fact]
    public async Task ChangePassword_Answers204_EndsEveryOtherSession_AndKeepsTheCallersOwn()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        var mine = await SessionTokens.LoginAsync(app.Client, user.Email, user.Password);
        var other = await SessionTokens.LoginAsync(app.Client, user.Email, user.Password);
        using var me = app.CreateClient(mine.AccessToken);
        using var otherDevice = app.CreateClient(other.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await otherDevice.GetAsync("/api/me")).StatusCode);

        var response = await me.PostAsync(Route, AppFixture.Json(new { currentPassword = user.Password, newPassword = NewPassword }));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await SessionTokens.AssertTurns401Async(otherDevice, "/api/me");
        await SessionTokens.AssertTurns401Async(app.ClientFor(user), "/api/me");
        await HttpProblem.AssertAsync(await SessionTokens.RefreshAsync(app.Client, other.RefreshToken), 401);
        Assert.Equal(HttpStatusCode.OK, (await me.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SessionTokens.RefreshAsync(app.Client, mine.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_ThenTheNewPasswordLogsIn_AndTheOldOneDoesNot()
    {
        var user = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(user);

        var response = await client.PostAsync(Route, AppFixture.Json(new { currentPassword = user.Password, newPassword = NewPassword }));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await SessionTokens.LoginAsync(app.Client, user.Email, NewPassword);
        await HttpProblem.AssertAsync(await LoginAsync(user.Email, user.Password), 401);
    }

    [Fact]
    public async Task ChangePassword_WithAWrongCurrentPassword_Answers403_AndChangesNothing()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        var other = await SessionTokens.LoginAsync(app.Client, user.Email, user.Password);
        using var client = app.ClientFor(user);

        var response = await client.PostAsync(Route, AppFixture.Json(new { currentPassword = "not the password at all", newPassword = NewPassword }));

        await HttpProblem.AssertAsync(response, 403);
        await AssertUnchangedAsync(user, other.RefreshToken);
    }

    [Fact]
    public async Task ChangePassword_RepeatedWrongCurrentPasswords_Answer429WithRetryAfter_AsLoginsDo()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        using var client = app.ClientFor(user);
        var wrong = AppFixture.Json(new { currentPassword = "not the password at all", newPassword = NewPassword });
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await HttpProblem.AssertAsync(await client.PostAsync(Route, wrong), 403);
        }

        var locked = await client.PostAsync(Route, AppFixture.Json(new { currentPassword = user.Password, newPassword = NewPassword }));

        await HttpProblem.AssertAsync(locked, 429);
        Assert.True(locked.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without a positive Retry-After.");
        await HttpProblem.AssertAsync(await LoginAsync(user.Email, user.Password), 429);
    }

    public static TheoryData<string> WeakPasswords => ["short pass", "Password2024!", "qwertyuiop123", string.Concat(Enumerable.Repeat("long passphrase ", 625))];

    [Theory]
    [MemberData(nameof(WeakPasswords))]
    public async Task ChangePassword_ToAWeakPassword_Answers422NamingNewPassword_AndChangesNothing(string newPassword)
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        var other = await SessionTokens.LoginAsync(app.Client, user.Email, user.Password);
        using var client = app.ClientFor(user);

        var response = await client.PostAsync(Route, AppFixture.Json(new { currentPassword = user.Password, newPassword }));

        var problem = await HttpProblem.AssertAsync(response, 422);
        Assert.Equal(["newPassword"], HttpProblem.Fields(problem));
        await AssertUnchangedAsync(user, other.RefreshToken);
    }

    [Fact]
    public async Task ChangePassword_WithoutItsFields_Answers422NamingBoth()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        using var client = app.ClientFor(user);

        var response = await client.PostAsync(Route, AppFixture.Json(new { }));

        var problem = await HttpProblem.AssertAsync(response, 422);
        Assert.Equal(["currentPassword", "newPassword"], HttpProblem.Fields(problem).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ChangePassword_WithAnUnknownField_Answers422NamingIt_AndChangesNothing()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        var other = await SessionTokens.LoginAsync(app.Client, user.Email, user.Password);
        using var client = app.ClientFor(user);

        var response = await client.PostAsync(Route, AppFixture.Json(new { currentPassword = user.Password, newPassword = NewPassword, role = Roles.Admin }));

        var problem = await HttpProblem.AssertAsync(response, 422);
        Assert.Equal(["role"], HttpProblem.Fields(problem));
        await AssertUnchangedAsync(user, other.RefreshToken);
    }

    [Fact]
    public async Task ChangePassword_WithMalformedJson_Answers400Problem()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        using var client = app.ClientFor(user);

        var response = await client.PostAsync(Route, AppFixture.RawJson("{\"currentPassword\": "));

        await HttpProblem.AssertAsync(response, 400);
    }

    [Fact]
    public async Task ChangePassword_Anonymously_Answers401Problem()
    {
        var response = await app.Client.PostAsync(Route, AppFixture.Json(new { currentPassword = AppFixture.DefaultPassword, newPassword = NewPassword }));

        await HttpProblem.AssertAsync(response, 401);
    }

    private Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        app.Client.PostAsync("/api/auth/login", AppFixture.Json(new { email, password }));

    /// <summary>The old password still logs in and the account's other session still refreshes.</summary>
    private async Task AssertUnchangedAsync(TestUser user, string otherRefreshToken)
    {
        await SessionTokens.LoginAsync(app.Client, user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, (await SessionTokens.RefreshAsync(app.Client, otherRefreshToken)).StatusCode);
    }
}
