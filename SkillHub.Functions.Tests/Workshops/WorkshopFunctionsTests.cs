using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Primitives;
using Moq;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Json;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Workshops;

namespace SkillHub.Functions.Tests.Workshops;

/// <summary>The functions over a mocked store: what each answers on the wire, status, headers and body.</summary>
public sealed class WorkshopFunctionsTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private readonly Mock<IWorkshopStore> _store = new();
    private readonly WorkshopFunctions _functions;
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddLogging()
        .ConfigureHttpJsonOptions(options => JsonDefaults.Configure(options.SerializerOptions))
        .BuildServiceProvider();

    private readonly Caller _trainer = new(Guid.NewGuid(), Roles.Trainer);
    private readonly Caller _admin = new(Guid.NewGuid(), Roles.Admin);

    public WorkshopFunctionsTests()
    {
        var service = new WorkshopService(_store.Object, Mock.Of<IWorkshopRegistrations>(), new SkillHub.Functions.Notifications.NotificationSignal(), new FixedClock(new DateTimeOffset(Now)), NullLogger<WorkshopService>.Instance);
        _functions = new WorkshopFunctions(service, _store.Object);
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Get_AVisibleWorkshop_Answers200WithItsVersionAsETag()
    {
        var workshop = Workshop() with { Version = 5 };
        _store.Setup(s => s.FindVisibleAsync(workshop.Id, null, It.IsAny<CancellationToken>())).ReturnsAsync(workshop);
        var http = Request(null);

        var answer = await RunAsync(http, await _functions.Get(http.Request, workshop.Id, CancellationToken.None));

        Assert.Equal(200, answer.Status);
        Assert.Equal("\"5\"", answer.Headers.ETag.ToString());
        Assert.Equal(workshop.Id, answer.Body.GetProperty("id").GetGuid());
        Assert.Equal(5, answer.Body.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Get_AWorkshopHiddenFromTheCaller_Answers404ProblemWithoutETag()
    {
        var http = Request(null);

        var answer = await RunAsync(http, await _functions.Get(http.Request, Guid.NewGuid(), CancellationToken.None));

        AssertProblem(answer, 404);
        Assert.Equal(0, answer.Headers.ETag.Count);
    }

    [Fact]
    public async Task Get_ComputesAvailableSeats_AndWritesUtcTimestamps()
    {
        var workshop = Workshop() with { Capacity = 10, SeatsTaken = 4 };
        _store.Setup(s => s.FindVisibleAsync(workshop.Id, null, It.IsAny<CancellationToken>())).ReturnsAsync(workshop);
        var http = Request(null);

        var answer = await RunAsync(http, await _functions.Get(http.Request, workshop.Id, CancellationToken.None));

        Assert.Equal(6, answer.Body.GetProperty("availableSeats").GetInt32());
        Assert.Equal("2026-06-06T12:00:00Z", answer.Body.GetProperty("startsAt").GetString());
        Assert.Equal(workshop.TrainerId, answer.Body.GetProperty("trainer").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Create_Answers201WithLocationAndFirstETag()
    {
        _store.Setup(s => s.InsertAsync(It.IsAny<Guid>(), _trainer.Id, It.IsAny<WorkshopDetails>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Guid id, Guid trainerId, WorkshopDetails d, CancellationToken _) =>
                new WorkshopRecord(id, d.Title, d.Description, trainerId, "T", d.StartsAt, d.EndsAt, d.Location, d.Capacity, 0, WorkshopStatus.Draft, Now, Now, 1));
        var http = Request(_trainer, json: """{"title":"Intro","startsAt":"2026-07-01T09:00:00Z","endsAt":"2026-07-01T12:00:00Z","location":"Room","capacity":5}""");

        var answer = await RunAsync(http, await _functions.Create(http.Request, CancellationToken.None));

        Assert.Equal(201, answer.Status);
        var id = answer.Body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/workshops/{id}", answer.Headers.Location.ToString());
        Assert.Equal("\"1\"", answer.Headers.ETag.ToString());
        Assert.Equal("draft", answer.Body.GetProperty("status").GetString());
        Assert.Equal(5, answer.Body.GetProperty("availableSeats").GetInt32());
    }

    [Fact]
    public async Task Create_WithAStartInThePast_Answers422NamingStartsAt()
    {
        var http = Request(_trainer, json: """{"title":"Intro","startsAt":"2026-05-01T09:00:00Z","endsAt":"2026-05-01T12:00:00Z","location":"Room","capacity":5}""");

        var answer = await RunAsync(http, await _functions.Create(http.Request, CancellationToken.None));

        AssertProblem(answer, 422, "startsAt");
    }

    [Fact]
    public async Task Create_WithSeatsTakenInTheBody_Answers422NamingIt()
    {
        var http = Request(_trainer, json: """{"title":"Intro","startsAt":"2026-07-01T09:00:00Z","endsAt":"2026-07-01T12:00:00Z","location":"Room","capacity":5,"seatsTaken":5}""");

        var answer = await RunAsync(http, await _functions.Create(http.Request, CancellationToken.None));

        AssertProblem(answer, 422, "seatsTaken");
    }

    [Fact]
    public async Task Update_WithoutIfMatch_Answers428Problem()
    {
        var workshop = Arrange(Workshop());
        var http = Request(_trainer, json: """{"title":"New title"}""");

        var answer = await RunAsync(http, await _functions.Update(http.Request, workshop.Id, CancellationToken.None));

        AssertProblem(answer, 428);
    }

    [Fact]
    public async Task Update_WithAStaleIfMatch_Answers412Problem()
    {
        var workshop = Arrange(Workshop() with { Version = 3 });
        var http = Request(_trainer, json: """{"title":"New title"}""", ifMatch: "\"2\"");

        var answer = await RunAsync(http, await _functions.Update(http.Request, workshop.Id, CancellationToken.None));

        AssertProblem(answer, 412);
    }

    [Theory]
    [InlineData("\"3\"")]
    [InlineData("*")]
    public async Task Update_WithTheCurrentETagOrAWildcard_Answers200WithTheNextETag(string ifMatch)
    {
        var workshop = Arrange(Workshop() with { Version = 3 });
        _store.Setup(s => s.UpdateAsync(workshop.Id, 3, _trainer, It.IsAny<WorkshopDetails>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Guid _, int? _, Caller _, WorkshopDetails d, CancellationToken _) => workshop with { Title = d.Title, Version = 4 });
        var http = Request(_trainer, json: """{"title":"New title"}""", ifMatch: ifMatch);

        var answer = await RunAsync(http, await _functions.Update(http.Request, workshop.Id, CancellationToken.None));

        Assert.Equal(200, answer.Status);
        Assert.Equal("\"4\"", answer.Headers.ETag.ToString());
        Assert.Equal("New title", answer.Body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Update_NamingTrainerId_Answers422NamingIt()
    {
        var workshop = Arrange(Workshop());
        var http = Request(_admin, json: $$"""{"trainerId":"{{Guid.NewGuid()}}"}""", ifMatch: workshop.ETag);

        var answer = await RunAsync(http, await _functions.Update(http.Request, workshop.Id, CancellationToken.None));

        AssertProblem(answer, 422, "trainerId");
    }

    [Fact]
    public async Task Update_BelowTheSeatsTaken_Answers409Problem()
    {
        var workshop = Arrange(Workshop() with { Capacity = 10, SeatsTaken = 6 });
        var http = Request(_trainer, json: """{"capacity":5}""", ifMatch: workshop.ETag);

        var answer = await RunAsync(http, await _functions.Update(http.Request, workshop.Id, CancellationToken.None));

        AssertProblem(answer, 409);
    }

    [Fact]
    public async Task Publish_OfSomeoneElsesPublishedWorkshop_Answers403Problem()
    {
        var workshop = Arrange(Workshop() with { TrainerId = Guid.NewGuid(), Status = WorkshopStatus.Published });
        var http = Request(_trainer);

        var answer = await RunAsync(http, await _functions.Publish(http.Request, workshop.Id, CancellationToken.None));

        AssertProblem(answer, 403);
    }

    [Fact]
    public async Task Cancel_WithAnEmptyObject_Answers422NamingReason()
    {
        var workshop = Arrange(Workshop());
        var http = Request(_trainer, json: "{}");

        var answer = await RunAsync(http, await _functions.Cancel(http.Request, workshop.Id, CancellationToken.None));

        AssertProblem(answer, 422, "reason");
    }

    [Fact]
    public async Task Cancel_Answers200WithTheNewETag()
    {
        var workshop = Workshop();
        _store.Setup(s => s.CancelAsync(workshop.Id, _trainer, "Ill", It.IsAny<CancellationToken>()))
            .ReturnsAsync(workshop with { Status = WorkshopStatus.Cancelled, Version = workshop.Version + 1 });
        var http = Request(_trainer, json: """{"reason":"Ill"}""");

        var answer = await RunAsync(http, await _functions.Cancel(http.Request, workshop.Id, CancellationToken.None));

        Assert.Equal(200, answer.Status);
        Assert.Equal($"\"{workshop.Version + 1}\"", answer.Headers.ETag.ToString());
        Assert.Equal("cancelled", answer.Body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Delete_AnUnusedWorkshop_Answers204()
    {
        var id = Guid.NewGuid();
        _store.Setup(s => s.DeleteUnusedAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        var http = Request(_admin);

        var answer = await RunAsync(http, await _functions.Delete(http.Request, id, CancellationToken.None));

        Assert.Equal(204, answer.Status);
    }

    [Fact]
    public async Task Delete_AnUnknownWorkshop_Answers404Problem()
    {
        var http = Request(_admin);

        var answer = await RunAsync(http, await _functions.Delete(http.Request, Guid.NewGuid(), CancellationToken.None));

        AssertProblem(answer, 404);
    }

    [Fact]
    public async Task Delete_AWorkshopThatHadRegistrations_Answers409Problem()
    {
        var workshop = Arrange(Workshop());
        var http = Request(_admin);

        var answer = await RunAsync(http, await _functions.Delete(http.Request, workshop.Id, CancellationToken.None));

        AssertProblem(answer, 409);
    }

    [Fact]
    public async Task List_AnswersThePageTheStoreReturns_WithTheRequestedPaging()
    {
        var workshops = new[] { Workshop(), Workshop() };
        _store.Setup(s => s.ListAsync(It.IsAny<WorkshopQuery>(), null, new PageRequest(3, 2), It.IsAny<CancellationToken>()))
            .ReturnsAsync((workshops, 42L));
        var http = Request(null, query: "?page=3&pageSize=2");

        var answer = await RunAsync(http, await _functions.List(http.Request, CancellationToken.None));

        Assert.Equal(200, answer.Status);
        Assert.Equal(3, answer.Body.GetProperty("page").GetInt32());
        Assert.Equal(2, answer.Body.GetProperty("pageSize").GetInt32());
        Assert.Equal(42, answer.Body.GetProperty("total").GetInt64());
        Assert.Equal(workshops.Select(w => w.Id), answer.Body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task List_ReadsEveryFilter()
    {
        var trainerId = Guid.NewGuid();
        var expected = new WorkshopQuery(new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 7, 31, 22, 0, 0, DateTimeKind.Utc),
            trainerId, "sql", true, "published", true);
        _store.Setup(s => s.ListAsync(expected, _admin, new PageRequest(1, 20), It.IsAny<CancellationToken>()))
            .ReturnsAsync(([Workshop()], 1L));
        var http = Request(_admin, query: $"?from=2026-07-01T00:00:00Z&to=2026-08-01T00:00:00%2B02:00&trainerId={trainerId}&q=%20sql%20&available=true&status=published&sort=-startsAt");

        var answer = await RunAsync(http, await _functions.List(http.Request, CancellationToken.None));

        Assert.Equal(1, answer.Body.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("?from=2026-08-01T00:00:00Z&to=2026-07-01T00:00:00Z", "to")]
    [InlineData("?available=yes", "available")]
    [InlineData("?status=archived", "status")]
    [InlineData("?trainerId=42", "trainerId")]
    public async Task List_WithAParameterItCannotUse_Answers400NamingIt(string query, string parameter)
    {
        var http = Request(null, query: query);

        var answer = await RunAsync(http, await _functions.List(http.Request, CancellationToken.None));

        AssertProblem(answer, 400, parameter);
    }

    // ---- helpers ----

    private static WorkshopRecord Workshop() =>
        new(Guid.NewGuid(), "Existing", "Described", Guid.Empty, "A trainer", Now.AddDays(5), Now.AddDays(5).AddHours(3),
            "Room 1", 20, 0, WorkshopStatus.Published, Now.AddDays(-1), Now.AddDays(-1), 2);

    private WorkshopRecord Arrange(WorkshopRecord workshop)
    {
        if (workshop.TrainerId == Guid.Empty)
        {
            workshop = workshop with { TrainerId = _trainer.Id };
        }

        _store.Setup(s => s.FindAsync(workshop.Id, It.IsAny<CancellationToken>())).ReturnsAsync(workshop);
        return workshop;
    }

    private DefaultHttpContext Request(Caller? caller, string? json = null, string? ifMatch = null, string? query = null)
    {
        var http = new DefaultHttpContext { RequestServices = _services };
        http.Response.Body = new MemoryStream();
        if (caller is not null)
        {
            http.User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(TokenClaims.Subject, caller.Id.ToString()), new Claim(TokenClaims.Role, caller.Role)], "Bearer"));
        }

        if (json is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            http.Request.Body = new MemoryStream(bytes);
            http.Request.ContentLength = bytes.Length;
            http.Request.ContentType = "application/json";
        }

        if (ifMatch is not null)
        {
            http.Request.Headers.IfMatch = new StringValues(ifMatch);
        }

        if (query is not null)
        {
            http.Request.QueryString = new QueryString(query);
        }

        return http;
    }

    private static async Task<Answer> RunAsync(DefaultHttpContext http, IResult result)
    {
        await result.ExecuteAsync(http);
        http.Response.Body.Position = 0;
        using var reader = new StreamReader(http.Response.Body);
        var text = await reader.ReadToEndAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new Answer(http.Response.StatusCode, http.Response.Headers, http.Response.ContentType, body);
    }

    private static void AssertProblem(Answer answer, int status, params string[] fields)
    {
        Assert.Equal(status, answer.Status);
        Assert.StartsWith("application/problem+json", answer.ContentType, StringComparison.Ordinal);
        Assert.Equal(status, answer.Body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(answer.Body.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrEmpty(answer.Body.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(answer.Body.GetProperty("traceId").GetString()));
        if (fields.Length > 0)
        {
            Assert.Equal(fields.Order(StringComparer.Ordinal), answer.Body.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        }
    }

    private sealed record Answer(int Status, IHeaderDictionary Headers, string? ContentType, JsonElement Body);
}
