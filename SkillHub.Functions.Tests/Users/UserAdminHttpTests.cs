using System.Net;
using Dapper;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Auth;

namespace SkillHub.Functions.Tests.Users;

/// <summary>GET/POST /api/users and PATCH /api/users/{id}: admins only.</summary>
public sealed class UserAdminHttpTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string GoodPassword = "violet tram under the kettle";

    [Fact]
    public async Task ListUsers_ByRole_PagesThroughThatRoleOnly_WithTheTotal_AndNoPasswordHash()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        for (var i = 0; i < 3; i++)
        {
            await app.CreateUserAsync(Roles.Trainer);
        }

        await app.CreateUserAsync(Roles.Participant);
        var trainers = await CountAsync("SELECT count(*) FROM users WHERE role = 'trainer'");
        using var client = app.ClientFor(admin);

        var first = await AppFixture.ReadJsonAsync(await client.GetAsync("/api/users?role=trainer&page=1&pageSize=2"));
        var second = await AppFixture.ReadJsonAsync(await client.GetAsync("/api/users?role=trainer&page=2&pageSize=2"));

        Assert.Equal(trainers, first.GetProperty("total").GetInt64());
        Assert.Equal((1, 2), (first.GetProperty("page").GetInt32(), first.GetProperty("pageSize").GetInt32()));
        var items = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(Math.Min(trainers, 4), items.Count);
        Assert.All(items, u => Assert.Equal(Roles.Trainer, u.GetProperty("role").GetString()));
        Assert.Equal(items.Count, items.Select(u => u.GetProperty("id").GetString()).Distinct().Count());
        Assert.All(items, AuthHttpTests.AssertNoPasswordField);
    }

    [Fact]
    public async Task ListUsers_AsATrainer_Answers403Problem()
    {
        using var client = app.ClientFor(await app.CreateUserAsync(Roles.Trainer));

        await HttpProblem.AssertAsync(await client.GetAsync("/api/users"), 403);
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=101")]
    [InlineData("page=abc")]
    [InlineData("pageSize=abc")]
    [InlineData("page=-1")]
    [InlineData("role=root")]
    public async Task ListUsers_WithABadQueryParameter_Answers400NamingIt(string query)
    {
        using var client = app.ClientFor(await app.CreateUserAsync(Roles.Admin));

        var problem = await HttpProblem.AssertAsync(await client.GetAsync($"/api/users?{query}"), 400);

        Assert.Equal([query[..query.IndexOf('=', StringComparison.Ordinal)]], HttpProblem.Fields(problem));
    }

    [Fact]
    public async Task CreateUser_ByAnAdmin_Answers201ATrainer()
    {
        using var client = app.ClientFor(await app.CreateUserAsync(Roles.Admin));
        var email = $"trainer-{Guid.NewGuid():N}@example.test";

        var response = await client.PostAsync("/api/users", AppFixture.Json(new { email, password = GoodPassword, displayName = "Tom Trainer", role = "trainer" }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var user = await AppFixture.ReadJsonAsync(response);
        Assert.Equal(Roles.Trainer, user.GetProperty("role").GetString());
        AuthHttpTests.AssertNoPasswordField(user);
        Assert.Equal("trainer", await ScalarAsync<string>("SELECT role FROM users WHERE email = @email", new { email }));
    }

    [Fact]
    public async Task CreateUser_ByATrainer_Answers403_AndWritesNoUser()
    {
        using var client = app.ClientFor(await app.CreateUserAsync(Roles.Trainer));
        var email = $"admin-{Guid.NewGuid():N}@example.test";

        var response = await client.PostAsync("/api/users", AppFixture.Json(new { email, password = GoodPassword, displayName = "Eve", role = "admin" }));

        await HttpProblem.AssertAsync(response, 403);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM users WHERE email = @email", new { email }));
    }

    [Fact]
    public async Task CreateUser_Anonymously_Answers401()
    {
        var response = await app.Client.PostAsync("/api/users",
            AppFixture.Json(new { email = $"x-{Guid.NewGuid():N}@example.test", password = GoodPassword, displayName = "Eve", role = "admin" }));

        await HttpProblem.AssertAsync(response, 401);
    }

    [Fact]
    public async Task CreateUser_WithAnUnknownRole_Answers422NamingRole()
    {
        using var client = app.ClientFor(await app.CreateUserAsync(Roles.Admin));

        var response = await client.PostAsync("/api/users",
            AppFixture.Json(new { email = $"x-{Guid.NewGuid():N}@example.test", password = GoodPassword, displayName = "Eve", role = "root" }));

        Assert.Equal(["role"], HttpProblem.Fields(await HttpProblem.AssertAsync(response, 422)));
    }

    [Fact]
    public async Task UpdateUser_WithAnUnknownProperty_Answers422NamingIt_AndChangesNothing()
    {
        using var client = app.ClientFor(await app.CreateUserAsync(Roles.Admin));
        var target = await app.CreateUserAsync(Roles.Participant);

        var response = await client.PatchAsync($"/api/users/{target.Id}", AppFixture.Json(new { email = "taken-over@example.test", displayName = "Renamed" }));

        Assert.Equal(["email"], HttpProblem.Fields(await HttpProblem.AssertAsync(response, 422)));
        Assert.Equal(target.Email, await ScalarAsync<string>("SELECT email FROM users WHERE id = @id", new { id = target.Id }));
    }

    [Fact]
    public async Task UpdateUser_ByAnAdmin_ChangesTheRole()
    {
        using var client = app.ClientFor(await app.CreateUserAsync(Roles.Admin));
        var target = await app.CreateUserAsync(Roles.Participant);

        var response = await client.PatchAsync($"/api/users/{target.Id}", AppFixture.Json(new { role = "trainer" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Roles.Trainer, (await AppFixture.ReadJsonAsync(response)).GetProperty("role").GetString());
        Assert.Equal("trainer", await ScalarAsync<string>("SELECT role FROM users WHERE id = @id", new { id = target.Id }));
    }

    [Fact]
    public async Task UpdateUser_AnUnknownId_Answers404()
    {
        using var client = app.ClientFor(await app.CreateUserAsync(Roles.Admin));

        await HttpProblem.AssertAsync(await client.PatchAsync($"/api/users/{Guid.NewGuid()}", AppFixture.Json(new { displayName = "Nobody" })), 404);
    }

    [Fact]
    public async Task UpdateUser_WithAnEmptyObject_Answers422()
    {
        using var client = app.ClientFor(await app.CreateUserAsync(Roles.Admin));
        var target = await app.CreateUserAsync(Roles.Participant);

        await HttpProblem.AssertAsync(await client.PatchAsync($"/api/users/{target.Id}", AppFixture.RawJson("{}")), 422);
    }

    private async Task<long> CountAsync(string sql, object? parameters = null) => await ScalarAsync<long>(sql, parameters);

    private async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }
}
