using System.Net;
using System.Text.Json;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Workshops;

/// <summary>
/// A cancelled workshop keeps its page, with its reason, for whoever could see it while it was
/// published; a draft cancelled before it was ever published stays its trainer's. Over real HTTP.
/// </summary>
public sealed class CancelledWorkshopTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Reason = "The room is flooded.";

    [Theory]
    [InlineData("anonymous")]
    [InlineData("participant")]
    [InlineData("other trainer")]
    [InlineData("owner")]
    [InlineData("admin")]
    public async Task Get_ACancelledWorkshopThatWasPublished_StaysVisibleToAnyone_WithItsReason(string who)
    {
        var (owner, id) = await CancelledAsync(publishFirst: true);
        using var client = await ClientAsync(who, owner);

        using var response = await client.GetAsync($"/api/workshops/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await AppFixture.ReadJsonAsync(response);
        Assert.Equal(("cancelled", Reason), (body.GetProperty("status").GetString(), body.GetProperty("cancellationReason").GetString()));
    }

    [Theory]
    [InlineData("anonymous", 404)]
    [InlineData("participant", 404)]
    [InlineData("other trainer", 404)]
    [InlineData("owner", 200)]
    [InlineData("admin", 200)]
    public async Task Get_ADraftCancelledBeforeItWasEverPublished_StaysHiddenFromThePublic(string who, int expected)
    {
        var (owner, id) = await CancelledAsync(publishFirst: false);
        using var client = await ClientAsync(who, owner);

        using var response = await client.GetAsync($"/api/workshops/{id}");

        if (expected == 404)
        {
            await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.NotFound);
            return;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Reason, (await AppFixture.ReadJsonAsync(response)).GetProperty("cancellationReason").GetString());
    }

    [Fact]
    public async Task Get_AWorkshopThatIsNotCancelled_CarriesANullCancellationReason()
    {
        var owner = await app.CreateUserAsync(Roles.Trainer);
        var id = await WorkshopTestData.InsertAsync(app.Database.DataSource, owner.Id, status: "published");

        using var response = await app.CreateClient().GetAsync($"/api/workshops/{id}");

        Assert.Equal(JsonValueKind.Null, (await AppFixture.ReadJsonAsync(response)).GetProperty("cancellationReason").ValueKind);
    }

    [Theory]
    [InlineData("anonymous", null, new[] { "published" })]
    [InlineData("anonymous", "published", new[] { "published" })]
    [InlineData("anonymous", "cancelled", new[] { "cancelled" })]
    [InlineData("anonymous", "draft", new string[0])]
    [InlineData("participant", "cancelled", new[] { "cancelled" })]
    [InlineData("other trainer", "draft", new string[0])]
    [InlineData("owner", null, new[] { "published" })]
    [InlineData("owner", "draft", new[] { "draft" })]
    [InlineData("owner", "cancelled", new[] { "cancelled", "cancelled" })]
    [InlineData("admin", "cancelled", new[] { "cancelled", "cancelled" })]
    public async Task List_FiltersByStatus_PublishedByDefault_AmongWhatTheCallerMaySee(string who, string? status, string[] expected)
    {
        var owner = await app.CreateUserAsync(Roles.Trainer);
        var db = app.Database.DataSource;
        await WorkshopTestData.InsertAsync(db, owner.Id, status: "draft", startsAt: WorkshopTestData.InDays(10));
        await WorkshopTestData.InsertAsync(db, owner.Id, status: "published", startsAt: WorkshopTestData.InDays(11));
        var (_, cancelledAfterPublishing) = await CancelledAsync(publishFirst: true, owner);
        var (_, cancelledDraft) = await CancelledAsync(publishFirst: false, owner);
        using var client = await ClientAsync(who, owner);

        using var response = await client.GetAsync($"/api/workshops?trainerId={owner.Id}&pageSize=100{(status is null ? "" : "&status=" + status)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await AppFixture.ReadJsonAsync(response);
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(expected, items.Select(i => i.GetProperty("status").GetString()));
        Assert.Equal(expected.Length, body.GetProperty("total").GetInt64());
        if (status == "cancelled")
        {
            Assert.Contains(cancelledAfterPublishing, items.Select(i => i.GetProperty("id").GetGuid()));
            Assert.Equal(expected.Length == 2, items.Any(i => i.GetProperty("id").GetGuid() == cancelledDraft));
        }
    }

    [Fact]
    public async Task Register_ToACancelledWorkshop_Answers409NamingTheCancellationAndItsReason()
    {
        var (_, id) = await CancelledAsync(publishFirst: true);
        using var client = app.ClientFor(await app.CreateUserAsync(Roles.Participant));

        using var response = await client.PostAsync($"/api/workshops/{id}/registrations", null);

        var problem = await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.Conflict);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("cancelled", detail, StringComparison.Ordinal);
        Assert.Contains(Reason, detail, StringComparison.Ordinal);
    }

    /// <summary>A workshop created through the API and cancelled, published before or not.</summary>
    private async Task<(TestUser Owner, Guid Id)> CancelledAsync(bool publishFirst, TestUser? owner = null)
    {
        owner ??= await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(owner);
        using var created = await client.PostAsync("/api/workshops", AppFixture.Json(WorkshopTestData.CreateBody()));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await AppFixture.ReadJsonAsync(created)).GetProperty("id").GetGuid();
        if (publishFirst)
        {
            using var published = await client.PostAsync($"/api/workshops/{id}/publish", null);
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        }

        using var cancelled = await client.PostAsync($"/api/workshops/{id}/cancel", WorkshopTestData.CancelBody(Reason));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        return (owner, id);
    }

    private async Task<HttpClient> ClientAsync(string who, TestUser owner) => who switch
    {
        "anonymous" => app.CreateClient(),
        "owner" => app.ClientFor(owner),
        "participant" => app.ClientFor(await app.CreateUserAsync(Roles.Participant)),
        "other trainer" => app.ClientFor(await app.CreateUserAsync(Roles.Trainer)),
        _ => app.ClientFor(await app.CreateUserAsync(Roles.Admin)),
    };
}
