using System.Net;
using Npgsql;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Support.GrpcHost;

namespace SkillHub.Functions.Tests.Worker;

/// <summary>
/// Start-up under the Functions host, with the gRPC test host in its place: the worker must open
/// its stream within the host's 60 s whatever the databases do, then serve once they are ready;
/// a setting that can never work stops it with its own message.
/// </summary>
public sealed class FunctionsHostModeTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task WhilePostgresIsUnreachable_TheWorkerConnects_Answers503WithRetryAfter_AndServesOnceItIsBack()
    {
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var port = Repository.FreePort();
        var late = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = port }.ConnectionString;
        await using var host = await GrpcTestHost.StartAsync(TestAppSettings.ForWorker(late));

        using var waiting = await host.Client.GetAsync("api/workshops");
        using var health = await host.Client.GetAsync("api/health");

        await HttpProblem.AssertAsync(waiting, 503);
        Assert.NotNull(waiting.Headers.RetryAfter);
        var healthProblem = await HttpProblem.AssertAsync(health, 503);
        Assert.StartsWith("waiting for PostgreSQL", healthProblem.GetProperty("checks").GetProperty("startup").GetString(), StringComparison.Ordinal);

        await using var relay = TcpRelay.Start(port, server.Host!, server.Port);
        await host.WaitUntilHealthyAsync(Bound);
        using var served = await host.Client.GetAsync("api/workshops");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task AWrongPostgresPassword_StopsTheConnectedWorker_WithExitCode1AndItsOwnMessage()
    {
        var wrong = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Password = "not-the-password" }.ConnectionString;
        await using var host = await GrpcTestHost.StartAsync(TestAppSettings.ForWorker(wrong), initialise: false);

        var exited = await host.Worker.WaitForExitAsync(Bound);

        Assert.True(exited, "The worker kept running with a password that can never work.");
        Assert.Equal(1, host.Worker.ExitCode);
        Assert.Contains("SkillHub cannot start: PostgreSQL refused SkillHub", host.Worker.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", host.Worker.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWorkerThatStopsBeforeOpeningItsStream_IsHandedBackWithItsExit_NotTakenForAHungOne()
    {
        // The wrong-password test above races the same way: the refusal can come before the stream opens.
        var settings = TestAppSettings.ForWorker(database.ConnectionString);
        settings.Remove("ReconcileSchedule");

        await using var host = await GrpcTestHost.StartAsync(settings, initialise: false);

        Assert.True(host.Worker.HasExited);
        Assert.Equal(1, host.Worker.ExitCode);
        Assert.Contains("ReconcileSchedule", host.Worker.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTheScheduleSettings_TheWorkerStopsWithExitCode1_NamingEachAndWhereToPutIt()
    {
        var settings = TestAppSettings.ForWorker(database.ConnectionString);
        settings.Remove("ReconcileSchedule");
        settings.Remove("BackupSchedule");
        await using var worker = WorkerProcess.Start(WorkerApp.Product, new Uri($"http://127.0.0.1:{Repository.FreePort()}/"), settings);

        Assert.True(await worker.WaitForExitAsync(Bound));

        Assert.Equal(1, worker.ExitCode);
        Assert.Contains("SkillHub cannot start", worker.Output, StringComparison.Ordinal);
        Assert.Contains("ReconcileSchedule", worker.Output, StringComparison.Ordinal);
        Assert.Contains("BackupSchedule", worker.Output, StringComparison.Ordinal);
        Assert.Contains("local.settings.json", worker.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("PurgeSchedule", worker.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Grpc", worker.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProductsOwnWorker_ConnectsAndIndexesEveryFunction_AndWaitsForMongoDb_AnsweringHealthWith503()
    {
        var settings = TestAppSettings.ForWorker(database.ConnectionString);
        settings.Remove("SkillHub__DocumentStore");
        settings["ConnectionStrings__MongoDB"] = $"mongodb://127.0.0.1:{Repository.FreePort()}/?connectTimeoutMS=500";
        await using var host = await GrpcTestHost.StartAsync(settings, app: WorkerApp.Product);

        Assert.Equal(HostFunction.ReadAll(WorkerApp.Product.Directory).Select(f => f.Name).Order(), host.WorkerIndexedFunctions.Select(f => f.Name).Order());
        var startup = "";
        for (var deadline = DateTime.UtcNow + Bound; !startup.StartsWith("waiting for MongoDB", StringComparison.Ordinal) && DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            using var health = await host.Client.GetAsync("api/health");
            var problem = await HttpProblem.AssertAsync(health, 503);
            startup = problem.GetProperty("checks").GetProperty("startup").GetString() ?? "";
        }

        Assert.StartsWith("waiting for MongoDB", startup, StringComparison.Ordinal);
    }
}
