using System.Net;
using System.Text;
using System.Text.Json;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Workshops;

namespace SkillHub.Functions.Tests.Comments;

/// <summary>Writing, reading, changing and deleting comments over real HTTP, through the standalone host.</summary>
public sealed class CommentHttpFlowTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Post_Answers201_WithLocation_AndTheCommentAsStored_AuthorNamedFromTheAccount()
    {
        var (workshopId, _) = await PublishedWorkshopAsync();
        var participant = await app.CreateUserAsync(Roles.Participant, displayName: "Léa Dubois");
        using var client = app.ClientFor(participant);
        var before = DateTime.UtcNow.AddSeconds(-1);

        using var response = await client.PostAsync(CommentTestData.CommentsOf(workshopId), AppFixture.Json(new { body = "Very clear, thanks!" }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = await AppFixture.ReadJsonAsync(response);
        var id = json.GetProperty("id").GetGuid();
        Assert.Equal(CommentTestData.CommentAt(workshopId, id), response.Headers.Location?.OriginalString);
        Assert.Equal(workshopId, json.GetProperty("workshopId").GetGuid());
        Assert.Equal(participant.Id, json.GetProperty("author").GetProperty("id").GetGuid());
        Assert.Equal("Léa Dubois", json.GetProperty("author").GetProperty("displayName").GetString());
        Assert.Equal("Very clear, thanks!", json.GetProperty("body").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("rating").ValueKind);
        Assert.Equal(json.GetProperty("createdAt").GetString(), json.GetProperty("updatedAt").GetString());
        Assert.EndsWith("Z", json.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
        Assert.InRange(json.GetProperty("createdAt").GetDateTime().ToUniversalTime(), before, DateTime.UtcNow.AddSeconds(1));
        Assert.Equal(
            ["author", "body", "createdAt", "id", "rating", "updatedAt", "workshopId"],
            json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        var stored = await CommentTestData.FindAsync(app, id);
        Assert.Equal(("Very clear, thanks!", "Léa Dubois", false), (stored!.Body, stored.Author.DisplayName, stored.Hidden));
    }

    [Fact]
    public async Task Post_ThenList_ShowsTheCommentToAnonymousCallers_NewestFirst()
    {
        var (workshopId, _) = await PublishedWorkshopAsync();
        var participant = await app.CreateUserAsync(Roles.Participant);
        using var client = app.ClientFor(participant);
        var first = await CommentTestData.PostAsync(client, workshopId, "First");
        await Task.Delay(5);
        var second = await CommentTestData.PostAsync(client, workshopId, "Second");
        await Task.Delay(5);
        var third = await CommentTestData.PostAsync(client, workshopId, "Third");
        using var anonymous = app.CreateClient();

        using var response = await anonymous.GetAsync(CommentTestData.CommentsOf(workshopId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AppFixture.ReadJsonAsync(response);
        Assert.Equal([third, second, first], page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        Assert.Equal((1, 20, 3), (page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32(), page.GetProperty("total").GetInt64()));
    }

    [Fact]
    public async Task List_IsPaged_WithoutOverlapOrGap()
    {
        var (workshopId, _) = await PublishedWorkshopAsync();
        var participant = await app.CreateUserAsync(Roles.Participant);
        using var client = app.ClientFor(participant);
        var posted = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            posted.Add(await CommentTestData.PostAsync(client, workshopId, $"Comment {i}"));
            await Task.Delay(2);
        }

        var listed = new List<Guid>();
        for (var page = 1; page <= 3; page++)
        {
            using var response = await client.GetAsync($"{CommentTestData.CommentsOf(workshopId)}?page={page}&pageSize=2");
            var json = await AppFixture.ReadJsonAsync(response);
            Assert.Equal(5, json.GetProperty("total").GetInt64());
            listed.AddRange(json.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        }

        posted.Reverse();
        Assert.Equal(posted, listed);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)> & &amp; \"quoted\" 'single' \\ back\\slash")]
    [InlineData("  leading and trailing blanks, kept  \n\ttabs too\r\n")]
    [InlineData("Zoë \U0001F600 \u2028 \u00A0 \u202E reversed")]
    public async Task Body_IsPlainText_StoredAndReturnedExactlyAsSent_AsJsonStringData(string body)
    {
        var (workshopId, _) = await PublishedWorkshopAsync();
        var participant = await app.CreateUserAsync(Roles.Participant);
        using var client = app.ClientFor(participant);

        using var posted = await client.PostAsync(CommentTestData.CommentsOf(workshopId), AppFixture.Json(new { body }));
        using var listed = await app.CreateClient().GetAsync(CommentTestData.CommentsOf(workshopId));

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        foreach (var response in new[] { posted, listed })
        {
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            var raw = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("&lt;", raw, StringComparison.Ordinal);
            Assert.DoesNotContain("&gt;", raw, StringComparison.Ordinal);
        }

        var created = await AppFixture.ReadJsonAsync(posted);
        var shown = Assert.Single((await AppFixture.ReadJsonAsync(listed)).GetProperty("items").EnumerateArray());
        Assert.Equal(Encoding.UTF8.GetBytes(body), Encoding.UTF8.GetBytes(created.GetProperty("body").GetString()!));
        Assert.Equal(Encoding.UTF8.GetBytes(body), Encoding.UTF8.GetBytes(shown.GetProperty("body").GetString()!));
        Assert.Equal(body, (await CommentTestData.FindAsync(app, created.GetProperty("id").GetGuid()))!.Body);
    }

    [Fact]
    public async Task AScriptBody_RoundTripsByteForByte_AsJsonStringData_InApplicationJson()
    {
        const string Script = "<script>alert(1)</script>";
        var (workshopId, _) = await PublishedWorkshopAsync();
        var participant = await app.CreateUserAsync(Roles.Participant);
        using var client = app.ClientFor(participant);
        var id = await CommentTestData.PostAsync(client, workshopId, Script);

        using var response = await app.CreateClient().GetAsync(CommentTestData.CommentsOf(workshopId));

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var raw = await response.Content.ReadAsByteArrayAsync();
        var body = JsonDocument.Parse(raw).RootElement.GetProperty("items")[0].GetProperty("body");
        Assert.Equal(JsonValueKind.String, body.ValueKind);
        Assert.Equal(Encoding.UTF8.GetBytes(Script), Encoding.UTF8.GetBytes(body.GetString()!));
        Assert.Equal(Script, (await CommentTestData.FindAsync(app, id))!.Body);
    }

    [Fact]
    public async Task Post_WithARatingFromAnAttendee_AfterTheEnd_Answers201WithTheRating()
    {
        var (workshopId, _) = await EndedWorkshopAsync();
        var participant = await app.CreateUserAsync(Roles.Participant);
        await CommentTestData.RegisterAsync(app, workshopId, participant.Id, attendance: RegistrationAttendance.Attended);
        using var client = app.ClientFor(participant);

        using var response = await client.PostAsync(CommentTestData.CommentsOf(workshopId), AppFixture.Json(new { body = "Worth it", rating = 5 }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(5, (await AppFixture.ReadJsonAsync(response)).GetProperty("rating").GetInt32());
    }

    [Fact]
    public async Task Patch_ByTheAuthor_ChangesTheBody_KeepsTheRating_AndRefreshesTheirName()
    {
        var (workshopId, _) = await EndedWorkshopAsync();
        var participant = await app.CreateUserAsync(Roles.Participant, displayName: "Before Rename");
        await CommentTestData.RegisterAsync(app, workshopId, participant.Id, attendance: RegistrationAttendance.Attended);
        using var client = app.ClientFor(participant);
        var id = await CommentTestData.PostAsync(client, workshopId, "Original", rating: 4);
        var created = await CommentTestData.FindAsync(app, id);
        await WorkshopTestData.ExecuteAsync(app.Database.DataSource, "UPDATE users SET display_name = 'After Rename' WHERE id = @id", new { id = participant.Id });
        await Task.Delay(5);
        using var patch = CommentTestData.Patch(workshopId, id, AppFixture.Json(new { body = "Edited" }));

        using var response = await client.SendAsync(patch);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await AppFixture.ReadJsonAsync(response);
        Assert.Equal(("Edited", 4, "After Rename"), (json.GetProperty("body").GetString(), json.GetProperty("rating").GetInt32(), json.GetProperty("author").GetProperty("displayName").GetString()));
        var stored = await CommentTestData.FindAsync(app, id);
        Assert.Equal(created!.CreatedAt, stored!.CreatedAt);
        Assert.True(stored.UpdatedAt > created.UpdatedAt);
        Assert.Equal(("Edited", (int?)4, "After Rename"), (stored.Body, stored.Rating, stored.Author.DisplayName));
    }

    [Fact]
    public async Task Patch_OfTheRatingOnly_ByAnAttendingAuthor_KeepsTheBody()
    {
        var (workshopId, _) = await EndedWorkshopAsync();
        var participant = await app.CreateUserAsync(Roles.Participant);
        await CommentTestData.RegisterAsync(app, workshopId, participant.Id, attendance: RegistrationAttendance.Attended);
        using var client = app.ClientFor(participant);
        var id = await CommentTestData.PostAsync(client, workshopId, "Keep this text");
        using var patch = CommentTestData.Patch(workshopId, id, AppFixture.Json(new { rating = 3 }));

        using var response = await client.SendAsync(patch);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("Keep this text", (int?)3), ((await CommentTestData.FindAsync(app, id))!.Body, (await CommentTestData.FindAsync(app, id))!.Rating));
    }

    [Fact]
    public async Task Delete_ByTheAuthor_Answers204_HidesTheComment_KeepsItForTheAuditTrail_AndASecondDeleteIs404()
    {
        var (workshopId, _) = await PublishedWorkshopAsync();
        var participant = await app.CreateUserAsync(Roles.Participant);
        using var client = app.ClientFor(participant);
        var kept = await CommentTestData.PostAsync(client, workshopId, "Stays");
        var deleted = await CommentTestData.PostAsync(client, workshopId, "Goes");

        using var first = await client.DeleteAsync(CommentTestData.CommentAt(workshopId, deleted));
        using var second = await client.DeleteAsync(CommentTestData.CommentAt(workshopId, deleted));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Empty(await first.Content.ReadAsByteArrayAsync());
        await WorkshopTestData.AssertProblemAsync(second, HttpStatusCode.NotFound);
        var audit = await CommentTestData.FindAsync(app, deleted);
        Assert.Equal(("Goes", true, (Guid?)participant.Id), (audit!.Body, audit.Hidden, audit.HiddenBy));
        Assert.NotNull(audit.HiddenAt);
        using var listed = await client.GetAsync(CommentTestData.CommentsOf(workshopId));
        var page = await AppFixture.ReadJsonAsync(listed);
        Assert.Equal([kept], page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        Assert.Equal(1, page.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Patch_OfADeletedComment_Answers404_AndChangesNothing()
    {
        var (workshopId, _) = await PublishedWorkshopAsync();
        var participant = await app.CreateUserAsync(Roles.Participant);
        using var client = app.ClientFor(participant);
        var id = await CommentTestData.PostAsync(client, workshopId, "Deleted soon");
        using (var deleted = await client.DeleteAsync(CommentTestData.CommentAt(workshopId, id)))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var before = await CommentTestData.FindAsync(app, id);
        using var patch = CommentTestData.Patch(workshopId, id, AppFixture.Json(new { body = "Revived?" }));

        using var response = await client.SendAsync(patch);

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(before, await CommentTestData.FindAsync(app, id));
    }

    [Fact]
    public async Task PatchAndDelete_ThroughAnotherWorkshopsAddress_Answer404_AndChangeNothing()
    {
        var (workshopId, trainer) = await PublishedWorkshopAsync();
        var otherWorkshopId = await CommentTestData.WorkshopAsync(app, trainer.Id);
        var participant = await app.CreateUserAsync(Roles.Participant);
        using var client = app.ClientFor(participant);
        var id = await CommentTestData.PostAsync(client, workshopId, "Belongs here");
        var before = await CommentTestData.FindAsync(app, id);
        using var patch = CommentTestData.Patch(otherWorkshopId, id, AppFixture.Json(new { body = "Moved" }));

        using var patched = await client.SendAsync(patch);
        using var deleted = await client.DeleteAsync(CommentTestData.CommentAt(otherWorkshopId, id));

        await WorkshopTestData.AssertProblemAsync(patched, HttpStatusCode.NotFound);
        await WorkshopTestData.AssertProblemAsync(deleted, HttpStatusCode.NotFound);
        Assert.Equal(before, await CommentTestData.FindAsync(app, id));
    }

    [Fact]
    public async Task List_OfAnUnknownWorkshop_Answers404Problem()
    {
        using var response = await app.CreateClient().GetAsync(CommentTestData.CommentsOf(Guid.CreateVersion7()));

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("pageSize=101")]
    [InlineData("pageSize=abc")]
    [InlineData("page=1&page=2")]
    public async Task List_WithABadPagingParameter_Answers400ProblemNamingIt(string query)
    {
        var (workshopId, _) = await PublishedWorkshopAsync();

        using var response = await app.CreateClient().GetAsync($"{CommentTestData.CommentsOf(workshopId)}?{query}");

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.BadRequest, query.Split('=')[0]);
    }

    private async Task<(Guid WorkshopId, TestUser Trainer)> PublishedWorkshopAsync()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        return (await CommentTestData.WorkshopAsync(app, trainer.Id), trainer);
    }

    private async Task<(Guid WorkshopId, TestUser Trainer)> EndedWorkshopAsync()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        return (await CommentTestData.EndedWorkshopAsync(app, trainer.Id), trainer);
    }
}
