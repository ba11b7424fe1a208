using System.Net;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Workshops;

namespace SkillHub.Functions.Tests.Workshops;

/// <summary>Who sees which workshops, in the list (every status asked in turn) and one by one, over real HTTP.</summary>
public sealed class WorkshopVisibilityTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Participant)]
    public async Task List_ForAnonymousCallersAndParticipants_ShowsPublishedWorkshopsAndThoseCancelledAfterPublication(string? role)
    {
        var world = await ArrangeAsync();
        using var client = role is null ? app.CreateClient() : app.ClientFor(await app.CreateUserAsync(role));

        var listed = await ListedAsync(client, world);

        Assert.Equal([world.OwnerPublished, world.OtherPublished, world.OwnerCancelled], listed);
    }

    [Fact]
    public async Task List_ForATrainer_ShowsPublishedWorkshopsAndTheirOwnUnpublishedOnes_NeverOthersDrafts()
    {
        var world = await ArrangeAsync();
        using var client = app.ClientFor(world.Owner);

        var listed = await ListedAsync(client, world);

        Assert.Equal([world.OwnerDraft, world.OwnerPublished, world.OtherPublished, world.OwnerCancelled], listed);
    }

    [Fact]
    public async Task List_ForAnAdmin_ShowsEveryWorkshop()
    {
        var world = await ArrangeAsync();
        using var client = app.ClientFor(await app.CreateUserAsync(Roles.Admin));

        var listed = await ListedAsync(client, world);

        Assert.Equal(world.All, listed);
    }

    [Fact]
    public async Task List_Total_CountsOnlyWhatTheCallerMaySee()
    {
        var world = await ArrangeAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync($"/api/workshops?trainerId={world.Other.Id}&status=published");

        Assert.Equal(1, (await AppFixture.ReadJsonAsync(response)).GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("anonymous", "draft", 404)]
    [InlineData("participant", "draft", 404)]
    [InlineData("other trainer", "draft", 404)]
    [InlineData("owner", "draft", 200)]
    [InlineData("admin", "draft", 200)]
    [InlineData("anonymous", "cancelled", 200)]
    [InlineData("participant", "cancelled", 200)]
    [InlineData("other trainer", "cancelled", 200)]
    [InlineData("owner", "cancelled", 200)]
    [InlineData("admin", "cancelled", 200)]
    [InlineData("anonymous", "published", 200)]
    [InlineData("participant", "published", 200)]
    [InlineData("other trainer", "published", 200)]
    public async Task Get_AnswersOnlyWhoMaySeeTheWorkshop_AndHidesItFromTheRestAs404(string who, string status, int expected)
    {
        var owner = await app.CreateUserAsync(Roles.Trainer);
        var id = await WorkshopTestData.InsertAsync(app.Database.DataSource, owner.Id, status: status);
        var caller = who switch
        {
            "anonymous" => null,
            "owner" => owner,
            "participant" => await app.CreateUserAsync(Roles.Participant),
            "other trainer" => await app.CreateUserAsync(Roles.Trainer),
            _ => await app.CreateUserAsync(Roles.Admin),
        };
        using var client = caller is null ? app.CreateClient() : app.ClientFor(caller);

        using var response = await client.GetAsync($"/api/workshops/{id}");

        if (expected == 404)
        {
            await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.NotFound);
            Assert.False(response.Headers.Contains("ETag"));
            return;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await AppFixture.ReadJsonAsync(response);
        Assert.Equal((id, status), (body.GetProperty("id").GetGuid(), body.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Get_SomeoneElsesDraft_AnswersTheSame404AsAnUnknownId()
    {
        var owner = await app.CreateUserAsync(Roles.Trainer);
        var draft = await WorkshopTestData.InsertAsync(app.Database.DataSource, owner.Id);
        using var client = app.ClientFor(await app.CreateUserAsync(Roles.Trainer));

        using var hidden = await client.GetAsync($"/api/workshops/{draft}");
        using var unknown = await client.GetAsync($"/api/workshops/{Guid.NewGuid()}");

        var hiddenProblem = await WorkshopTestData.AssertProblemAsync(hidden, HttpStatusCode.NotFound);
        var unknownProblem = await WorkshopTestData.AssertProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal(unknownProblem.GetProperty("detail").GetString(), hiddenProblem.GetProperty("detail").GetString());
    }

    /// <summary>Two trainers, the first with a workshop in every state, the second with a draft and a published one.</summary>
    private async Task<World> ArrangeAsync()
    {
        var owner = await app.CreateUserAsync(Roles.Trainer);
        var other = await app.CreateUserAsync(Roles.Trainer);
        var db = app.Database.DataSource;
        return new World(
            owner,
            other,
            await WorkshopTestData.InsertAsync(db, owner.Id, status: "draft", startsAt: WorkshopTestData.InDays(10)),
            await WorkshopTestData.InsertAsync(db, owner.Id, status: "published", startsAt: WorkshopTestData.InDays(11)),
            await WorkshopTestData.InsertAsync(db, owner.Id, status: "cancelled", startsAt: WorkshopTestData.InDays(12)),
            await WorkshopTestData.InsertAsync(db, other.Id, status: "draft", startsAt: WorkshopTestData.InDays(13)),
            await WorkshopTestData.InsertAsync(db, other.Id, status: "published", startsAt: WorkshopTestData.InDays(14)));
    }

    /// <summary>What the caller finds of this world's workshops, listing each status, then each trainer's, in turn (other tests' rows stay out).</summary>
    private static async Task<List<Guid>> ListedAsync(HttpClient client, World world)
    {
        var ids = new List<Guid>();
        foreach (var (status, trainer) in WorkshopStatus.All.SelectMany(status => new[] { (status, world.Owner), (status, world.Other) }))
        {
            using var response = await client.GetAsync($"/api/workshops?trainerId={trainer.Id}&status={status}&pageSize=100");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            ids.AddRange((await AppFixture.ReadJsonAsync(response)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        }

        return ids;
    }

    private sealed record World(TestUser Owner, TestUser Other, Guid OwnerDraft, Guid OwnerPublished, Guid OwnerCancelled, Guid OtherDraft, Guid OtherPublished)
    {
        public List<Guid> All => [OwnerDraft, OtherDraft, OwnerPublished, OtherPublished, OwnerCancelled];
    }
}
