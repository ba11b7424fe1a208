using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Infrastructure.Json;
using SkillHub.Functions.Users;

namespace SkillHub.Functions.Tests.Support;

/// <summary>A user made for a test, with a real access token minted by the app's own code in a session of its own.</summary>
public sealed record TestUser(Guid Id, string Email, string Password, string Role, string AccessToken, Guid SessionId);

/// <summary>
/// The standalone host, started in this process on a free loopback port over a database of its own,
/// with the in-memory document store. Tests talk to it over real HTTP.
/// </summary>
public class AppFixture : IAsyncLifetime
{
    /// <summary>48 random bytes, made once with `openssl rand -base64 48`: a key the app accepts, and tests only.</summary>
    public const string SigningKey = "z0Z4fJ56VNCYvXnWDaQ8AnZtwXbNCfvuq6Aw4UiPxRaCuQsYJUilhRiqjlLMSEL5";

    /// <summary>The backup signing key of every test app (48 random bytes): a set one test app writes, another restores.</summary>
    public const string BackupSigningKey = "HXpVh7dsQGbji4PKtN06P67Yk4v6NwmYfvriYn4Lu2oqLBKiFsbWPY7LQ9bmUmp7";

    /// <summary>Signs and verifies as the test apps do.</summary>
    public static BackupSigner BackupSigner => new(Convert.FromBase64String(BackupSigningKey), []);

    public const string DefaultPassword = "correct horse battery staple";

    private static readonly Lazy<string> DefaultPasswordHash = new(() => TestHashers.Shared.HashAsync(DefaultPassword, CancellationToken.None).GetAwaiter().GetResult());

    private AppInstance? _instance;

    public PostgresDatabase Database { get; } = new();

    public HttpClient Client => Instance.Client;

    public Uri BaseAddress => Instance.BaseAddress;

    public IServiceProvider Services => Instance.Services;

    /// <summary>Settings this fixture adds to (or overrides in) the app's configuration.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    /// <summary>Services registered before the app's own (a test double replaces the app's store).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    private AppInstance Instance => _instance ?? throw new InvalidOperationException("The app is not started.");

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        _instance = await AppInstance.StartAsync(Database.ConnectionString, Settings, ConfigureServices);
    }

    /// <summary>Stops the app gracefully, then starts a new instance with the same database, settings and services: what a restart keeps.</summary>
    public async Task RestartAsync()
    {
        var stopping = Instance;
        _instance = null;
        await stopping.DisposeAsync();
        _instance = await AppInstance.StartAsync(Database.ConnectionString, Settings, ConfigureServices);
    }

    public async Task DisposeAsync()
    {
        if (_instance is not null)
        {
            await _instance.DisposeAsync();
        }

        await Database.DisposeAsync();
    }

    public HttpClient CreateClient(string? accessToken = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return client;
    }

    public HttpClient ClientFor(TestUser user) => CreateClient(user.AccessToken);

    /// <summary>Creates a user directly in the database (password <see cref="DefaultPassword"/>) and mints a token for them, in a session of their own.</summary>
    public async Task<TestUser> CreateUserAsync(string role, string? email = null, string? displayName = null)
    {
        email ??= $"{role}-{Guid.NewGuid():N}@example.test";
        var now = DateTime.UtcNow;
        var record = new UserRecord(Guid.CreateVersion7(), email, displayName ?? $"Test {role}", DefaultPasswordHash.Value, role, false, now, now);
        var inserted = await Services.GetRequiredService<IUserStore>().TryInsertAsync(record, CancellationToken.None);
        Assert.True(inserted, $"Could not insert test user {email}.");
        var (session, token) = await TestSessions.StartAsync(Services, record.Id, role);
        return new TestUser(record.Id, email, DefaultPassword, role, token, session);
    }

    /// <summary>A POST as a trusted proxy (<c>SkillHub:TrustForwardedFor</c>) reports it from <paramref name="address"/>.</summary>
    public async Task<HttpResponseMessage> PostFromAsync(string address, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
        request.Headers.Add("X-Forwarded-For", address);
        return await Client.SendAsync(request);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static JsonContent Json(object body) => JsonContent.Create(body, options: JsonDefaults.Options);

    public static StringContent RawJson(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
