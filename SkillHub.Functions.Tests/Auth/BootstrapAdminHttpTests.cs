using System.Net;
using Dapper;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Auth;

public sealed class BootstrapAdminAppFixture : AppFixture
{
    public const string AdminEmail = "root-admin@example.test";
    public const string AdminPassword = "amber lantern over quiet harbour";

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Bootstrap:AdminEmail", AdminEmail),
        new("Bootstrap:AdminPassword", AdminPassword),
    ];
}

public sealed class BootstrapAdminHttpTests(BootstrapAdminAppFixture app) : IClassFixture<BootstrapAdminAppFixture>
{
    [Fact]
    public async Task Startup_WithBootstrapSettings_CreatesAnAdminWhoCanLogIn()
    {
        var response = await app.Client.PostAsync("/api/auth/login",
            AppFixture.Json(new { email = BootstrapAdminAppFixture.AdminEmail, password = BootstrapAdminAppFixture.AdminPassword }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var user = (await AppFixture.ReadJsonAsync(response)).GetProperty("user");
        Assert.Equal(Roles.Admin, user.GetProperty("role").GetString());
        Assert.Equal(BootstrapAdminAppFixture.AdminEmail, user.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Startup_WhenAnAdminExists_CreatesNoOtherAdmin()
    {
        await using var second = await AppInstance.StartAsync(app.Database.ConnectionString,
        [
            new("Bootstrap:AdminEmail", "another-root@example.test"),
            new("Bootstrap:AdminPassword", "another lantern over quiet harbour"),
        ]);

        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        var admins = (await connection.QueryAsync<string>("SELECT email FROM users WHERE role = 'admin'")).ToList();
        Assert.Equal([BootstrapAdminAppFixture.AdminEmail], admins);
    }
}
