using System.Net;
using System.Text;
using System.Text.Json;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Workshops;

namespace SkillHub.Functions.Tests.Comments;

/// <summary>What clients get wrong, over real HTTP: each answer is the right 4xx problem, and nothing is written.</summary>
public sealed class CommentBadInputHttpTests(AppFixture app) : IClassFixture<AppFixture>
{
    // ---- POST: field values ----

    [Theory]
    [InlineData("{\"body\":\"Nice\",\"rating\":0}", "rating")]
    [InlineData("{\"body\":\"Nice\",\"rating\":6}", "rating")]
    [InlineData("{\"body\":\"Nice\",\"rating\":-3}", "rating")]
    [InlineData("{\"body\":\"Nice\",\"rating\":4.5}", "rating")]
    [InlineData("{\"body\":\"Nice\",\"rating\":\"5\"}", "rating")]
    [InlineData("{\"body\":\"\"}", "body")]
    [InlineData("{\"body\":\"   \\n\\t \"}", "body")]
    [InlineData("{\"body\":null}", "body")]
    [InlineData("{\"rating\":null}", "body")]
    [InlineData("{}", "body")]
    [InlineData("{\"body\":42}", "body")]
    [InlineData("{\"body\":[\"a\"]}", "body")]
    [InlineData("{\"body\":\"Nul\\u0000here\"}", "body")]
    [InlineData("{\"body\":\"Lone \\ud800 surrogate\"}", "body")]
    public async Task Post_WithAValueItCannotTake_Answers422NamingTheField_AndWritesNothing(string json, string field)
    {
        await AssertPostRefusedWithNothingWrittenAsync(AppFixture.RawJson(json), HttpStatusCode.UnprocessableEntity, field);
    }

    [Theory]
    [InlineData(2001)]
    [InlineData(10_000)]
    public async Task Post_WithABodyOverTwoThousandCharacters_Answers422NamingBody_AndWritesNothing(int length)
    {
        await AssertPostRefusedWithNothingWrittenAsync(AppFixture.Json(new { body = new string('x', length) }), HttpStatusCode.UnprocessableEntity, "body");
    }

    [Fact]
    public async Task Post_With2001Emoji_Answers422_SinceEachCountsAsOneCharacter()
    {
        var body = string.Concat(Enumerable.Repeat("\U0001F600", 2001));

        await AssertPostRefusedWithNothingWrittenAsync(AppFixture.Json(new { body }), HttpStatusCode.UnprocessableEntity, "body");
    }

