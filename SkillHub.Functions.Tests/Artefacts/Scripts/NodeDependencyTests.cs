using System.Diagnostics;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Artefacts.Scripts;

/// <summary>
/// The scripts' check for Node.js and npm (scripts/lib/node.sh), as on a fresh Debian machine: run
/// with a PATH of this machine's tools less node and npm, and apt-get replaced by a recorder, so
/// nothing is ever installed or removed here.
/// </summary>
public sealed class NodeDependencyTests : IDisposable
{
    private static readonly string[] Hidden = ["node", "npm", "npx"];

    private readonly ScratchDirectory _scratch = new("node-check");

    public void Dispose() => _scratch.Dispose();

    private string Bin => Path.Combine(_scratch.Path, "bin");

    private string Calls => Path.Combine(_scratch.Path, "calls.txt");

    [Theory]
    [InlineData("node.sh", "ensure_node")]
    [InlineData("azurite.sh", "ensure_azurite")]
    [InlineData("maildev.sh", "ensure_maildev")]
    [InlineData("redocly.sh", "ensure_redocly")]
    public async Task WithoutNodeNorNpm_TheCheck_InstallsDebiansNodejsAndNpmPackages(string library, string check)
    {
        PrepareBin();

        var output = await RunAsync(library, check);

        Assert.Contains("Installation de Node.js (paquets Debian nodejs npm)", output, StringComparison.Ordinal);
        Assert.Equal(["apt-get update -qq", "apt-get install -y -qq nodejs npm"], RecordedCalls());
    }

    [Fact]
    public async Task WithNodeButNoNpm_TheCheck_InstallsOnlyNpm()
    {
        PrepareBin("node");

        await RunAsync("node.sh", "ensure_node");

        Assert.Equal(["apt-get update -qq", "apt-get install -y -qq npm"], RecordedCalls());
    }

    [Fact]
    public async Task WithNodeAndNpm_NothingIsInstalled_AndAPinnedPackageIsFetchedOnceIntoAFolderOfItsVersion()
    {
        PrepareBin("node", "npm");

        var output = await RunAsync("redocly.sh", "ensure_redocly; ensure_redocly; echo \"REDOCLY=$REDOCLY\"");

        var folder = Path.Combine(_scratch.Path, "state", "npm", "@redocly/cli@2.77.0");
        Assert.Equal([$"npm install --no-audit --no-fund --silent @redocly/cli@2.77.0 (in {folder})"], RecordedCalls());
        Assert.Contains($"REDOCLY={folder}/node_modules/.bin/redocly", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// bin/: a link to every command on this PATH but node and npm, a recording apt-get (and a sudo
    /// that runs its command, for a run as another user than root), and recording stand-ins for the
    /// <paramref name="present"/> ones.
    /// </summary>
    private void PrepareBin(params string[] present)
    {
        Directory.CreateDirectory(Bin);
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(':', StringSplitOptions.RemoveEmptyEntries).Where(Directory.Exists))
        {
            foreach (var command in Directory.EnumerateFiles(directory))
            {
                var link = Path.Combine(Bin, Path.GetFileName(command));
                if (!Hidden.Contains(Path.GetFileName(command)) && !File.Exists(link) && !Directory.Exists(link))
                {
                    File.CreateSymbolicLink(link, command);
                }
            }
        }

        Command("apt-get", $"printf 'apt-get %s\\n' \"$*\" >> \"{Calls}\"");
        Command("sudo", "exec \"$@\"");
        foreach (var command in present)
        {
            Command(command, $"printf '{command} %s (in %s)\\n' \"$*\" \"$PWD\" >> \"{Calls}\"");
        }
    }

    /// <summary>bin/NAME: a shell script of that one line, in place of any link of that name.</summary>
    private void Command(string name, string line)
    {
        var file = Path.Combine(Bin, name);
        File.Delete(file);
        File.WriteAllText(file, $"#!/bin/sh\n{line}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private async Task<string> RunAsync(string library, string check)
    {
        var start = new ProcessStartInfo("/bin/bash") { WorkingDirectory = Repository.Root };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"set -e\nsource scripts/lib/{library}\n{check}");
        start.Environment["PATH"] = Bin;
        start.Environment["SKILLHUB_STATE_DIR"] = Path.Combine(_scratch.Path, "state");
        await using var process = ScriptProcess.Launch(start);
        await process.WaitForExitAsync(TimeSpan.FromMinutes(1));
        return process.Output;
    }

    private string[] RecordedCalls() => File.Exists(Calls) ? File.ReadAllLines(Calls) : [];
}
