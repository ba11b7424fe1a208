using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Infrastructure.Hosting;
using SkillHub.Functions.Infrastructure.Sql;

namespace SkillHub.Functions.Tests.Support;

/// <summary>
/// One more instance of the app, on its own port, over a database that an <see cref="AppFixture"/>
/// already made: two instances behind one load balancer, sharing nothing but PostgreSQL.
/// </summary>
public sealed class AppInstance : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AppInstance(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<AppInstance> StartAsync(string connectionString, IEnumerable<KeyValuePair<string, string>>? settings = null)
    {
        var all = new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = connectionString,
            ["Jwt:SigningKey"] = AppFixture.SigningKey,
            ["SkillHub:DocumentStore"] = "memory",
            ["Logging:LogLevel:Default"] = "Warning",
            ["urls"] = "http://127.0.0.1:0",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var app = StandaloneHost.Build(all.Select(s => $"--{s.Key}={s.Value}").ToArray());
        await app.Services.PrepareDatabasesAsync();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new AppInstance(app, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
