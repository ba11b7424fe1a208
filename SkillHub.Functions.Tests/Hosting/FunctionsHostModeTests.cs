using System.Diagnostics;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Hosting;

/// <summary>
/// The Functions host cannot be installed here, so this is as far as its path can be run: started
/// the way the host starts a worker, the app composes the isolated worker (services, middleware)
/// and dials the host's gRPC channel instead of serving HTTP itself.
/// </summary>
public sealed class FunctionsHostModeTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly Dictionary<string, string> Schedules = new(StringComparer.Ordinal)
    {
        ["PurgeSchedule"] = "0 30 3 * * *",
        ["ReconcileSchedule"] = "0 */5 * * * *",
        ["BackupSchedule"] = "0 0 2 * * *",
    };

    [Fact]
    public async Task StartedLikeAWorker_WhilePostgresIsUnreachable_DialsTheHostChannelWithoutWaitingForIt()
    {
        // The host kills a worker that has not connected within 60 s; waiting for the database first got it killed.
        var unreachable = $"Host=127.0.0.1;Port={Repository.FreePort()};Database=skillhub;Username=skillhub;Password=none";

        var (exitCode, printed) = await RunWorkerAsync(new Dictionary<string, string>(Schedules) { ["ConnectionStrings__Postgres"] = unreachable });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Grpc", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("SkillHub cannot start", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening on", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartedLikeAWorker_WithoutTheScheduleSettings_StopsWithExitCode1_NamingEachAndWhereToPutIt()
    {
        var (exitCode, printed) = await RunWorkerAsync(new Dictionary<string, string> { ["ConnectionStrings__Postgres"] = database.ConnectionString, ["PurgeSchedule"] = Schedules["PurgeSchedule"] });

        Assert.Equal(1, exitCode);
        Assert.Contains("SkillHub cannot start", printed, StringComparison.Ordinal);
        Assert.Contains("ReconcileSchedule", printed, StringComparison.Ordinal);
        Assert.Contains("BackupSchedule", printed, StringComparison.Ordinal);
        Assert.Contains("local.settings.json", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("PurgeSchedule", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("Grpc", printed, StringComparison.Ordinal);
    }

    /// <summary>Launches the app as the host launches its worker, on a channel address nothing listens on.</summary>
    private static async Task<(int ExitCode, string Printed)> RunWorkerAsync(IReadOnlyDictionary<string, string> settings)
    {
        var port = Repository.FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Repository.AppDirectory,
        };
        foreach (var argument in new[] { "SkillHub.Functions.dll", "--functions-uri", $"http://127.0.0.1:{port}/", "--functions-worker-id", "test-worker", "--functions-request-id", "test-request" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Jwt__SigningKey"] = AppFixture.SigningKey;
        start.Environment["Backup__SigningKey"] = AppFixture.BackupSigningKey;
        start.Environment["SkillHub__DocumentStore"] = "memory";
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, await output + await errors);
    }
}
