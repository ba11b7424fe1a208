using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Npgsql;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Support;
using SkillHub.Standalone.Documents;

namespace SkillHub.Functions.Tests.Registrations;

/// <summary>A document store that refuses every registration write: the client gets a 503 problem, and no seat stays taken.</summary>
public sealed class RegistrationFailureHttpTests(RegistrationFailureHttpTests.BrokenDocumentsApp app) : IClassFixture<RegistrationFailureHttpTests.BrokenDocumentsApp>
{
    public sealed class BrokenDocumentsApp : AppFixture
    {
        public MemoryRegistrationStore Documents { get; } = new();

        protected override void ConfigureServices(IServiceCollection services)
        {
            var store = new Mock<IRegistrationStore>();
            store.Setup(s => s.FindAsync(It.IsAny<Guid>(), It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
                .Returns((Guid w, Guid u, CancellationToken ct) => Documents.FindAsync(w, u, ct));
            store.Setup(s => s.FirstWaitlistedAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
                .Returns((Guid w, CancellationToken ct) => Documents.FirstWaitlistedAsync(w, ct));
            store.Setup(s => s.AttendanceCountsAsync(It.IsAny<IReadOnlyCollection<Guid>>(), It.IsAny<CancellationToken>()))
                .Returns((IReadOnlyCollection<Guid> ids, CancellationToken ct) => Documents.AttendanceCountsAsync(ids, ct));
            store.Setup(s => s.InsertAsync(It.IsAny<Registration>(), It.IsAny<CancellationToken>()))
                .ThrowsAsync(new TimeoutException("A timeout occurred after 30000ms selecting a server."));
            services.AddSingleton(store.Object);
        }
    }

    [Fact]
    public async Task Register_WhenTheDocumentWriteFails_Answers503Problem_AndGivesTheSeatBack()
    {
        var (workshopId, _) = await RegistrationTestData.PublishedWorkshopAsync(app, capacity: 3);
        using var client = app.ClientFor(await app.CreateUserAsync(Roles.Participant));

        using var response = await client.PostAsync($"/api/workshops/{workshopId}/registrations", null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("30000ms", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await RegistrationTestData.SeatsTakenAsync(app, workshopId));
    }
}

/// <summary>PostgreSQL gone under a running app: registering answers 503 and no document is written.</summary>
public sealed class RegistrationPostgresOutageTests : IAsyncLifetime
{
    private readonly AppFixture _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Register_WhenPostgresIsDown_Answers503_AndWritesNoDocument()
    {
        var (workshopId, _) = await RegistrationTestData.PublishedWorkshopAsync(_app, capacity: 3);
        var participant = await _app.CreateUserAsync(Roles.Participant);
        var server = new NpgsqlConnectionStringBuilder(_app.Database.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{_app.Database.Name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        var (status, body) = await RegistrationTestData.RegisterAsync(_app, workshopId, participant);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(503, body.GetProperty("status").GetInt32());
        var counts = await _app.Services.GetRequiredService<IRegistrationStore>().CountAsync(workshopId, CancellationToken.None);
        Assert.Equal(new RegistrationCounts(0, 0, 0), counts);
    }
}
