using System.Net;
using System.Text.Json;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Infrastructure.Json;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Activity;

/// <summary>GET /api/admin/activity: admins read the log, newest first, filtered and paged.</summary>
public sealed class ActivityAdminHttpTests(ActivityAppFixture app) : IClassFixture<ActivityAppFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AnAdmin_GetsEveryFieldOfAnEntry_WithUtcTimestamps()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var actor = new ActivityActor(Guid.NewGuid(), Roles.Trainer);
        var entry = ActivityEntry.Create(Start, actor, "workshop.publish", new ActivityTarget("workshop", Guid.NewGuid().ToString()), "203.0.113.7", "00-trace-01", new Dictionary<string, string> { ["status"] = "200" });
        await app.Log.AppendAsync(entry, CancellationToken.None);
        using var client = app.ClientFor(admin);

        using var response = await client.GetAsync($"/api/admin/activity?targetId={entry.Target.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await AppFixture.ReadJsonAsync(response);
        Assert.Equal(1, body.GetProperty("total").GetInt64());
        Assert.Equal(1, body.GetProperty("page").GetInt32());
        Assert.Equal(20, body.GetProperty("pageSize").GetInt32());
        var item = Assert.Single(body.GetProperty("items").EnumerateArray());
        Assert.Equal(["id", "at", "actor", "action", "target", "ip", "traceId", "details"], item.EnumerateObject().Select(p => p.Name));
        Assert.Equal(entry.Id, item.GetProperty("id").GetGuid());
        Assert.Equal("2026-03-01T12:00:00Z", item.GetProperty("at").GetString());
        Assert.Equal(actor.Id, item.GetProperty("actor").GetProperty("id").GetGuid());
        Assert.Equal(Roles.Trainer, item.GetProperty("actor").GetProperty("role").GetString());
        Assert.Equal("workshop.publish", item.GetProperty("action").GetString());
        Assert.Equal("workshop", item.GetProperty("target").GetProperty("type").GetString());
        Assert.Equal(entry.Target.Id, item.GetProperty("target").GetProperty("id").GetString());
        Assert.Equal("203.0.113.7", item.GetProperty("ip").GetString());
        Assert.Equal("00-trace-01", item.GetProperty("traceId").GetString());
        Assert.Equal("200", item.GetProperty("details").GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnAnonymousEntry_ShowsANullActor()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var entry = await AppendAsync(0, actor: null, "auth.login.failed", $"someone-{Guid.NewGuid():N}@example.test");
        using var client = app.ClientFor(admin);

        using var response = await client.GetAsync($"/api/admin/activity?targetId={Uri.EscapeDataString(entry.Target.Id!)}");

        var item = Assert.Single((await AppFixture.ReadJsonAsync(response)).GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("actor").ValueKind);
    }

    [Fact]
    public async Task Entries_ComeNewestFirst_AndPage()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var actor = new ActivityActor(Guid.NewGuid(), Roles.Admin);
        var appended = new List<ActivityEntry>();
        foreach (var minute in new[] { 3, 0, 4, 1, 2 })
        {
            appended.Add(await AppendAsync(minute, actor, "user.update", $"u-{minute}"));
        }

        using var client = app.ClientFor(admin);

        using var first = await client.GetAsync($"/api/admin/activity?actorId={actor.Id}&pageSize=2");
        using var second = await client.GetAsync($"/api/admin/activity?actorId={actor.Id}&pageSize=2&page=2");
        using var third = await client.GetAsync($"/api/admin/activity?actorId={actor.Id}&pageSize=2&page=3");

        var pages = new[] { await AppFixture.ReadJsonAsync(first), await AppFixture.ReadJsonAsync(second), await AppFixture.ReadJsonAsync(third) };
        Assert.All(pages, p => Assert.Equal(5, p.GetProperty("total").GetInt64()));
        Assert.Equal([1, 2, 3], pages.Select(p => p.GetProperty("page").GetInt32()));
        Assert.Equal(
            ["u-4", "u-3", "u-2", "u-1", "u-0"],
            pages.SelectMany(p => p.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("target").GetProperty("id").GetString()));
    }

    [Fact]
    public async Task TheFilters_Combine()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var trainer = new ActivityActor(Guid.NewGuid(), Roles.Trainer);
        var other = new ActivityActor(Guid.NewGuid(), Roles.Trainer);
        var workshop = Guid.NewGuid().ToString();
        await AppendAsync(0, trainer, "workshop.update", workshop);
        var wanted = await AppendAsync(1, trainer, "workshop.update", workshop);
        await AppendAsync(2, trainer, "workshop.publish", workshop);
        await AppendAsync(3, other, "workshop.update", workshop);
        await AppendAsync(4, trainer, "workshop.update", Guid.NewGuid().ToString());
        await AppendAsync(5, trainer, "workshop.update", workshop);
        using var client = app.ClientFor(admin);

        var from = Timestamps.Format(Start.AddMinutes(1).UtcDateTime);
        var to = Timestamps.Format(Start.AddMinutes(4).UtcDateTime);
        using var response = await client.GetAsync($"/api/admin/activity?actorId={trainer.Id}&action=workshop.update&targetId={workshop}&from={from}&to={to}");

        var body = await AppFixture.ReadJsonAsync(response);
        Assert.Equal(1, body.GetProperty("total").GetInt64());
        Assert.Equal(wanted.Id, Assert.Single(body.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task TheLogOfARealRequest_IsFoundByItsActorAndAction()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var user = await app.CreateUserAsync(Roles.Participant);
        using var client = app.ClientFor(admin);
        using var patched = await client.PatchAsync($"/api/users/{user.Id}", AppFixture.Json(new { role = Roles.Trainer }));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);

        using var response = await client.GetAsync($"/api/admin/activity?actorId={admin.Id}&action=user.update");

        var item = Assert.Single((await AppFixture.ReadJsonAsync(response)).GetProperty("items").EnumerateArray());
        Assert.Equal(user.Id.ToString(), item.GetProperty("target").GetProperty("id").GetString());
        Assert.Equal(Roles.Trainer, item.GetProperty("details").GetProperty("role").GetString());
    }

    [Fact]
    public async Task ReadingTheLog_IsNotItselfRecorded()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        using var client = app.ClientFor(admin);
        var before = await app.CountAsync();

        using var response = await client.GetAsync("/api/admin/activity");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await app.CountAsync());
    }

    [Theory]
    [InlineData(Roles.Trainer)]
    [InlineData(Roles.Participant)]
    public async Task ANonAdmin_Gets403(string role)
    {
        var user = await app.CreateUserAsync(role);
        using var client = app.ClientFor(user);

        using var response = await client.GetAsync("/api/admin/activity");

        await HttpProblem.AssertAsync(response, 403);
    }

    [Fact]
    public async Task AnAnonymousCaller_Gets401()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/admin/activity");

        await HttpProblem.AssertAsync(response, 401);
    }

    [Theory]
    [InlineData("actorId=not-a-uuid", "actorId")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-03-01T12:00:00", "to")]
    [InlineData("from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "to")]
    [InlineData("action=a&action=b", "action")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task ABadQueryParameter_Answers400NamingIt(string query, string field)
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        using var client = app.ClientFor(admin);

        using var response = await client.GetAsync($"/api/admin/activity?{query}");

        var problem = await HttpProblem.AssertAsync(response, 400);
        Assert.Equal([field], HttpProblem.Fields(problem));
    }

    [Fact]
    public async Task ATooLongTargetId_Answers400()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        using var client = app.ClientFor(admin);

        using var response = await client.GetAsync($"/api/admin/activity?targetId={new string('x', ActivityEntry.MaxTargetIdLength + 1)}");

        Assert.Equal(["targetId"], HttpProblem.Fields(await HttpProblem.AssertAsync(response, 400)));
    }

    private async Task<ActivityEntry> AppendAsync(int minute, ActivityActor? actor, string action, string targetId)
    {
        var entry = ActivityEntry.Create(
            Start.AddMinutes(minute),
            actor,
            action,
            new ActivityTarget(action.StartsWith("workshop.", StringComparison.Ordinal) ? "workshop" : "user", targetId),
            "198.51.100.1",
            null,
            new Dictionary<string, string> { ["status"] = "200" });
        await app.Log.AppendAsync(entry, CancellationToken.None);
        return entry;
    }
}
