using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Workshops;

namespace SkillHub.Functions.Tests.Activity;

/// <summary>The app with a client-address throttle loose enough for the failed logins these tests make.</summary>
public sealed class ActivityAppFixture : AppFixture
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("LoginThrottle:AddressMaxFailures", "1000")];

    public IActivityLog Log => Services.GetRequiredService<IActivityLog>();

    public async Task<IReadOnlyList<ActivityEntry>> EntriesAsync(ActivityQuery query) =>
        (await Log.QueryAsync(query, new PageRequest(1, PageRequest.MaxPageSize), CancellationToken.None)).Items;

    public async Task<long> CountAsync() =>
        (await Log.QueryAsync(new ActivityQuery(), new PageRequest(1, 1), CancellationToken.None)).Total;
}

/// <summary>Each state-changing route, called over real HTTP, leaves exactly one entry; refused calls leave none.</summary>
public sealed class ActivityRecordingHttpTests(ActivityAppFixture app) : IClassFixture<ActivityAppFixture>
{
    private const string Loopback = "127.0.0.1";

    [Fact]
    public async Task Register_RecordsAuthRegister_AboutTheNewAccount_WithoutActor()
    {
        var email = $"new-{Guid.NewGuid():N}@example.test";

        using var response = await app.Client.PostAsync("/api/auth/register", AppFixture.Json(new { email, password = AppFixture.DefaultPassword, displayName = "New" }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var userId = (await AppFixture.ReadJsonAsync(response)).GetProperty("id").GetGuid().ToString();
        var entry = Assert.Single(await app.EntriesAsync(new ActivityQuery(TargetId: userId)));
        AssertEntry(entry, "auth.register", actor: null, new ActivityTarget("user", userId), "201");
    }

    [Fact]
    public async Task Login_RecordsAuthLogin_AboutTheAccount()
    {
        var user = await app.CreateUserAsync(Roles.Participant);

        using var response = await LoginAsync(user.Email.ToUpperInvariant(), user.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single(await app.EntriesAsync(new ActivityQuery(TargetId: user.Id.ToString())));
        AssertEntry(entry, "auth.login", actor: null, new ActivityTarget("user", user.Id.ToString()), "200");
    }

    [Fact]
    public async Task Login_WithAWrongPassword_RecordsAuthLoginFailed_AboutTheAccount_WithTheProblemsTraceId()
    {
        var user = await app.CreateUserAsync(Roles.Participant, email: $"Mixed-{Guid.NewGuid():N}@Example.test");

        using var response = await LoginAsync($"  {user.Email} ", "not the right password");

        var problem = await HttpProblem.AssertAsync(response, 401);
        var entry = Assert.Single(await app.EntriesAsync(new ActivityQuery(Action: "auth.login.failed", TargetId: user.Id.ToString())));
        AssertEntry(entry, "auth.login.failed", actor: null, new ActivityTarget("user", user.Id.ToString()), "401");
        Assert.Equal(problem.GetProperty("traceId").GetString(), entry.TraceId);
    }

    [Fact]
    public async Task Login_OfAnAddressThatNamesNoAccount_RecordsAuthLoginFailed_WithoutWhatWasTyped()
    {
        // A password typed into the e-mail field by mistake: it names no account, and must be kept nowhere.
        const string typed = "Tr0ub4dor&3-typed-in-the-wrong-field";
        var before = await app.EntriesAsync(new ActivityQuery(Action: "auth.login.failed"));

        using var response = await LoginAsync(typed, "whatever password it is");

        await HttpProblem.AssertAsync(response, 401);
        var entries = await app.EntriesAsync(new ActivityQuery(Action: "auth.login.failed"));
        var entry = Assert.Single(entries, e => before.All(b => b.Id != e.Id));
        AssertEntry(entry, "auth.login.failed", actor: null, new ActivityTarget("user", null), "401");
        Assert.DoesNotContain(typed, System.Text.Json.JsonSerializer.Serialize(entry), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Login_WhenThrottled_RecordsAuthLoginFailed_With429()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        for (var i = 0; i < 5; i++)
        {
            using var refused = await LoginAsync(user.Email, "not the right password");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var response = await LoginAsync(user.Email, user.Password);

        var problem = await HttpProblem.AssertAsync(response, 429);
        var entries = await app.EntriesAsync(new ActivityQuery(Action: "auth.login.failed", TargetId: user.Id.ToString()));
        Assert.Equal(6, entries.Count);
        Assert.All(entries, e => Assert.Equal("auth.login.failed", e.Action));
        // Newest first; the 429 (no hashing) can land in the same millisecond as the last 401, and
        // entries of one millisecond have no order between them.
        Assert.Equal(["401", "401", "401", "401", "401", "429"], entries.Select(e => e.Details["status"]).Order());
        var throttled = Assert.Single(entries, e => e.Details["status"] == "429");
        Assert.True(entries.All(e => e.At <= throttled.At), "The 429 is recorded last.");
        Assert.Equal(problem.GetProperty("traceId").GetString(), throttled.TraceId);
        Assert.Empty(await app.EntriesAsync(new ActivityQuery(Action: "auth.login", TargetId: user.Id.ToString())));
    }

    [Fact]
    public async Task Logout_RecordsAuthLogout_ByAndAboutTheCaller()
    {
        var user = await app.CreateUserAsync(Roles.Trainer);
        var tokens = await LoginTokensAsync(user);
        using var client = app.CreateClient(tokens.Access);

        using var response = await client.PostAsync("/api/auth/logout", AppFixture.Json(new { refreshToken = tokens.Refresh }));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var entry = Assert.Single(await app.EntriesAsync(new ActivityQuery(ActorId: user.Id)));
        AssertEntry(entry, "auth.logout", new ActivityActor(user.Id, Roles.Trainer), new ActivityTarget("user", user.Id.ToString()), "204");
    }

    [Fact]
    public async Task Refresh_IsNotRecorded()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        var tokens = await LoginTokensAsync(user);
        var before = await app.CountAsync();

        using var response = await app.Client.PostAsync("/api/auth/refresh", AppFixture.Json(new { refreshToken = tokens.Refresh }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await app.CountAsync());
    }

    [Fact]
    public async Task CreateUser_RecordsUserCreate_ByTheAdmin_AboutTheNewAccount()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        using var client = app.ClientFor(admin);

        using var response = await client.PostAsync("/api/users", AppFixture.Json(new
        {
            email = $"trainer-{Guid.NewGuid():N}@example.test",
            password = AppFixture.DefaultPassword,
            displayName = "Trainer",
            role = Roles.Trainer,
        }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var userId = (await AppFixture.ReadJsonAsync(response)).GetProperty("id").GetGuid().ToString();
        var entry = Assert.Single(await app.EntriesAsync(new ActivityQuery(ActorId: admin.Id)));
        AssertEntry(entry, "user.create", new ActivityActor(admin.Id, Roles.Admin), new ActivityTarget("user", userId), "201");
    }

    [Fact]
    public async Task UpdateUser_RecordsUserUpdate_WithTheNewRoleAndDisabledFlag()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var user = await app.CreateUserAsync(Roles.Participant);
        using var client = app.ClientFor(admin);

        using var promoted = await client.PatchAsync($"/api/users/{user.Id}", AppFixture.Json(new { role = Roles.Trainer, disabled = true }));
        using var renamed = await client.PatchAsync($"/api/users/{user.Id}", AppFixture.Json(new { displayName = "Renamed" }));

        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var entries = await app.EntriesAsync(new ActivityQuery(TargetId: user.Id.ToString()));
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => AssertEntry(e, "user.update", new ActivityActor(admin.Id, Roles.Admin), new ActivityTarget("user", user.Id.ToString()), "200"));
        Assert.Equal(new Dictionary<string, string> { ["status"] = "200" }, entries[0].Details);
        Assert.Equal(new Dictionary<string, string> { ["disabled"] = "true", ["role"] = "trainer", ["status"] = "200" }, entries[1].Details);
    }

    [Fact]
    public async Task AWorkshopsLife_RecordsCreateUpdatePublishAndCancel_OnceEach_ByItsTrainer()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(trainer);

        using var created = await client.PostAsync("/api/workshops", AppFixture.Json(WorkshopTestData.CreateBody()));
        var id = (await AppFixture.ReadJsonAsync(created)).GetProperty("id").GetGuid();
        using var patched = await client.SendAsync(WorkshopTestData.Patch(id, new { capacity = 15 }, "\"1\""));
        using var published = await client.PostAsync($"/api/workshops/{id}/publish", null);
        using var cancelled = await client.PostAsync($"/api/workshops/{id}/cancel", WorkshopTestData.CancelBody());

        Assert.Equal(
            [HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK],
            [created.StatusCode, patched.StatusCode, published.StatusCode, cancelled.StatusCode]);
        var entries = await app.EntriesAsync(new ActivityQuery(TargetId: id.ToString()));
        Assert.Equal(["workshop.cancel", "workshop.publish", "workshop.update", "workshop.create"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(new ActivityActor(trainer.Id, Roles.Trainer), e.Actor));
        Assert.All(entries, e => Assert.Equal(new ActivityTarget("workshop", id.ToString()), e.Target));
        Assert.All(entries, e => Assert.Equal(Loopback, e.Ip));
        Assert.Equal(["200", "200", "200", "201"], entries.Select(e => e.Details["status"]));
        Assert.Equal(4, entries.Select(e => e.TraceId).Distinct().Count());
    }

    [Fact]
    public async Task DeleteWorkshop_RecordsWorkshopDelete_ByTheAdmin()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var id = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id);
        using var client = app.ClientFor(admin);

        using var response = await client.DeleteAsync($"/api/workshops/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var entry = Assert.Single(await app.EntriesAsync(new ActivityQuery(TargetId: id.ToString())));
        AssertEntry(entry, "workshop.delete", new ActivityActor(admin.Id, Roles.Admin), new ActivityTarget("workshop", id.ToString()), "204");
    }

    [Fact]
    public async Task RefusedAndInvalidRequests_AreNotRecorded()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var participant = await app.CreateUserAsync(Roles.Participant);
        var admin = await app.CreateUserAsync(Roles.Admin);
        var workshopId = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published");
        using var asTrainer = app.ClientFor(trainer);
        using var asParticipant = app.ClientFor(participant);
        using var asAdmin = app.ClientFor(admin);
        using var anonymous = app.CreateClient();
        var invalid = WorkshopTestData.CreateBody();
        invalid["capacity"] = 0;
        var before = await app.CountAsync();

        var statuses = new List<int>();
        foreach (var send in new Func<Task<HttpResponseMessage>>[]
        {
            () => anonymous.PostAsync("/api/workshops", AppFixture.Json(WorkshopTestData.CreateBody())),
            () => asParticipant.PostAsync("/api/workshops", AppFixture.Json(WorkshopTestData.CreateBody())),
            () => asTrainer.PostAsync("/api/workshops", AppFixture.Json(invalid)),
            () => asTrainer.PostAsync($"/api/workshops/{Guid.NewGuid()}/publish", null),
            () => asTrainer.PostAsync($"/api/workshops/{workshopId}/publish", null),
            () => asTrainer.DeleteAsync($"/api/workshops/{workshopId}"),
            () => asAdmin.PatchAsync($"/api/users/{participant.Id}", AppFixture.Json(new { role = "superuser" })),
            () => anonymous.PostAsync("/api/auth/logout", AppFixture.Json(new { refreshToken = "x" })),
            () => anonymous.PostAsync("/api/auth/register", AppFixture.Json(new { email = "not-an-address", password = "short", displayName = "x" })),
            () => anonymous.PostAsync("/api/auth/login", AppFixture.Json(new { email = participant.Email })),
        })
        {
            using var response = await send();
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal([401, 403, 422, 404, 409, 403, 422, 401, 422, 422], statuses);
        Assert.Equal(before, await app.CountAsync());
    }

    private static void AssertEntry(ActivityEntry entry, string action, ActivityActor? actor, ActivityTarget target, string status)
    {
        Assert.Equal(action, entry.Action);
        Assert.Equal(actor, entry.Actor);
        Assert.Equal(target, entry.Target);
        Assert.Equal(Loopback, entry.Ip);
        Assert.False(string.IsNullOrWhiteSpace(entry.TraceId));
        Assert.Equal(status, entry.Details["status"]);
        Assert.InRange(entry.At, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddSeconds(1));
    }

    private Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        app.Client.PostAsync("/api/auth/login", AppFixture.Json(new { email, password }));

    private async Task<(string Access, string Refresh)> LoginTokensAsync(TestUser user)
    {
        using var response = await LoginAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await AppFixture.ReadJsonAsync(response);
        return (body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
    }
}
