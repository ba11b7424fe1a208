using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Artefacts.Docker;

/// <summary>
/// backup.sh and restore.sh against the docker compose stack. No Docker engine exists here, so a
/// stand-in `docker` records what the scripts ask of it: the commands are checked, not their effect.
/// </summary>
public sealed class ComposeScriptsTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), $"skillhub-compose-{Guid.NewGuid():N}");

    public ComposeScriptsTests()
    {
        Directory.CreateDirectory(_work);
        File.WriteAllText(Docker, "#!/usr/bin/env bash\nprintf '%s\\n' \"$*\" >> \"" + Calls + "\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Docker, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private string Docker => Path.Combine(_work, "docker");

    private string Calls => Path.Combine(_work, "calls.txt");

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task BackupWithCompose_RunsTheBackupVerbInsideTheAppContainer()
    {
        var status = await RunAsync("backup.sh", "--compose");

        Assert.Equal(0, status);
        Assert.Equal(["compose exec -T app dotnet /opt/skillhub/SkillHub.Standalone.dll backup"], File.ReadAllLines(Calls));
    }

    [Fact]
    public async Task RestoreWithCompose_CopiesTheSetIn_RestoresItThere_ThenRemovesTheCopy()
    {
        var set = Directory.CreateDirectory(Path.Combine(_work, "20261201T020000Z-abcd1234")).FullName;

        var status = await RunAsync("restore.sh", set, "--force", "--compose");

        Assert.Equal(0, status);
        Assert.Equal(
        [
            $"compose cp {set} app:/tmp/skillhub-restore-20261201T020000Z-abcd1234",
            "compose exec -T app dotnet /opt/skillhub/SkillHub.Standalone.dll restore /tmp/skillhub-restore-20261201T020000Z-abcd1234 --force",
            "compose exec -T app rm -rf /tmp/skillhub-restore-20261201T020000Z-abcd1234",
        ], File.ReadAllLines(Calls));
    }

    [Fact]
    public async Task RestoreWithCompose_OfAMissingSet_FailsBeforeAskingDockerAnything()
    {
        var status = await RunAsync("restore.sh", Path.Combine(_work, "nowhere"), "--compose");

        Assert.Equal(2, status);
        Assert.False(File.Exists(Calls));
    }

    private async Task<int> RunAsync(string script, params string[] arguments) =>
        (await ScriptProcess.RunAsync(script, arguments, new Dictionary<string, string?> { ["SKILLHUB_DOCKER"] = Docker })).ExitCode;
}
