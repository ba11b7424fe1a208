using System.Net;
using Dapper;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Auth;

/// <summary>
/// An access token is only as good as its session: disabling the account, changing its role or
/// logging out ends it within <see cref="SessionTokens.Bound"/>, on every instance of the app.
/// </summary>
public sealed class SessionHttpTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task DisabledAdmin_WithTheirOldToken_CannotReEnableThemselves_NorCreateAnAdmin()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var disabled = await app.CreateUserAsync(Roles.Admin);
        using var disabledClient = app.ClientFor(disabled);
        Assert.Equal(HttpStatusCode.OK, (await disabledClient.GetAsync("/api/users")).StatusCode);

        await SessionTokens.PatchUserAsync(app.ClientFor(admin), disabled.Id, new { disabled = true });
        await SessionTokens.AssertTurns401Async(disabledClient, "/api/users");

        await HttpProblem.AssertAsync(await disabledClient.PatchAsync($"/api/users/{disabled.Id}", AppFixture.Json(new { disabled = false })), 401);
        await HttpProblem.AssertAsync(await disabledClient.PostAsync("/api/users", AppFixture.Json(new
        {
            email = $"new-admin-{Guid.NewGuid():N}@example.test",
            password = "violet tram under the kettle",
            displayName = "Backdoor",
            role = Roles.Admin,
        })), 401);
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        Assert.True(await connection.ExecuteScalarAsync<bool>("SELECT disabled FROM users WHERE id = @id", new { id = disabled.Id }));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM users WHERE display_name = 'Backdoor'"));
    }

    [Fact]
    public async Task DemotedAdmin_WithTheirOldToken_GetsA401OnAdminRoutes()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var demoted = await app.CreateUserAsync(Roles.Admin);
        using var demotedClient = app.ClientFor(demoted);
        Assert.Equal(HttpStatusCode.OK, (await demotedClient.GetAsync("/api/users")).StatusCode);

        await SessionTokens.PatchUserAsync(app.ClientFor(admin), demoted.Id, new { role = Roles.Trainer });

        await SessionTokens.AssertTurns401Async(demotedClient, "/api/users");
        await HttpProblem.AssertAsync(await demotedClient.GetAsync("/api/admin/activity"), 401);
    }

    [Fact]
    public async Task Logout_ThenTheOldAccessToken_Answers401_AndItsRefreshTokenFails()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        var login = await SessionTokens.LoginAsync(app.Client, user.Email, user.Password);
        using var client = app.CreateClient(login.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);

        var logout = await client.PostAsync("/api/auth/logout", AppFixture.Json(new { refreshToken = login.RefreshToken }));

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        await SessionTokens.AssertTurns401Async(client, "/api/me");
        await HttpProblem.AssertAsync(await SessionTokens.RefreshAsync(app.Client, login.RefreshToken), 401);
    }

    [Fact]
    public async Task AnAccountDisabledByDirectSql_LosesItsTokenToo()
    {
        var user = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);

        await SetDisabledAsync(app.Database.ConnectionString, user.Id);

        await SessionTokens.AssertTurns401Async(client, "/api/me");
    }

    [Fact]
    public async Task TwoInstances_AnAccountDisabledThroughOne_LosesItsTokenOnTheOtherWithinTheBound()
    {
        await using var other = await AppInstance.StartAsync(app.Database.ConnectionString);
        var admin = await app.CreateUserAsync(Roles.Admin);
        var user = await app.CreateUserAsync(Roles.Participant);
        using var onOther = new HttpClient { BaseAddress = other.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        onOther.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", user.AccessToken);
        // Twice: the first answer may come before the other instance listens; the second is then cached there.
        await SessionTokens.WhenListeningAsync(app.Database.ConnectionString, 2);
        Assert.Equal(HttpStatusCode.OK, (await onOther.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onOther.GetAsync("/api/me")).StatusCode);

        await SessionTokens.PatchUserAsync(app.ClientFor(admin), user.Id, new { disabled = true });

        await SessionTokens.AssertTurns401Async(onOther, "/api/me");
    }

    [Fact]
    public async Task TheListener_AfterItsConnectionIsKilled_ReconnectsAndSeesALaterChange()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        using var client = app.ClientFor(user);
        var killed = await SessionTokens.WhenListeningAsync(app.Database.ConnectionString, 1);
        await using (var connection = await app.Database.DataSource.OpenConnectionAsync())
        {
            Assert.All(await connection.QueryAsync<bool>("SELECT pg_terminate_backend(pid) FROM unnest(@killed) AS pid", new { killed = killed.ToArray() }), Assert.True);
        }

        await SessionTokens.WhenListeningAsync(app.Database.ConnectionString, 1, except: killed);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);

        await SetDisabledAsync(app.Database.ConnectionString, user.Id);

        await SessionTokens.AssertTurns401Async(client, "/api/me");
    }

    private static async Task SetDisabledAsync(string connectionString, Guid userId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        Assert.Equal(1, await connection.ExecuteAsync("UPDATE users SET disabled = true WHERE id = @userId", new { userId }));
    }
}
