using System.Diagnostics;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Artefacts.Scripts;

/// <summary>
/// The check every terminal capture passes before scripts/capture-terminal.sh keeps it
/// (scripts/lib/captures.sh): a build warning, a log line at warning level or above, a stack trace or
/// a seat repair fails the captures, and so .ci/run; the few warnings the captured commands give on
/// purpose pass, and only in their exact words.
/// </summary>
public sealed class CaptureCheckTests : IDisposable
{
    private const string CleanStart = """
        ==> Compilation…

        Build succeeded.
            0 Warning(s)
            0 Error(s)
        info: SkillHub.Functions.Infrastructure.Sql.Migrator[0] Executing Database Server script 'sql.0001_users.sql'
        warn: SkillHub.DocumentStore[0] !!! SkillHub__DocumentStore=memory: registrations, comments and the activity log live in this process's memory
        warn: SkillHub.Functions.Backups.RestoreService[0] Restoring backup 20261202T055504Z-119c5d84 from /tmp/x (force: False)
        warn: SkillHub.Functions.Backups.RestoreService[0] Backup 20261202T055504Z-119c5d84 restored; reconciliation made 0 repairs
        Reconciliation: 0 repair(s).
        warn: SkillHub.Functions.Notifications.NotificationsModule[0] Smtp__Host is not set: notifications are kept in the outbox
        { "detail": "A valid bearer token is required." }
        """;

    private readonly ScratchDirectory _scratch = new("capture-check");

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task ACaptureShowingOnlyTheExpectedWarnings_Passes()
    {
        var (code, output) = await CheckAsync(CleanStart);

        Assert.True(code == 0, output);
        Assert.Contains("==> capture.txt", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/src/WorkerExtensions.csproj : warning NU1603: Microsoft.AspNetCore.Http 2.2.2 depends on Microsoft.Net.Http.Headers (>= 2.2.0)")]
    [InlineData("/src/Functions/Foo.cs(12,5): warning CS8618: Non-nullable property 'Name' must contain a non-null value")]
    [InlineData("    8 Warning(s)")]
    [InlineData("warn: SkillHub.Functions.Auth.AccountService[0] Bootstrap admin password is weak")]
    [InlineData("fail: Microsoft.AspNetCore.Server.Kestrel[13] Connection id \"0HN\", Request id \"0HN:1\": An unhandled exception was thrown by the application.")]
    [InlineData("crit: SkillHub.Standalone[0] The host stopped")]
    [InlineData("System.InvalidOperationException: The document collection registrations already holds documents")]
    [InlineData("   at SkillHub.Functions.Backups.RestoreService.RestoreAsync(String setDirectory, Boolean force)")]
    [InlineData("warn: SkillHub.Functions.Registrations.SeatReconciliation[0] Reconciliation: SeatsTaken in workshop 01a2 (3 -> 2)")]
    [InlineData("Reconciliation: 2 repair(s).")]
    [InlineData("warn: SkillHub.Functions.Backups.RestoreService[0] Backup 2026 restored; reconciliation made 3 repairs")]
    [InlineData("warn: SkillHub.Functions.Backups.RestoreService[0] Restoring backup 2026 from /tmp/x (force: True)")]
    [InlineData("warn: SkillHub.DocumentStore[0] Something else about the store")]
    public async Task ACaptureShowingAWarningAStackTraceOrARepair_Fails(string line)
    {
        var (code, output) = await CheckAsync(CleanStart + "\n" + line + "\n");

        Assert.Equal(1, code);
        Assert.Contains("montre ce qu'elle ne doit pas montrer", output, StringComparison.Ordinal);
        Assert.Contains(line.Trim(), output, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Output)> CheckAsync(string capture)
    {
        Directory.CreateDirectory(_scratch.Path);
        await File.WriteAllTextAsync(Path.Combine(_scratch.Path, "capture.txt"), capture);
        var start = new ProcessStartInfo("/bin/bash") { WorkingDirectory = _scratch.Path };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"set -e\nsource '{Path.Combine(Repository.Root, "scripts", "lib", "captures.sh")}'\ncheck_capture capture.txt");
        await using var process = ScriptProcess.Launch(start);
        var code = await process.WaitForExitAsync(TimeSpan.FromMinutes(1));
        return (code, process.Output);
    }
}
