using System.Net;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Workshops;

/// <summary>Every workshop route, called by every kind of caller, over real HTTP.</summary>
public sealed class WorkshopAccessMatrixTests(AppFixture app) : IClassFixture<AppFixture>
{
    public enum Actor
    {
        Anonymous,
        Participant,
        Owner,
        OtherTrainer,
        Admin,
    }

    private const string Draft = "draft";
    private const string Published = "published";
    private const string ChangedTitle = "Changed by the caller";

    /// <summary>Route, caller, state of the workshop it targets, and the status the contract implies.</summary>
    public static TheoryData<string, Actor, string, int> Matrix { get; } = BuildMatrix();

    public static TheoryData<string> Routes { get; } = ["GET list", "GET one", "POST create", "PATCH", "POST publish", "POST cancel", "DELETE"];

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Route_AnswersEachCallerWhatTheContractSays_AndRefusalsChangeNothing(string route, Actor actor, string state, int expected)
    {
        var owner = await app.CreateUserAsync(Roles.Trainer, displayName: "Owning trainer");
        var caller = actor switch
        {
            Actor.Anonymous => null,
            Actor.Owner => owner,
            Actor.Participant => await app.CreateUserAsync(Roles.Participant),
            Actor.OtherTrainer => await app.CreateUserAsync(Roles.Trainer),
            _ => await app.CreateUserAsync(Roles.Admin),
        };
        var workshopId = await WorkshopTestData.InsertAsync(app.Database.DataSource, owner.Id, status: state);
        var rowBefore = await WorkshopTestData.ReadAsync(app.Database.DataSource, workshopId);
        var countBefore = await WorkshopTestData.CountAsync(app.Database.DataSource);
        using var client = caller is null ? app.CreateClient() : app.ClientFor(caller);
        using var request = Build(route, workshopId, owner.Id, state);

        using var response = await client.SendAsync(request);

        if (expected >= 400)
        {
            await WorkshopTestData.AssertProblemAsync(response, (HttpStatusCode)expected);
            Assert.Equal(rowBefore, await WorkshopTestData.ReadAsync(app.Database.DataSource, workshopId));
            Assert.Equal(countBefore, await WorkshopTestData.CountAsync(app.Database.DataSource));
            return;
        }

        Assert.True(expected == (int)response.StatusCode, $"Expected {expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var row = await WorkshopTestData.ReadAsync(app.Database.DataSource, workshopId);
        switch (route)
        {
            case "GET list":
                var listed = (await AppFixture.ReadJsonAsync(response)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid());
                var maySee = state == Published || actor is Actor.Owner or Actor.Admin;
                Assert.Equal(maySee, listed.Contains(workshopId));
                break;
            case "GET one":
                Assert.Equal(workshopId, (await AppFixture.ReadJsonAsync(response)).GetProperty("id").GetGuid());
                Assert.Equal("\"1\"", WorkshopTestData.ETagOf(response));
                break;
            case "POST create":
                var created = await WorkshopTestData.ReadAsync(app.Database.DataSource, (await AppFixture.ReadJsonAsync(response)).GetProperty("id").GetGuid());
                Assert.Equal(owner.Id, created?.TrainerId);
                Assert.Equal(countBefore + 1, await WorkshopTestData.CountAsync(app.Database.DataSource));
                break;
            case "PATCH":
                Assert.Equal((ChangedTitle, 2), (row?.Title, row?.Version));
                break;
            case "POST publish":
                Assert.Equal(("published", 2), (row?.Status, row?.Version));
                break;
            case "POST cancel":
                Assert.Equal(("cancelled", 2), (row?.Status, row?.Version));
                break;
            case "DELETE":
                Assert.Null(row);
                break;
            default:
                Assert.Fail($"Unknown route {route}.");
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_WithAnInvalidBearerToken_Answers401_AndChangesNothing(string route)
    {
        var owner = await app.CreateUserAsync(Roles.Trainer);
        var workshopId = await WorkshopTestData.InsertAsync(app.Database.DataSource, owner.Id, status: Published);
        var rowBefore = await WorkshopTestData.ReadAsync(app.Database.DataSource, workshopId);
        var forged = owner.AccessToken[..^4] + (owner.AccessToken.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        using var client = app.CreateClient(forged);
        using var request = Build(route, workshopId, owner.Id, Published);

        using var response = await client.SendAsync(request);

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(rowBefore, await WorkshopTestData.ReadAsync(app.Database.DataSource, workshopId));
    }

    /// <summary>The list asks for the workshop's status: by default it holds published workshops only.</summary>
    private static HttpRequestMessage Build(string route, Guid workshopId, Guid ownerId, string state) => route switch
    {
        "GET list" => new HttpRequestMessage(HttpMethod.Get, $"/api/workshops?trainerId={ownerId}&status={state}"),
        "GET one" => new HttpRequestMessage(HttpMethod.Get, $"/api/workshops/{workshopId}"),
        "POST create" => new HttpRequestMessage(HttpMethod.Post, "/api/workshops") { Content = AppFixture.Json(WorkshopTestData.CreateBody(ownerId)) },
        "PATCH" => WorkshopTestData.Patch(workshopId, new { title = ChangedTitle }, "\"1\""),
        "POST publish" => new HttpRequestMessage(HttpMethod.Post, $"/api/workshops/{workshopId}/publish"),
        "POST cancel" => new HttpRequestMessage(HttpMethod.Post, $"/api/workshops/{workshopId}/cancel") { Content = WorkshopTestData.CancelBody() },
        "DELETE" => new HttpRequestMessage(HttpMethod.Delete, $"/api/workshops/{workshopId}"),
        _ => throw new ArgumentOutOfRangeException(nameof(route), route, "Unknown route."),
    };

    private static TheoryData<string, Actor, string, int> BuildMatrix()
    {
        var data = new TheoryData<string, Actor, string, int>();

        void Row(string route, string state, int anonymous, int participant, int owner, int otherTrainer, int admin)
        {
            data.Add(route, Actor.Anonymous, state, anonymous);
            data.Add(route, Actor.Participant, state, participant);
            data.Add(route, Actor.Owner, state, owner);
            data.Add(route, Actor.OtherTrainer, state, otherTrainer);
            data.Add(route, Actor.Admin, state, admin);
        }

        // Anyone may list; what each caller finds in the list is checked by the test.
        Row("GET list", Published, 200, 200, 200, 200, 200);
        Row("GET list", Draft, 200, 200, 200, 200, 200);
        Row("GET one", Published, 200, 200, 200, 200, 200);
        Row("GET one", Draft, 404, 404, 200, 404, 200);
        // The owner names themselves; the other trainer names the owner; the admin names the owner.
        Row("POST create", Draft, 401, 403, 201, 403, 201);
        // What a trainer may see but not manage is 403; what they may not even see is 404.
        Row("PATCH", Published, 401, 403, 200, 403, 200);
        Row("PATCH", Draft, 401, 403, 200, 404, 200);
        Row("POST publish", Draft, 401, 403, 200, 404, 200);
        Row("POST publish", Published, 401, 403, 409, 403, 409);
        Row("POST cancel", Published, 401, 403, 200, 403, 200);
        Row("POST cancel", Draft, 401, 403, 200, 404, 200);
        Row("DELETE", Draft, 401, 403, 403, 403, 204);
        Row("DELETE", Published, 401, 403, 403, 403, 204);
        return data;
    }
}
