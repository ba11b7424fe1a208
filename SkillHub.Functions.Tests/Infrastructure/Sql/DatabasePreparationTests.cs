using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Npgsql;
using SkillHub.Functions.Infrastructure.Hosting;
using SkillHub.Functions.Infrastructure.Sql;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Infrastructure.Sql;

/// <summary>
/// The start-up steps, as the Functions host runs them (in the background, without an attempt limit): waiting
/// for a database that does not answer, giving up at once on one that refuses, ready once every step is done.
/// </summary>
public sealed class DatabasePreparationTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task WhilePostgresIsUnreachable_ItKeepsWaiting_SayingForWhatAndWhy()
    {
        await using var app = UnreachableApp.Build("memory");
        var readiness = app.Services.GetRequiredService<StartupReadiness>();
        using var stop = new CancellationTokenSource(Bound);

        var preparing = app.Services.GetRequiredService<DatabasePreparation>().RunAsync(attempts: null, stop.Token);
        await WaitForAsync(() => readiness.Status.StartsWith("waiting for PostgreSQL (attempt 2): ", StringComparison.Ordinal), readiness);

        Assert.False(readiness.IsReady);
        Assert.Equal("waiting for PostgreSQL (attempt 2): ConnectionRefused", readiness.Status);
        Assert.False(preparing.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => preparing);
    }

    [Fact]
    public async Task OverAReachableDatabase_EveryStepRuns_AndTheAppIsReady()
    {
        var email = $"admin-{Guid.NewGuid():N}@example.test";
        await using var app = await AppInstance.StartAsync(
            database.ConnectionString,
            [new("Bootstrap:AdminEmail", email), new("Bootstrap:AdminPassword", AppFixture.DefaultPassword)],
            prepared: false);
        var readiness = app.Services.GetRequiredService<StartupReadiness>();
        Assert.False(readiness.IsReady);

        using var stop = new CancellationTokenSource(Bound);
        await app.Services.GetRequiredService<DatabasePreparation>().RunAsync(attempts: null, stop.Token);

        Assert.True(readiness.IsReady);
        Assert.Equal("ready", readiness.Status);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal("admin", await connection.ExecuteScalarAsync<string>("SELECT role FROM users WHERE email = @email", new { email }));
    }

    [Fact]
    public async Task WhenPostgresAnswersOnlyLater_ThePreparationCompletes_WithoutARestart()
    {
        // The Functions host's case: the worker runs first, PostgreSQL comes up minutes later.
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var port = Repository.FreePort();
        var later = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = port }.ConnectionString;
        await using var app = ComposedApp.Build(later);
        var readiness = app.Services.GetRequiredService<StartupReadiness>();
        using var stop = new CancellationTokenSource(Bound);

        var preparing = app.Services.GetRequiredService<DatabasePreparation>().RunAsync(attempts: null, stop.Token);
        await WaitForAsync(() => readiness.Status.StartsWith("waiting for PostgreSQL", StringComparison.Ordinal), readiness);
        await using var relay = TcpRelay.Start(port, server.Host!, server.Port);
        await preparing;

        Assert.True(readiness.IsReady);
    }

    [Fact]
    public async Task WithAWrongPassword_ItStopsAtOnce_SayingWhyWithoutThePassword()
    {
        var wrong = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Password = "not-the-password-5f3c" }.ConnectionString;

        var failure = await FailureOfAsync(wrong);

        Assert.StartsWith("SkillHub cannot start: PostgreSQL refused SkillHub", failure, StringComparison.Ordinal);
        Assert.Contains("28P01", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password-5f3c", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverADatabaseThatDoesNotExist_ItStopsAtOnce_NamingTheError()
    {
        var missing = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = $"skillhub_missing_{Guid.NewGuid():N}" }.ConnectionString;

        var failure = await FailureOfAsync(missing);

        Assert.Contains("3D000", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnderTheFunctionsHost_AFailureWaitingCannotFix_IsTold_AndStopsTheHost()
    {
        var wrong = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Password = "wrong" }.ConnectionString;
        await using var app = ComposedApp.Build(wrong);
        var readiness = app.Services.GetRequiredService<StartupReadiness>();
        var lifetime = new Mock<IHostApplicationLifetime>();
        using var service = new BackgroundDatabasePreparation(
            app.Services.GetRequiredService<DatabasePreparation>(), readiness, lifetime.Object, NullLogger<BackgroundDatabasePreparation>.Instance);

        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!.WaitAsync(Bound);

        lifetime.Verify(l => l.StopApplication(), Times.Once);
        Assert.StartsWith("SkillHub cannot start: PostgreSQL refused SkillHub", readiness.Failure, StringComparison.Ordinal);
        Assert.False(readiness.IsReady);
    }

    /// <summary>Runs the preparation without an attempt limit: it must give up by itself, well within the bound.</summary>
    private static async Task<string> FailureOfAsync(string connectionString)
    {
        await using var app = ComposedApp.Build(connectionString);
        using var stop = new CancellationTokenSource(Bound);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(
            () => app.Services.GetRequiredService<DatabasePreparation>().RunAsync(attempts: null, stop.Token));
        Assert.False(app.Services.GetRequiredService<StartupReadiness>().IsReady);
        return StartupFailures.Describe(refused);
    }

    private static async Task WaitForAsync(Func<bool> condition, StartupReadiness readiness)
    {
        for (var waited = TimeSpan.Zero; !condition(); waited += TimeSpan.FromMilliseconds(50))
        {
            Assert.True(waited < Bound, $"Start-up still says '{readiness.Status}'.");
            await Task.Delay(50);
        }
    }
}
