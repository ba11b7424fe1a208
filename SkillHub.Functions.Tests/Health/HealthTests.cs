using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Moq;
using Npgsql;
using SkillHub.Functions.Health;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Tests.Support;
using SkillHub.Standalone.Documents;

namespace SkillHub.Functions.Tests.Health;

public sealed class HealthFunctionTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Health_WithBothStoresReachable_Answers200Healthy()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await AppFixture.ReadJsonAsync(response);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("healthy", body.GetProperty("checks").GetProperty("postgres").GetString());
        Assert.StartsWith("healthy", body.GetProperty("checks").GetProperty("mongodb").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_WhenTheDocumentStoreIsDown_Answers503NamingIt()
    {
        var probe = new Mock<IDocumentStoreProbe>();
        probe.SetupGet(p => p.Kind).Returns(DocumentStoreKind.MongoDb);
        probe.Setup(p => p.IsReachableAsync(It.IsAny<CancellationToken>())).ReturnsAsync(false);
        var function = new HealthFunction(app.Database.DataSource, probe.Object, TestReadiness.Ready());

        var (status, body) = await ExecuteAsync(await function.Run(new DefaultHttpContext().Request, CancellationToken.None));

        Assert.Equal(503, status);
        Assert.Equal("unhealthy", body.GetProperty("checks").GetProperty("mongodb").GetString());
        Assert.Equal("healthy", body.GetProperty("checks").GetProperty("postgres").GetString());
    }

    [Fact]
    public async Task Health_WhenPostgresIsDown_Answers503NamingIt()
    {
        await using var unreachable = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=nobody;Password=none;Timeout=2");
        var function = new HealthFunction(unreachable, new MemoryDocumentStoreProbe(), TestReadiness.Ready());

        var (status, body) = await ExecuteAsync(await function.Run(new DefaultHttpContext().Request, CancellationToken.None));

        Assert.Equal(503, status);
        Assert.Equal("unhealthy", body.GetProperty("checks").GetProperty("postgres").GetString());
        Assert.Equal("Service unavailable", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Health_WhileStartUpWaitsForADatabase_Answers503SayingWhatItWaitsFor()
    {
        const string waiting = "waiting for PostgreSQL (attempt 4): ConnectionRefused";
        var function = new HealthFunction(app.Database.DataSource, new MemoryDocumentStoreProbe(), TestReadiness.Waiting(waiting));

        var (status, body) = await ExecuteAsync(await function.Run(new DefaultHttpContext().Request, CancellationToken.None));

        Assert.Equal(503, status);
        Assert.Equal(waiting, body.GetProperty("checks").GetProperty("startup").GetString());
        Assert.Equal($"Starting: {waiting}.", body.GetProperty("detail").GetString());
        Assert.Equal("healthy", body.GetProperty("checks").GetProperty("postgres").GetString());
    }

    private static async Task<(int Status, JsonElement Body)> ExecuteAsync(Results<Ok<HealthResponse>, ProblemResult> result)
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        Assert.IsType<ProblemResult>(result.Result);
        return (context.Response.StatusCode, (await JsonDocument.ParseAsync(context.Response.Body)).RootElement.Clone());
    }
}

/// <summary>PostgreSQL going away under a running app: 503 problems, never a driver message.</summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly AppFixture _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task WhenTheDatabaseDisappears_ReadsAndHealthAnswer503ProblemsWithoutInternals()
    {
        var server = new NpgsqlConnectionStringBuilder(_app.Database.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{_app.Database.Name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        using var client = _app.CreateClient();
        using var list = await client.GetAsync("/api/workshops");
        using var health = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, list.StatusCode);
        Assert.Equal("application/problem+json", list.Content.Headers.ContentType?.MediaType);
        var text = await list.Content.ReadAsStringAsync();
        Assert.DoesNotContain("does not exist", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Npgsql", text, StringComparison.Ordinal);
        Assert.DoesNotContain(_app.Database.Name, text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("unhealthy", (await AppFixture.ReadJsonAsync(health)).GetProperty("checks").GetProperty("postgres").GetString());
    }
}
