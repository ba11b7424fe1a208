using System.Net;
using SkillHub.Functions.Infrastructure.Sql;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Infrastructure.Hosting;

/// <summary>
/// Under the Functions host the worker serves before its databases are prepared: until they are, the gate turns
/// every function but the health check and the OpenAPI document away, and the health check says what start-up waits for.
/// </summary>
public sealed class StartupGateTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task UntilStartUpHasPreparedTheDatabases_EveryFunctionButHealthAnswers503WithRetryAfter_ThenEachServes()
    {
        await using var app = await AppInstance.StartAsync(database.ConnectionString, prepared: false);

        using (var workshops = await app.Client.GetAsync("/api/workshops"))
        {
            var problem = await HttpProblem.AssertAsync(workshops, 503);
            Assert.True(workshops.Headers.RetryAfter?.Delta > TimeSpan.Zero, "A 503 while starting must say when to come back (Retry-After).");
            Assert.Contains("starting", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        }

        using (var health = await app.Client.GetAsync("/api/health"))
        {
            var problem = await HttpProblem.AssertAsync(health, 503);
            Assert.NotNull(health.Headers.RetryAfter);
            Assert.Equal("starting", problem.GetProperty("checks").GetProperty("startup").GetString());
        }

        await app.Services.PrepareDatabasesAsync();

        using var served = await app.Client.GetAsync("/api/workshops");
        using var healthy = await app.Client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.False((await AppFixture.ReadJsonAsync(healthy)).GetProperty("checks").TryGetProperty("startup", out _));
    }

    [Fact]
    public async Task WhileStarting_TheOpenApiDocument_IsServed()
    {
        await using var app = await AppInstance.StartAsync(database.ConnectionString, prepared: false);

        using var document = await app.Client.GetAsync("/api/openapi.yaml");

        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.StartsWith("openapi: 3", await document.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
