using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Infrastructure.Sql;
using SkillHub.Standalone.Hosting;

namespace SkillHub.Functions.Tests.Support;

/// <summary>
/// One instance of the standalone app, on its own loopback port, over an existing database. An
/// <see cref="AppFixture"/> starts one; a test may start a second on the same database: two
/// instances behind one load balancer, sharing nothing but PostgreSQL.
/// </summary>
public sealed class AppInstance : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AppInstance(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="services">Registrations made before the app's own, which only add what is missing: a test's store replaces the app's.</param>
    /// <param name="prepared">False: serve before start-up has prepared the databases, as the worker does under the Functions host.</param>
    public static async Task<AppInstance> StartAsync(
        string connectionString,
        IEnumerable<KeyValuePair<string, string>>? settings = null,
        Action<IServiceCollection>? services = null,
        bool prepared = true)
    {
        var all = TestAppSettings.For(connectionString).ToDictionary(s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => s.Value);
        all["urls"] = "http://127.0.0.1:0";
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var app = StandaloneHost.Build(all.Select(s => $"--{s.Key}={s.Value}").ToArray(), builder => services?.Invoke(builder.Services));
        try
        {
            if (prepared)
            {
                await app.Services.PrepareDatabasesAsync();
            }

            await app.StartAsync();
        }
        catch
        {
            // An app that refused to start still holds its connections.
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new AppInstance(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The standalone host composed (not started, not prepared) over the given PostgreSQL, with the test keys.</summary>
public static class ComposedApp
{
    public static Microsoft.AspNetCore.Builder.WebApplication Build(string postgres, string documentStore = "memory") =>
        SkillHub.Standalone.Hosting.StandaloneHost.Build(
        [
            $"--ConnectionStrings:Postgres={postgres}",
            "--ConnectionStrings:MongoDB=mongodb://127.0.0.1:1/",
            $"--SkillHub:DocumentStore={documentStore}",
            $"--Jwt:SigningKey={AppFixture.SigningKey}",
            $"--Backup:SigningKey={AppFixture.BackupSigningKey}",
            "--Logging:LogLevel:Default=Warning",
            "--urls=http://127.0.0.1:0",
        ]);
}

/// <summary>The standalone host composed over servers that do not exist: for tests of what the app is made of, which must never reach a database.</summary>
public static class UnreachableApp
{
    public const string Postgres = "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none";

    public static Microsoft.AspNetCore.Builder.WebApplication Build(string documentStore) => ComposedApp.Build(Postgres, documentStore);
}
