using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Auth;
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
    public const string SigningKey = "test-signing-key-of-more-than-thirty-two-bytes-0123456789";
    public const string DefaultPassword = "correct horse battery staple";

    private static readonly Lazy<string> DefaultPasswordHash = new(() => new PasswordHasher().Hash(DefaultPassword));

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

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static JsonContent Json(object body) => JsonContent.Create(body, options: JsonDefaults.Options);

    public static StringContent RawJson(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
