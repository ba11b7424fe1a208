using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace SkillHub.Functions.Tests.Support.GrpcHost;

/// <summary>
/// The real worker behind the gRPC test host, over a database of its own and the in-memory document
/// store, with a bootstrap admin. Tests reach it only through the host's front door: users are made
/// and logged in over HTTP, as a client would.
/// </summary>
public class WorkerHostFixture : IAsyncLifetime
{
    public const string AdminEmail = "root@worker.test";
    public const string AdminPassword = "worker harbour lantern quietly";

    public const string UserPassword = "a slow walk along the quiet river";

    private GrpcTestHost? _host;

    public PostgresDatabase Database { get; } = new();

    public GrpcTestHost Host => _host ?? throw new InvalidOperationException("The host is not started.");

    public HttpClient Client => Host.Client;

    /// <summary>The app settings the host gives its worker, as environment variables (the host's own app settings).</summary>
    public virtual IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?>(TestAppSettings.ForWorker(Database.ConnectionString))
    {
        ["Bootstrap__AdminEmail"] = AdminEmail,
        ["Bootstrap__AdminPassword"] = AdminPassword,
    };

    public virtual async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        _host = await GrpcTestHost.StartAsync(AppSettings);
        await Host.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await Database.DisposeAsync();
    }

    public HttpClient CreateClient(string? accessToken = null)
    {
        var client = new HttpClient { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromSeconds(90) };
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return client;
    }

    public async Task<string> LoginAsync(string email, string password)
    {
        using var response = await Client.PostAsync("api/auth/login", AppFixture.Json(new { email, password }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Login of {email} answered {(int)response.StatusCode}: {body}{Environment.NewLine}{Host.Worker.Output}");
        return JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString()!;
    }

    public Task<string> LoginAdminAsync() => LoginAsync(AdminEmail, AdminPassword);

    /// <summary>A trainer created by the admin over HTTP, logged in.</summary>
    public async Task<string> CreateTrainerAsync()
    {
        using var admin = CreateClient(await LoginAdminAsync());
        var email = $"trainer-{Guid.NewGuid():N}@worker.test";
        using var created = await admin.PostAsJsonAsync("api/users", new { email, displayName = "Worker Trainer", password = UserPassword, role = "trainer" });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        return await LoginAsync(email, UserPassword);
    }

    /// <summary>A participant who registered their own account over HTTP, logged in.</summary>
    public async Task<string> CreateParticipantAsync()
    {
        var email = $"participant-{Guid.NewGuid():N}@worker.test";
        using var registered = await Client.PostAsJsonAsync("api/auth/register", new { email, displayName = "Worker Participant", password = UserPassword });
        Assert.Equal(System.Net.HttpStatusCode.Created, registered.StatusCode);
        return await LoginAsync(email, UserPassword);
    }
}
