using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Auth;

/// <summary>Register, login, refresh, logout and /api/me over real HTTP, on a database of their own.</summary>
public sealed class AuthHttpTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string GoodPassword = "violet tram under the kettle";

    [Fact]
    public async Task Register_WithValidFields_Answers201AParticipant_WithoutAnyPasswordField()
    {
        var email = NewEmail();

        var response = await app.Client.PostAsync("/api/auth/register", AppFixture.Json(new { email, password = GoodPassword, displayName = "Ann" }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var user = await AppFixture.ReadJsonAsync(response);
        Assert.Equal(Roles.Participant, user.GetProperty("role").GetString());
        Assert.Equal(email, user.GetProperty("email").GetString());
        Assert.Equal("Ann", user.GetProperty("displayName").GetString());
        Assert.False(user.GetProperty("disabled").GetBoolean());
        Assert.Equal($"/api/users/{user.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
        AssertNoPasswordField(user);
    }

    [Fact]
    public async Task Register_WithATakenEmail_Answers409_WithoutComputingAHash()
    {
        var existing = await app.CreateUserAsync(Roles.Participant);
        using var hashes = new PasswordHashCounter(app.Services.GetRequiredService<IMeterFactory>());

        var response = await app.Client.PostAsync("/api/auth/register", AppFixture.Json(new { email = existing.Email.ToUpperInvariant(), password = GoodPassword, displayName = "Ann again" }));

        await HttpProblem.AssertAsync(response, 409);
        Assert.Equal(0, hashes.Computed);
    }

    [Fact]
    public async Task Register_NamingARole_Answers422NamingRole_AndWritesNoUser()
    {
        var before = await CountUsersAsync();

        var response = await app.Client.PostAsync("/api/auth/register",
            AppFixture.Json(new { email = NewEmail(), password = GoodPassword, displayName = "Mallory", role = "admin" }));

        var problem = await HttpProblem.AssertAsync(response, 422);
        Assert.Equal(["role"], HttpProblem.Fields(problem));
        Assert.Equal(before, await CountUsersAsync());
    }

    public static TheoryData<string> WeakPasswords => new()
    {
        "short pass",
        "Password2024!",
        "qwertyuiop123",
        new string('k', 6) + new string('j', 6),
        string.Concat(Enumerable.Repeat("long passphrase ", 625)),
    };

    [Theory]
    [MemberData(nameof(WeakPasswords))]
    public async Task Register_WithAWeakCommonOrHugePassword_Answers422NamingPassword(string password)
    {
        var response = await app.Client.PostAsync("/api/auth/register", AppFixture.Json(new { email = NewEmail(), password, displayName = "Ann" }));

        var problem = await HttpProblem.AssertAsync(response, 422);
        Assert.Equal(["password"], HttpProblem.Fields(problem));
    }

    [Theory]
    [InlineData("ann.example.test")]
    [InlineData("ann@localhost")]
    [InlineData("ann smith@example.test")]
    [InlineData("ann@@example.test")]
    public async Task Register_WithABadEmail_Answers422NamingEmail(string email)
    {
        var response = await app.Client.PostAsync("/api/auth/register", AppFixture.Json(new { email, password = GoodPassword, displayName = "Ann" }));

        var problem = await HttpProblem.AssertAsync(response, 422);
        Assert.Equal(["email"], HttpProblem.Fields(problem));
    }

    [Fact]
    public async Task Register_WithAnEmailTakenInAnotherCase_Answers409()
    {
        var taken = await app.CreateUserAsync(Roles.Participant, email: $"Taken-{Guid.NewGuid():N}@Example.test");

        var response = await app.Client.PostAsync("/api/auth/register",
            AppFixture.Json(new { email = taken.Email.ToLowerInvariant(), password = GoodPassword, displayName = "Ann" }));

        await HttpProblem.AssertAsync(response, 409);
    }

    [Fact]
    public async Task Login_WithTheRightPassword_Answers200WithBearerTokensAndTheUser()
    {
        var user = await app.CreateUserAsync(Roles.Trainer);

        var response = await LoginAsync(user.Email.ToUpperInvariant(), user.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await AppFixture.ReadJsonAsync(response);
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.Equal(900, body.GetProperty("expiresIn").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("refreshToken").GetString()));
        Assert.Equal(user.Id.ToString(), body.GetProperty("user").GetProperty("id").GetString());
        Assert.Equal(Roles.Trainer, body.GetProperty("user").GetProperty("role").GetString());
        AssertNoPasswordField(body.GetProperty("user"));
        using var client = app.CreateClient(body.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Login_WrongPasswordAndUnknownEmail_AnswerTheSame401_ButForTheTraceId()
    {
        var user = await app.CreateUserAsync(Roles.Participant);

        var wrongPassword = await HttpProblem.AssertAsync(await LoginAsync(user.Email, "not the right password"), 401);
        var unknownEmail = await HttpProblem.AssertAsync(await LoginAsync(NewEmail(), user.Password), 401);

        Assert.Equal(WithoutTraceId(wrongPassword), WithoutTraceId(unknownEmail));
    }

    [Fact]
    public async Task Me_WithAnAccessToken_Answers200TheCaller()
    {
        var user = await app.CreateUserAsync(Roles.Participant, displayName: "Paula Participant");
        using var client = app.ClientFor(user);

        var response = await client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await AppFixture.ReadJsonAsync(response);
        Assert.Equal(user.Id.ToString(), me.GetProperty("id").GetString());
        Assert.Equal(user.Email, me.GetProperty("email").GetString());
        Assert.Equal("Paula Participant", me.GetProperty("displayName").GetString());
        Assert.Equal(Roles.Participant, me.GetProperty("role").GetString());
        Assert.EndsWith("Z", me.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
        AssertNoPasswordField(me);
    }

    [Fact]
    public async Task Me_WithoutAToken_Answers401Problem()
    {
        await HttpProblem.AssertAsync(await app.Client.GetAsync("/api/me"), 401);
    }

    [Fact]
    public async Task Refresh_AFreshRefreshToken_Answers200ANewPair()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        var login = await LoginTokensAsync(user);

        var response = await RefreshAsync(login.RefreshToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refreshed = await AppFixture.ReadJsonAsync(response);
        Assert.NotEqual(login.RefreshToken, refreshed.GetProperty("refreshToken").GetString());
        Assert.Equal(user.Id.ToString(), refreshed.GetProperty("user").GetProperty("id").GetString());
        using var client = app.CreateClient(refreshed.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Refresh_ASpentRefreshToken_Answers401()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        var login = await LoginTokensAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(login.RefreshToken)).StatusCode);

        var replay = await RefreshAsync(login.RefreshToken);

        await HttpProblem.AssertAsync(replay, 401);
    }

    [Fact]
    public async Task Refresh_ReplayingASpentRefreshToken_RevokesTheNewestTokenOfItsFamily()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        var login = await LoginTokensAsync(user);
        var second = await RefreshedTokenAsync(login.RefreshToken);
        var newest = await RefreshedTokenAsync(second);

        await RefreshAsync(login.RefreshToken);

        await HttpProblem.AssertAsync(await RefreshAsync(newest), 401);
    }

    [Fact]
    public async Task Refresh_AnUnknownToken_Answers401Problem()
    {
        await HttpProblem.AssertAsync(await RefreshAsync("bm90LWEtcmVhbC1yZWZyZXNoLXRva2Vu"), 401);
    }

    [Fact]
    public async Task Logout_Answers204_AndItsRefreshTokenIsRefusedAfterwards()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        var login = await LoginTokensAsync(user);
        using var client = app.CreateClient(login.AccessToken);

        var response = await client.PostAsync("/api/auth/logout", AppFixture.Json(new { refreshToken = login.RefreshToken }));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await HttpProblem.AssertAsync(await RefreshAsync(login.RefreshToken), 401);
    }

    [Fact]
    public async Task Logout_WithoutABearerToken_Answers401_AndTheRefreshTokenStillWorks()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        var login = await LoginTokensAsync(user);

        var response = await app.Client.PostAsync("/api/auth/logout", AppFixture.Json(new { refreshToken = login.RefreshToken }));

        await HttpProblem.AssertAsync(response, 401);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(login.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task Login_OfAUserAnAdminDisabled_Answers401()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        await DisableAsync(user);

        var response = await LoginAsync(user.Email, user.Password);

        await HttpProblem.AssertAsync(response, 401);
    }

    [Fact]
    public async Task Refresh_OfAUserAnAdminDisabled_Answers401()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        var login = await LoginTokensAsync(user);
        await DisableAsync(user);

        var response = await RefreshAsync(login.RefreshToken);

        await HttpProblem.AssertAsync(response, 401);
    }

    private async Task DisableAsync(TestUser user)
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        using var client = app.ClientFor(admin);
        var response = await client.PatchAsync($"/api/users/{user.Id}", AppFixture.Json(new { disabled = true }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await AppFixture.ReadJsonAsync(response)).GetProperty("disabled").GetBoolean());
    }

    private Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        app.Client.PostAsync("/api/auth/login", AppFixture.Json(new { email, password }));

    [Fact]
    public async Task Refresh_WithoutARefreshToken_Answers422NamingTheField()
    {
        var response = await app.Client.PostAsync("/api/auth/refresh", AppFixture.Json(new { }));

        var problem = await HttpProblem.AssertAsync(response, 422);
        Assert.True(problem.GetProperty("errors").TryGetProperty("refreshToken", out _));
    }

    [Fact]
    public async Task Logout_WithoutARefreshToken_Answers422_AndTheSessionLivesOn()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        var login = await LoginTokensAsync(user);
        using var client = app.CreateClient(login.AccessToken);

        var response = await client.PostAsync("/api/auth/logout", AppFixture.Json(new { }));

        await HttpProblem.AssertAsync(response, 422);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(login.RefreshToken)).StatusCode);
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        app.Client.PostAsync("/api/auth/refresh", AppFixture.Json(new { refreshToken }));

    private async Task<(string AccessToken, string RefreshToken)> LoginTokensAsync(TestUser user)
    {
        var response = await LoginAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await AppFixture.ReadJsonAsync(response);
        return (body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
    }

    private async Task<string> RefreshedTokenAsync(string refreshToken)
    {
        var response = await RefreshAsync(refreshToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await AppFixture.ReadJsonAsync(response)).GetProperty("refreshToken").GetString()!;
    }

    private async Task<long> CountUsersAsync()
    {
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM users");
    }

    private static string NewEmail() => $"user-{Guid.NewGuid():N}@example.test";

    private static string WithoutTraceId(JsonElement problem) =>
        JsonSerializer.Serialize(problem.EnumerateObject().Where(p => p.Name != "traceId").ToDictionary(p => p.Name, p => p.Value));

    internal static void AssertNoPasswordField(JsonElement user)
    {
        Assert.DoesNotContain(user.EnumerateObject(), p => p.Name.Contains("password", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("pbkdf2", user.GetRawText(), StringComparison.Ordinal);
    }
}
