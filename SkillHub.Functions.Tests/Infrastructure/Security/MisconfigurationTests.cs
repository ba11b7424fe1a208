using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Infrastructure.Security;

/// <summary>Settings and headers that make a deployment safe by default (OWASP API8).</summary>
public sealed class MisconfigurationTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static IHostEnvironment Environment(string name) => Mock.Of<IHostEnvironment>(e => e.EnvironmentName == name);

    private static IConfiguration Settings(string? signingKey) => new ConfigurationBuilder()
        .AddInMemoryCollection(signingKey is null ? [] : [new("Jwt:SigningKey", signingKey)])
        .Build();

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void WithoutASigningKey_OutsideDevelopment_TheAppRefusesToStart_SayingHowToMakeOne(string environment)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => JwtOptions.Load(Settings(null), Environment(environment)));

        Assert.Contains("Jwt__SigningKey is not set", refused.Message, StringComparison.Ordinal);
        Assert.Contains("openssl rand", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithAShortSigningKey_TheAppRefusesToStart_WithoutPrintingTheKey()
    {
        const string shortKey = "only-twenty-bytes-ok";

        var refused = Assert.Throws<InvalidOperationException>(() => JwtOptions.Load(Settings(shortKey), Environment("Production")));

        Assert.Contains("at least 32", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(shortKey, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LoginThrottle:AccountAddressMaxFailures", "0", "LoginThrottle settings")]
    [InlineData("LoginThrottle:AccountMaxFailures", "-1", "LoginThrottle settings")]
    [InlineData("RegisterThrottle:MaxPerAddress", "0", "RegisterThrottle settings")]
    [InlineData("Passwords:MaxConcurrentHashes", "0", "Passwords__MaxConcurrentHashes")]
    [InlineData("Passwords:QueueWaitMilliseconds", "60001", "Passwords__QueueWaitMilliseconds")]
    public void WithAThrottleOrHashingSettingOutOfRange_TheAppRefusesToStart_NamingIt(string setting, string value, string named)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
            [
                new("ConnectionStrings:Postgres", "Host=127.0.0.1;Port=1;Database=none"),
                new("Jwt:SigningKey", AppFixture.SigningKey),
                new("ConnectionStrings:MongoDB", "mongodb://127.0.0.1:1"),
                new(setting, value),
            ])
            .Build();

        var refused = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddSkillHub(configuration, Environment("Production")));

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InDevelopment_WithoutASigningKey_ARandomKeyIsUsed_AndSaidToBeEphemeral()
    {
        var (_, key, ephemeral) = JwtOptions.Load(Settings(null), Environment("Development"));

        Assert.True(ephemeral);
        Assert.Equal(64, key.Key.Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("replace-with-a-backup-signing-key-0123456789")]
    public void WithoutAStrongBackupSigningKey_OutsideDevelopment_TheAppRefusesToStart_NamingTheSettingWithoutEchoingIt(string? key)
    {
        string[] settings =
        [
            "--ConnectionStrings:Postgres=Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none",
            "--SkillHub:DocumentStore=memory",
            $"--Jwt:SigningKey={AppFixture.SigningKey}",
            "--urls=http://127.0.0.1:0",
        ];

        var refused = Assert.Throws<InvalidOperationException>(() => SkillHub.Standalone.Hosting.StandaloneHost.Build(key is null ? settings : [.. settings, $"--Backup:SigningKey={key}"]));

        Assert.Contains("Backup__SigningKey", refused.Message, StringComparison.Ordinal);
        Assert.Contains("openssl rand", refused.Message, StringComparison.Ordinal);
        if (key is not null)
        {
            Assert.DoesNotContain(key, refused.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=not-a-port;Username=skillhub;Password=s3cret-in-the-string")]
    [InlineData("Host=127.0.0.1;Username=skillhub;Passwrd=s3cret-in-the-string")]
    public void AMalformedPostgresConnectionString_KeepsTheAppFromStarting_AtComposition_WithoutEchoingIt(string connectionString)
    {
        // Under the Functions host the databases are prepared after the worker connects: a string that can never work must not get that far.
        var refused = Assert.Throws<InvalidOperationException>(() => ComposedApp.Build(connectionString));

        Assert.Contains("ConnectionStrings__Postgres", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-in-the-string", SkillHub.Functions.Infrastructure.Sql.StartupFailures.Describe(refused), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginRefreshAndMe_WhichCarryTokensAndPersonalData_AreNeverStoredByACache_NorLeakTheirAddress()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        using var client = app.CreateClient();

        using var login = await client.PostAsync(new Uri("/api/auth/login", UriKind.Relative), AppFixture.Json(new { email = user.Email, password = user.Password }));
        var tokens = await AppFixture.ReadJsonAsync(login);
        using var refresh = await client.PostAsync(new Uri("/api/auth/refresh", UriKind.Relative), AppFixture.Json(new { refreshToken = tokens.GetProperty("refreshToken").GetString() }));
        using var me = await app.ClientFor(user).GetAsync(new Uri("/api/me", UriKind.Relative));

        foreach (var (response, expected) in new[] { (login, HttpStatusCode.OK), (refresh, HttpStatusCode.OK), (me, HttpStatusCode.OK) })
        {
            Assert.Equal(expected, response.StatusCode);
            AssertSecurityHeaders(response);
        }
    }

    [Theory]
    [InlineData("/api/health", HttpStatusCode.OK)]
    [InlineData("/api/me", HttpStatusCode.Unauthorized)]
    [InlineData("/api/workshops?pageSize=1000", HttpStatusCode.BadRequest)]
    [InlineData("/api/workshops?pageSize=1", HttpStatusCode.OK)]
    public async Task EveryAnswerOfAFunction_ProblemsIncluded_ForbidsContentSniffingCachingAndReferrers(string path, HttpStatusCode expected)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.True(response.Headers.CacheControl?.NoStore, $"{response.RequestMessage?.RequestUri} lacks Cache-Control: no-store");
        Assert.Equal(["no-referrer"], response.Headers.GetValues("Referrer-Policy"));
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
    }
}
