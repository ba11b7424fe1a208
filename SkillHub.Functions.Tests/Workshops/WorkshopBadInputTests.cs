using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dapper;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Workshops;

/// <summary>What clients get wrong, over real HTTP: each answer is the right 4xx problem, and nothing is written.</summary>
public sealed class WorkshopBadInputTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string SqlLooking = "'; DROP TABLE workshops; --";

    // ---- bodies that are not a JSON object ----

    [Theory]
    [InlineData("{\"title\": ")]
    [InlineData("{title: \"Intro\"}")]
    [InlineData("")]
    [InlineData("{\"title\":\"a\"} trailing")]
    public async Task Create_WithMalformedJson_Answers400_AndWritesNothing(string body)
    {
        using var response = await AssertCreateRefusedWithNothingWrittenAsync(AppFixture.RawJson(body));

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[{\"title\":\"Intro\"}]")]
    [InlineData("\"a string\"")]
    [InlineData("42")]
    [InlineData("null")]
    public async Task Create_WithJsonThatIsNotAnObject_Answers400_AndWritesNothing(string body)
    {
        using var response = await AssertCreateRefusedWithNothingWrittenAsync(AppFixture.RawJson(body));

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task Create_WithANonJsonContentType_Answers415_AndWritesNothing(string mediaType)
    {
        var content = new StringContent(ValidJson(), Encoding.UTF8, mediaType);

        using var response = await AssertCreateRefusedWithNothingWrittenAsync(content);

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Create_WithoutAContentType_Answers415_AndWritesNothing()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(ValidJson()));
        Assert.Null(content.Headers.ContentType);

        using var response = await AssertCreateRefusedWithNothingWrittenAsync(content);

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Create_WithJsonInAnotherCharset_Answers415_AndWritesNothing()
    {
        var content = new StringContent(ValidJson(), Encoding.Latin1, "application/json");

        using var response = await AssertCreateRefusedWithNothingWrittenAsync(content);

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Create_WithABodyOverOneMebibyte_Answers413_AndWritesNothing()
    {
        var content = new StringContent(PaddedJson(1024 * 1024 + 1), Encoding.UTF8, "application/json");

        using var response = await AssertCreateRefusedWithNothingWrittenAsync(content);

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Create_WithAChunkedBodyOverOneMebibyte_Answers413_AndWritesNothing()
    {
        var content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(PaddedJson(1024 * 1024 + 100))));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await AssertCreateRefusedWithNothingWrittenAsync(content);

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Create_WithABodyJustUnderOneMebibyte_IsRead()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(trainer);

        using var response = await client.PostAsync("/api/workshops", new StringContent(PaddedJson(1024 * 1024), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    // ---- mass assignment and types ----

    [Theory]
    [InlineData("seatsTaken", 5)]
    [InlineData("status", "published")]
    [InlineData("id", "0195f4c2-0000-7000-8000-000000000001")]
    [InlineData("version", 9)]
    [InlineData("createdAt", "2026-01-01T00:00:00Z")]
    [InlineData("Title", "Upper-case duplicate")]
    public async Task Create_NamingAFieldThatIsNotAnInput_Answers422NamingIt_AndWritesNothing(string field, object value)
    {
        var body = WorkshopTestData.CreateBody();
        body[field] = value;

        using var response = await AssertCreateRefusedWithNothingWrittenAsync(AppFixture.Json(body));

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, field);
    }

    [Theory]
    [InlineData("trainerId")]
    [InlineData("seatsTaken")]
    [InlineData("status")]
    [InlineData("version")]
    public async Task Patch_NamingAFieldThatIsNotAnInput_Answers422NamingIt_AndChangesNothing(string field)
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var other = await app.CreateUserAsync(Roles.Trainer);
        var id = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id);
        using var client = app.ClientFor(trainer);
        object value = field switch
        {
            "trainerId" => other.Id,
            "status" => "published",
            _ => 3,
        };
        using var patch = WorkshopTestData.Patch(id, new Dictionary<string, object> { ["title"] = "Changed", [field] = value }, "\"1\"");

        await WorkshopTestData.AssertRefusedUnchangedAsync(app, id, () => client.SendAsync(patch), HttpStatusCode.UnprocessableEntity, field);
    }

    [Theory]
    [InlineData("capacity", "\"ten\"")]
    [InlineData("capacity", "\"10\"")]
    [InlineData("capacity", "10.5")]
    [InlineData("capacity", "true")]
    [InlineData("startsAt", "\"tomorrow\"")]
    [InlineData("startsAt", "\"2026-12-01T09:00:00\"")]
    [InlineData("startsAt", "1767258000")]
    [InlineData("endsAt", "\"2026-13-45T09:00:00Z\"")]
    [InlineData("title", "42")]
    [InlineData("title", "{\"text\":\"nested\"}")]
    [InlineData("trainerId", "\"not-a-uuid\"")]
    // Texts PostgreSQL would refuse: NUL, lone surrogates, and two emoji that count as 2 characters, not 4.
    [InlineData("title", "\"Intro\\u0000duction\"")]
    [InlineData("description", "\"A\\u0000B\"")]
    [InlineData("location", "\"Room\\u0000\"")]
    [InlineData("title", "\"\\ud83d\\ude00\\ud83d\\ude00\"")]
    [InlineData("title", "\"Intro \\ud800 lone\"")]
    public async Task Create_WithAValueItCannotTake_Answers422NamingTheField_AndWritesNothing(string field, string rawValue)
    {
        var body = WorkshopTestData.CreateBody();
        body.Remove(field);
        var json = System.Text.Json.JsonSerializer.Serialize(body).TrimEnd('}') + $",\"{field}\":{rawValue}}}";

        using var response = await AssertCreateRefusedWithNothingWrittenAsync(AppFixture.RawJson(json));

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, field);
    }

    [Fact]
    public async Task Create_WithADuplicatedProperty_Answers422NamingIt_AndWritesNothing()
    {
        var json = ValidJson().TrimEnd('}') + ",\"title\":\"Second title\"}";

        using var response = await AssertCreateRefusedWithNothingWrittenAsync(AppFixture.RawJson(json));

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "title");
    }

    // ---- field lengths ----

    [Theory]
    [InlineData("title", 2)]
    [InlineData("title", 121)]
    [InlineData("description", 5001)]
    [InlineData("location", 201)]
    public async Task Create_WithATextOutsideItsLength_Answers422NamingIt_AndWritesNothing(string field, int length)
    {
        var body = WorkshopTestData.CreateBody();
        body[field] = new string('x', length);

        using var response = await AssertCreateRefusedWithNothingWrittenAsync(AppFixture.Json(body));

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, field);
    }

    [Fact]
    public async Task Patch_WithATitleOf121Characters_Answers422NamingTitle_AndChangesNothing()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var id = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id);
        using var client = app.ClientFor(trainer);
        using var patch = WorkshopTestData.Patch(id, new { title = new string('x', 121) }, "\"1\"");

        await WorkshopTestData.AssertRefusedUnchangedAsync(app, id, () => client.SendAsync(patch), HttpStatusCode.UnprocessableEntity, "title");
    }

    [Theory]
    [InlineData("application/json", "{\"title\": ", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "[]", HttpStatusCode.BadRequest)]
    [InlineData("text/plain", "{\"title\":\"Plain\"}", HttpStatusCode.UnsupportedMediaType)]
    public async Task Patch_WithABodyThatIsNotAJsonObject_AnswersTheProblem_AndChangesNothing(string mediaType, string body, HttpStatusCode expected)
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var id = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id);
        using var client = app.ClientFor(trainer);
        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/workshops/{id}") { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        patch.Headers.TryAddWithoutValidation("If-Match", "\"1\"");

        await WorkshopTestData.AssertRefusedUnchangedAsync(app, id, () => client.SendAsync(patch), expected);
    }

    [Fact]
    public async Task Cancel_WithATextPlainBody_Answers415_AndChangesNothing()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var id = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published");
        using var client = app.ClientFor(trainer);

        await WorkshopTestData.AssertRefusedUnchangedAsync(app, id, () => client.PostAsync($"/api/workshops/{id}/cancel", new StringContent("{\"reason\":\"Ill\"}", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Create_WithATitleOf120Emoji_IsStoredWhole()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(trainer);
        var title = string.Concat(Enumerable.Repeat("\U0001F600", 120));

        using var response = await client.PostAsync("/api/workshops", AppFixture.Json(WorkshopTestData.CreateBody(title: title)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await AppFixture.ReadJsonAsync(response)).GetProperty("id").GetGuid();
        Assert.Equal(title, (await WorkshopTestData.ReadAsync(app.Database.DataSource, id))!.Title);
    }

    [Fact]
    public async Task Patch_WithANulCharacterInTheTitle_Answers422NamingTitle_AndChangesNothing()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var id = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id);
        using var client = app.ClientFor(trainer);
        using var patch = WorkshopTestData.Patch(id, new { title = "Intro\0duction" }, "\"1\"");

        await WorkshopTestData.AssertRefusedUnchangedAsync(app, id, () => client.SendAsync(patch), HttpStatusCode.UnprocessableEntity, "title");
    }

    [Fact]
    public async Task Cancel_WithANulCharacterInTheReason_Answers422NamingReason_AndChangesNothing()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var id = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published");
        using var client = app.ClientFor(trainer);

        await WorkshopTestData.AssertRefusedUnchangedAsync(app, id, () => client.PostAsync($"/api/workshops/{id}/cancel", WorkshopTestData.CancelBody("Ill\0")), HttpStatusCode.UnprocessableEntity, "reason");
    }

    [Theory]
    [InlineData("q=%00")]
    [InlineData("q=a%00b")]
    public async Task List_WithANulCharacterInQ_Answers400ProblemNamingQ(string query)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync($"/api/workshops?{query}");

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.BadRequest, "q");
    }

    // ---- SQL-looking text ----

    [Fact]
    public async Task Create_WithASqlLookingTitle_StoresItLiterally_AndTheTableSurvives()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(trainer);
        var body = WorkshopTestData.CreateBody(title: SqlLooking);
        body["description"] = "Robert'); DROP TABLE users;-- \\ % _";

        using var response = await client.PostAsync("/api/workshops", AppFixture.Json(body));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await AppFixture.ReadJsonAsync(response)).GetProperty("id").GetGuid();
        var row = await WorkshopTestData.ReadAsync(app.Database.DataSource, id);
        Assert.Equal((SqlLooking, "Robert'); DROP TABLE users;-- \\ % _"), (row!.Title, row.Description));
        Assert.True(await TablesExistAsync());
        using var get = await client.GetAsync($"/api/workshops/{id}");
        Assert.Equal(SqlLooking, (await AppFixture.ReadJsonAsync(get)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task List_WithASqlLookingQ_SearchesForItLiterally_AndTheTableSurvives()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var literal = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published", title: $"About {SqlLooking}");
        await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published", title: "About DROP TABLE statements");
        using var client = app.CreateClient();

        using var response = await client.GetAsync($"/api/workshops?trainerId={trainer.Id}&q={Uri.EscapeDataString(SqlLooking)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await AppFixture.ReadJsonAsync(response)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid());
        Assert.Equal([literal], items);
        Assert.True(await TablesExistAsync());
        Assert.Equal(2, await WorkshopCountOfAsync(trainer.Id));
    }

    [Fact]
    public async Task Get_WithAnIdThatIsNotAUuid_IsNotRouted()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync($"/api/workshops/{Uri.EscapeDataString("1' OR '1'='1")}");

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.True(await TablesExistAsync());
    }

    // ---- helpers ----

    /// <summary>Posts <paramref name="content"/> as a trainer and checks no workshop was written; the caller checks the answer.</summary>
    private async Task<HttpResponseMessage> AssertCreateRefusedWithNothingWrittenAsync(HttpContent content)
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(trainer);
        var before = await WorkshopTestData.CountAsync(app.Database.DataSource);

        var response = await client.PostAsync("/api/workshops", content);
        await response.Content.LoadIntoBufferAsync();

        Assert.Equal(before, await WorkshopTestData.CountAsync(app.Database.DataSource));
        Assert.Equal(0, await WorkshopCountOfAsync(trainer.Id));
        return response;
    }

    private async Task<long> WorkshopCountOfAsync(Guid trainerId)
    {
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM workshops WHERE trainer_id = @trainerId", new { trainerId });
    }

    private async Task<bool> TablesExistAsync()
    {
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<bool>("SELECT to_regclass('public.workshops') IS NOT NULL AND to_regclass('public.users') IS NOT NULL");
    }

    private static string ValidJson() => System.Text.Json.JsonSerializer.Serialize(WorkshopTestData.CreateBody());

    /// <summary>A valid create body padded with white space to exactly <paramref name="bytes"/> bytes.</summary>
    private static string PaddedJson(int bytes)
    {
        var json = ValidJson();
        return json[..^1] + new string(' ', bytes - json.Length) + "}";
    }

    /// <summary>Hides its length, so HttpClient sends it chunked, without Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