    [Fact]
    public async Task Post_WithABodyOfExactlyTwoThousandCharacters_IsAccepted()
    {
        var (workshopId, client) = await ArrangeAsync();
        var body = string.Concat(Enumerable.Repeat("\U0001F600", 1000)) + new string('x', 1000);

        using var response = await client.PostAsync(CommentTestData.CommentsOf(workshopId), AppFixture.Json(new { body }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, await CommentTestData.CountAsync(app, workshopId));
    }

    // ---- POST: mass assignment ----

    [Theory]
    [InlineData("hidden", "false")]
    [InlineData("author", "{\"id\":\"0195f4c2-0000-7000-8000-000000000001\",\"displayName\":\"Someone else\"}")]
    [InlineData("id", "\"0195f4c2-0000-7000-8000-000000000001\"")]
    [InlineData("workshopId", "\"0195f4c2-0000-7000-8000-000000000001\"")]
    [InlineData("createdAt", "\"2020-01-01T00:00:00Z\"")]
    [InlineData("hiddenBy", "null")]
    [InlineData("Body", "\"Upper-case duplicate\"")]
    public async Task Post_NamingAPropertyThatIsNotAnInput_Answers422NamingIt_AndWritesNothing(string property, string rawValue)
    {
        var json = $"{{\"body\":\"Fine\",\"{property}\":{rawValue}}}";

        await AssertPostRefusedWithNothingWrittenAsync(AppFixture.RawJson(json), HttpStatusCode.UnprocessableEntity, property);
    }

    // ---- POST: bodies that are not a JSON object ----

    [Theory]
    [InlineData("{\"body\": ")]
    [InlineData("{body: \"Nice\"}")]
    [InlineData("")]
    [InlineData("[{\"body\":\"Nice\"}]")]
    [InlineData("\"Nice\"")]
    [InlineData("null")]
    public async Task Post_WithABodyThatIsNotAJsonObject_Answers400_AndWritesNothing(string json)
    {
        await AssertPostRefusedWithNothingWrittenAsync(AppFixture.RawJson(json), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("text/html")]
    public async Task Post_WithANonJsonContentType_Answers415_AndWritesNothing(string mediaType)
    {
        await AssertPostRefusedWithNothingWrittenAsync(new StringContent("{\"body\":\"Nice\"}", Encoding.UTF8, mediaType), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Post_WithABodyOverOneMebibyte_Answers413_AndWritesNothing()
    {
        var json = "{\"body\":\"" + new string('x', 1024 * 1024) + "\"}";

        await AssertPostRefusedWithNothingWrittenAsync(new StringContent(json, Encoding.UTF8, "application/json"), HttpStatusCode.RequestEntityTooLarge);
    }

    // ---- malformed ids ----

    [Theory]
    [InlineData("GET", "/api/workshops/not-a-uuid/comments")]
    [InlineData("POST", "/api/workshops/not-a-uuid/comments")]
    [InlineData("POST", "/api/workshops/1'%20OR%20'1'='1/comments")]
    [InlineData("PATCH", "/api/workshops/{workshop}/comments/not-a-uuid")]
    [InlineData("DELETE", "/api/workshops/{workshop}/comments/12345")]
    [InlineData("DELETE", "/api/workshops/not-a-uuid/comments/{comment}")]
    public async Task AMalformedId_IsNotRouted_Answers404Problem_AndChangesNothing(string method, string path)
    {
        var (workshopId, client) = await ArrangeAsync();
        var commentId = await CommentTestData.PostAsync(client, workshopId, "Untouched");
        var before = await CommentTestData.FindAsync(app, commentId);
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{workshop}", workshopId.ToString(), StringComparison.Ordinal).Replace("{comment}", commentId.ToString(), StringComparison.Ordinal));
        if (method is "POST" or "PATCH")
        {
            request.Content = AppFixture.Json(new { body = "Changed" });
        }

        using var response = await client.SendAsync(request);

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(before, await CommentTestData.FindAsync(app, commentId));
        Assert.Equal(1, await CommentTestData.CountAsync(app, workshopId));
    }

    // ---- PATCH ----

    [Theory]
    [InlineData("{\"rating\":0}", new[] { "rating" })]
    [InlineData("{\"rating\":6}", new[] { "rating" })]
    [InlineData("{\"body\":\"\"}", new[] { "body" })]
    [InlineData("{\"body\":\"  \"}", new[] { "body" })]
    [InlineData("{}", new[] { "body", "rating" })]
    [InlineData("{\"body\":null,\"rating\":null}", new[] { "body", "rating" })]
    [InlineData("{\"body\":\"Fine\",\"hidden\":true}", new[] { "hidden" })]
    [InlineData("{\"body\":\"Fine\",\"author\":{\"id\":\"0195f4c2-0000-7000-8000-000000000001\"}}", new[] { "author" })]
    [InlineData("{\"workshopId\":\"0195f4c2-0000-7000-8000-000000000001\"}", new[] { "workshopId" })]
    public async Task Patch_WithAnInvalidBody_Answers422NamingTheFields_AndChangesNothing(string json, string[] fields)
    {
        await AssertPatchRefusedUnchangedAsync(AppFixture.RawJson(json), HttpStatusCode.UnprocessableEntity, fields);
    }

    [Theory]
    [InlineData(2001)]
    [InlineData(10_000)]
    public async Task Patch_WithABodyOverTwoThousandCharacters_Answers422NamingBody_AndChangesNothing(int length)
    {
        await AssertPatchRefusedUnchangedAsync(AppFixture.Json(new { body = new string('y', length) }), HttpStatusCode.UnprocessableEntity, "body");
    }

    [Theory]
    [InlineData("application/json", "{\"body\": ", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "[]", HttpStatusCode.BadRequest)]
    [InlineData("text/plain", "{\"body\":\"Plain\"}", HttpStatusCode.UnsupportedMediaType)]
    public async Task Patch_WithABodyThatIsNotAJsonObject_AnswersTheProblem_AndChangesNothing(string mediaType, string body, HttpStatusCode expected)
    {
        await AssertPatchRefusedUnchangedAsync(new StringContent(body, Encoding.UTF8, mediaType), expected);
    }

    // ---- helpers ----

    /// <summary>A published workshop, and a client for a participant holding a confirmed registration of it (so a rating is never what refuses).</summary>
    private async Task<(Guid WorkshopId, HttpClient Client)> ArrangeAsync()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var workshopId = await CommentTestData.EndedWorkshopAsync(app, trainer.Id);
        var participant = await app.CreateUserAsync(Roles.Participant);
        await CommentTestData.RegisterAsync(app, workshopId, participant.Id, attendance: RegistrationAttendance.Attended);
        return (workshopId, app.ClientFor(participant));
    }

    private async Task AssertPostRefusedWithNothingWrittenAsync(HttpContent content, HttpStatusCode status, params string[] fields)
    {
        var (workshopId, client) = await ArrangeAsync();
        using (client)
        {
            var before = await CommentTestData.CountAsync(app, workshopId);

            using var response = await client.PostAsync(CommentTestData.CommentsOf(workshopId), content);

            await WorkshopTestData.AssertProblemAsync(response, status, fields);
            Assert.Equal(before, await CommentTestData.CountAsync(app, workshopId));
            Assert.Equal(0, before);
        }
    }

    private async Task AssertPatchRefusedUnchangedAsync(HttpContent content, HttpStatusCode status, params string[] fields)
    {
        var (workshopId, client) = await ArrangeAsync();
        using (client)
        {
            var id = await CommentTestData.PostAsync(client, workshopId, "Original", rating: 3);
            var before = await CommentTestData.FindAsync(app, id);
            using var patch = CommentTestData.Patch(workshopId, id, content);

            using var response = await client.SendAsync(patch);

            var problem = await WorkshopTestData.AssertProblemAsync(response, status, fields);
            Assert.Equal(JsonValueKind.Object, problem.ValueKind);
            Assert.Equal(before, await CommentTestData.FindAsync(app, id));
            Assert.Equal(1, await CommentTestData.CountAsync(app, workshopId));
        }
    }
}
