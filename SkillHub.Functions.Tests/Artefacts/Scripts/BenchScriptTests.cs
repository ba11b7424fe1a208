using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Artefacts.Scripts;

/// <summary>
/// scripts/bench.sh, the README's benchmark command, run end to end in its smoke mode (tiny sizes,
/// one run each). It proves every step still runs and reports; it asserts no time at all.
/// </summary>
public sealed class BenchScriptTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new("bench");

    public void Dispose() => _scratch.Dispose();

    // The tests' own build is the Release build the script would make; otherwise let it build.
    private static readonly string[] Build = Repository.AppDirectory.Contains("/Release/", StringComparison.Ordinal) ? ["--no-build"] : [];

    [Fact]
    public async Task TheSmokeRun_WritesEveryMeasurementAndEveryTarget()
    {
        var results = Path.Combine(_scratch.Path, "results.md");
        Directory.CreateDirectory(_scratch.Path);

        var (code, output) = await ScriptProcess.RunAsync("scripts/bench.sh", ["--smoke", .. Build, "--out", results]);

        Assert.True(code == 0, output);
        var report = await File.ReadAllTextAsync(results);
        Assert.Contains("- Mode: smoke", report, StringComparison.Ordinal);
        foreach (var section in new[]
        {
            "## Start-up", "## Read routes: the app, its ASP.NET Core peer", "## What two of the app's duties cost", "## GET /api/workshops/{id}/registrations", "## POST /api/workshops/{id}/registrations under contention",
            "## Statistics over", "## Memory", "## Backup export", "## Targets",
        })
        {
            Assert.Contains(section, report, StringComparison.Ordinal);
        }

        var targets = report[report.IndexOf("## Targets", StringComparison.Ordinal)..].Split('\n')
            .Count(line => line.EndsWith("| met |", StringComparison.Ordinal) || line.EndsWith("| MISSED |", StringComparison.Ordinal));
        Assert.Equal(12, targets);
        foreach (var row in new[]
        {
            "GET /api/workshops?from&to&q | anonymous | 16", "GET /api/workshops/{id} | anonymous | 64", "GET /api/workshops/{id} | bearer | 1",
            "Peer (POST, ASP.NET Core minimal API)", "| Session check (", "| Notification outbox (", "Floor (raw conditional UPDATE)", "pg_dump (plain)", "GET /api/trainers/{id}/stats | 16", "GET /api/me/attendance | 16",
        })
        {
            Assert.Contains(row, report, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OnlyOneSection_MeasuresStartUpAndThatSection_AndSaysSo()
    {
        var results = Path.Combine(_scratch.Path, "contention.md");
        Directory.CreateDirectory(_scratch.Path);

        var (code, output) = await ScriptProcess.RunAsync("scripts/bench.sh", ["--smoke", "--only", "contention", .. Build, "--out", results]);

        Assert.True(code == 0, output);
        var report = await File.ReadAllTextAsync(results);
        Assert.Contains("- Mode: smoke (tiny sizes, one run: proves the steps run, measures nothing); start-up and contention only", report, StringComparison.Ordinal);
        Assert.Contains("## Start-up", report, StringComparison.Ordinal);
        Assert.Contains("## POST /api/workshops/{id}/registrations under contention", report, StringComparison.Ordinal);
        Assert.Contains("| Notification outbox (", report, StringComparison.Ordinal);
        foreach (var absent in new[] { "## Read routes", "| Session check (", "## GET /api/workshops/{id}/registrations", "## Statistics over", "## Memory", "## Backup export" })
        {
            Assert.DoesNotContain(absent, report, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnUnknownSection_IsRefusedWithTheUsage()
    {
        var (code, output) = await ScriptProcess.RunAsync("scripts/bench.sh", ["--smoke", "--only", "everything", .. Build, "--out", Path.Combine(_scratch.Path, "never.md")]);

        Assert.Equal(2, code);
        Assert.Contains("--only SECTION", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_scratch.Path, "never.md")));
    }
}
