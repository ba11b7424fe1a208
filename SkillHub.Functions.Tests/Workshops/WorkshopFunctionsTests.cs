using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SkillHub.Functions.Attendance;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Json;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Workshops;
using SkillHub.Standalone.Documents;

namespace SkillHub.Functions.Tests.Workshops;

/// <summary>
/// The functions over a mocked store: what they compute and read that the HTTP tests cannot pin
/// down (the workshop's derived fields, every list filter as the store receives it).
/// </summary>
public sealed class WorkshopFunctionsTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private readonly Mock<IWorkshopStore> _store = new();
    private readonly WorkshopFunctions _functions;
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddLogging()
        .ConfigureHttpJsonOptions(options => JsonDefaults.Configure(options.SerializerOptions))
        .BuildServiceProvider();

    private readonly Caller _admin = new(Guid.NewGuid(), Roles.Admin);

    public WorkshopFunctionsTests()
    {
        var service = new WorkshopService(_store.Object, Mock.Of<IWorkshopRegistrations>(), new SkillHub.Functions.Notifications.NotificationSignal(), new FixedClock(new DateTimeOffset(Now)), NullLogger<WorkshopService>.Instance);
        _functions = new WorkshopFunctions(service, _store.Object, new WorkshopFigures(new MemoryCommentStore(), new MemoryRegistrationStore()));
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Get_ComputesAvailableSeats_AndWritesUtcTimestamps()
    {
        var workshop = Workshop() with { Capacity = 10, SeatsTaken = 4 };
        _store.Setup(s => s.FindVisibleAsync(workshop.Id, null, It.IsAny<CancellationToken>())).ReturnsAsync(workshop);
        var http = Request(null);

        var answer = await RunAsync(http, await _functions.Get(http.Request, workshop.Id, CancellationToken.None));

        Assert.Equal(6, answer.GetProperty("availableSeats").GetInt32());
        Assert.Equal("2026-06-06T12:00:00Z", answer.GetProperty("startsAt").GetString());
        Assert.Equal(workshop.TrainerId, answer.GetProperty("trainer").GetProperty("id").GetGuid());
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

        Assert.Equal(1, answer.GetProperty("total").GetInt64());
    }

    // ---- helpers ----

    private static WorkshopRecord Workshop() =>
        new(Guid.NewGuid(), "Existing", "Described", Guid.Empty, "A trainer", Now.AddDays(5), Now.AddDays(5).AddHours(3),
            "Room 1", 20, 0, WorkshopStatus.Published, Now.AddDays(-1), Now.AddDays(-1), 2);

    private DefaultHttpContext Request(Caller? caller, string? query = null)
    {
        var http = new DefaultHttpContext { RequestServices = _services };
        http.Response.Body = new MemoryStream();
        if (caller is not null)
        {
            http.User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(TokenClaims.Subject, caller.Id.ToString()), new Claim(TokenClaims.Role, caller.Role)], "Bearer"));
        }

        if (query is not null)
        {
            http.Request.QueryString = new QueryString(query);
        }

        return http;
    }

    private static async Task<JsonElement> RunAsync(DefaultHttpContext http, IResult result)
    {
        await result.ExecuteAsync(http);
        http.Response.Body.Position = 0;
        using var reader = new StreamReader(http.Response.Body);
        return JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone();
    }
}
