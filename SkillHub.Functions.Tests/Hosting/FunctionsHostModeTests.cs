using System.Diagnostics;
using Dapper;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Hosting;

/// <summary>
/// The Functions host cannot be installed here, so this is as far as its path can be run: started
/// the way the host starts a worker, the app composes the isolated worker (services, middleware,
/// migrations) and dials the host's gRPC channel instead of serving HTTP itself.
/// </summary>
public sealed class FunctionsHostModeTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task StartedLikeAWorker_TheAppPreparesTheDatabase_AndDialsTheHostChannel()
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

        start.Environment["ConnectionStrings__Postgres"] = database.ConnectionString;
        start.Environment["Jwt__SigningKey"] = AppFixture.SigningKey;
        start.Environment["Backup__SigningKey"] = AppFixture.BackupSigningKey;
        start.Environment["SkillHub__DocumentStore"] = "memory";

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

        var printed = await output + await errors;
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("Grpc", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening on", printed, StringComparison.Ordinal);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM schema_versions") > 0);
    }
}
