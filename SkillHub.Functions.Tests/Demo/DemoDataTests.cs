using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Demo;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Demo;

/// <summary>The dataset scripts/start.sh loads: what a newcomer sees first.</summary>
public sealed class DemoDataTests(DemoDataTests.DemoApp app) : IClassFixture<DemoDataTests.DemoApp>
{
    public sealed class DemoApp : AppFixture
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            [new(DemoData.Setting, Path.Combine(AppContext.BaseDirectory, "data", "demo.json"))];
    }

    [Fact]
    public async Task DemoData_PublishesAdozenUpcomingWorkshopsByThreeTrainers()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/api/workshops?pageSize=100");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await AppFixture.ReadJsonAsync(response)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(12, items.Count);
        Assert.All(items, w => Assert.Equal("published", w.GetProperty("status").GetString()));
        Assert.All(items, w => Assert.True(w.GetProperty("startsAt").GetDateTime() > DateTime.UtcNow));
        Assert.Equal(3, items.Select(w => w.GetProperty("trainer").GetProperty("id").GetGuid()).Distinct().Count());
    }

    [Fact]
    public async Task DemoAccounts_CanLogInWithThePrintedPasswords()
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsync("/api/auth/login", AppFixture.Json(new { email = "admin@skillhub.demo", password = "Demo-Admin-2026" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("admin", (await AppFixture.ReadJsonAsync(response)).GetProperty("user").GetProperty("role").GetString());
    }

    [Fact]
    public async Task DemoData_SeededTwice_CreatesNothingMore()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedIfRequestedAsync(CancellationToken.None);
        }

        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        Assert.Equal(6, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM users"));
        Assert.Equal(12, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM workshops"));
    }
}
