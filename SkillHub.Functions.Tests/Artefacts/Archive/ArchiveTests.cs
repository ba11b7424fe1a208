using System.Diagnostics;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Artefacts.Archive;

/// <summary>The archive scripts/archive.sh builds once, with bash, into a folder of its own.</summary>
public sealed class DeliveryArchive : IAsyncLifetime
{
    public const string Name = "Lefèvre-Zoé";

    public ScratchDirectory Scratch { get; } = new("archive");

    public string ZipPath => Path.Combine(Scratch.Path, "out", $"EC03R_{Name}.zip");

    public string Output { get; private set; } = "";

    /// <summary>The entries' full names, as the zip lists them.</summary>
    public IReadOnlyList<string> Entries { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var (code, output) = await ScriptProcess.RunAsync("scripts/archive.sh", [Name, "--output", Path.Combine(Scratch.Path, "out")]);
        Output = output;
        Assert.True(code == 0, output);
        using var zip = ZipFile.OpenRead(ZipPath);
        Entries = [.. zip.Entries.Select(entry => entry.FullName)];
    }

    public Task DisposeAsync()
    {
        Scratch.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// scripts/archive.sh: EC03R_&lt;NomPrenom&gt;.zip holds the whole repository under src/, and at its root
/// what an examiner opens first (README.md, docs/, data/) with backup.sh and restore.sh; never
/// secrets, build output or git. Unpacked, the README's links resolve at the root, each command it
/// gives is where it says, the solution builds from src/ and the root scripts find it there.
/// </summary>
public sealed partial class ArchiveTests(DeliveryArchive archive) : IClassFixture<DeliveryArchive>
{
    [Fact]
    public void TheScript_PrintsTheArchivePathAndSize()
    {
        var size = new FileInfo(archive.ZipPath).Length;

        Assert.Contains($"Archive : {archive.ZipPath} ({size} octets", archive.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("backup.sh")]
    [InlineData("restore.sh")]
    [InlineData("data/skillhub_workshops.sql")]
    [InlineData("data/mongo_registrations.json")]
    [InlineData("data/mongo_comments.json")]
    [InlineData("data/mongo_activity_logs.json")]
    [InlineData("data/skillhub_dump_manifest.json")]
    [InlineData("docs/donnees.md")]
    [InlineData("docs/terminal/06-combined-route.txt")]
    [InlineData("src/README.md")]
    [InlineData("src/docs/sauvegarde.md")]
    [InlineData("src/data/skillhub_dump_manifest.json")]
    [InlineData("src/data/demo.json")]
    [InlineData("src/SkillHub.slnx")]
    [InlineData("src/SkillHub.Functions/SkillHub.Functions.csproj")]
    [InlineData("src/SkillHub.Standalone/SkillHub.Standalone.csproj")]
    [InlineData("src/SkillHub.Standalone/Program.cs")]
    [InlineData("src/SkillHub.Functions.Tests/SkillHub.Functions.Tests.csproj")]
    [InlineData("src/sql/0001_users.sql")]
    [InlineData("src/host.json")]
    [InlineData("src/local.settings.example.json")]
    [InlineData("src/docker-compose.yml")]
    [InlineData("src/Dockerfile")]
    [InlineData("src/.dockerignore")]
    [InlineData("src/docker/postgres-init/10-skillhub-app-role.sh")]
    [InlineData("src/.env.example")]
    [InlineData("src/Directory.Build.props")]
    [InlineData("src/Directory.Packages.props")]
    [InlineData("src/global.json")]
    [InlineData("src/.editorconfig")]
    [InlineData("src/scripts/lib/app.sh")]
    public void TheListing_HasTheRequiredFile_InItsPlace(string entry) => Assert.Contains(entry, archive.Entries);

    [Fact]
    public void TheArchiveRoot_HoldsOnlyTheReadersPart_TheTwoScripts_AndSrc_WhichHoldsTheSameFiles()
    {
        var atRoot = archive.Entries.Where(entry => !entry.StartsWith("src/", StringComparison.Ordinal)).ToList();

        Assert.All(atRoot, entry => Assert.True(
            entry is "README.md" or "backup.sh" or "restore.sh" || entry.StartsWith("data/", StringComparison.Ordinal) || entry.StartsWith("docs/", StringComparison.Ordinal),
            $"{entry} is at the archive's root"));
        using var zip = ZipFile.OpenRead(archive.ZipPath);
        Assert.All(atRoot, entry => Assert.Equal(zip.GetEntry(entry)!.Crc32, zip.GetEntry("src/" + entry)?.Crc32));
    }

    [Fact]
    public void UnderSrc_IsEveryFileGitTracks_ButTheRepositorysOwnCi()
    {
        var tracked = TrackedFiles().Where(file =>
            !file.StartsWith(".ci/", StringComparison.Ordinal) && !file.Split('/').Any(part => part.StartsWith(".git", StringComparison.Ordinal)) && File.Exists(Path.Combine(Repository.Root, file)));

        Assert.Equal(tracked.Select(file => "src/" + file).Order(StringComparer.Ordinal), archive.Entries.Where(e => e.StartsWith("src/", StringComparison.Ordinal)));
    }

    private static List<string> TrackedFiles()
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Repository.Root, RedirectStandardOutput = true };
        start.ArgumentList.Add("ls-files");
        start.ArgumentList.Add("-z");
        using var git = Process.Start(start)!;
        var listed = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        return [.. listed.Split('\0', StringSplitOptions.RemoveEmptyEntries)];
    }

    [Fact]
    public void EveryProjectOfTheSolution_EveryMigration_AndEveryDataFile_AreIn()
    {
        var projects = XDocument.Load(Path.Combine(Repository.Root, "SkillHub.slnx")).Descendants("Project")
            .Select(project => "src/" + project.Attribute("Path")!.Value.Replace('\\', '/'));
        var migrations = Directory.EnumerateFiles(Path.Combine(Repository.Root, "sql"), "*.sql").Select(file => "src/sql/" + Path.GetFileName(file));
        var data = Directory.EnumerateFiles(Path.Combine(Repository.Root, "data")).Select(file => "data/" + Path.GetFileName(file));

        Assert.All(projects.Concat(migrations).Concat(data), expected => Assert.Contains(expected, archive.Entries));
    }

    [Fact]
    public void NothingSecret_NoBuildOutput_NoGit()
    {
        string[] forbiddenFolders = [".git", "bin", "obj", "TestResults", ".vs", ".ci"];
        string[] forbiddenFiles = ["local.settings.json", ".env", ".gitignore", ".gitattributes"];

        Assert.All(archive.Entries, entry =>
        {
            var parts = entry.Split('/');
            Assert.DoesNotContain(parts[..^1], part => forbiddenFolders.Contains(part));
            Assert.DoesNotContain(parts[^1], forbiddenFiles);
        });
        Assert.Contains("src/.env.example", archive.Entries);
    }

    [Fact]
    public void TheEntries_ComeInByteOrder_AndTheScriptsStayExecutable()
    {
        Assert.Equal(archive.Entries.Order(StringComparer.Ordinal), archive.Entries);
        using var zip = ZipFile.OpenRead(archive.ZipPath);
        Assert.All(["backup.sh", "restore.sh", "src/scripts/start.sh"], name =>
            Assert.NotEqual(0, (zip.GetEntry(name)!.ExternalAttributes >> 16) & (int)UnixFileMode.UserExecute));
    }

    [Fact]
    public async Task Unpacked_TheSolutionBuildsFromSrc_AndTheRootScriptsFindIt()
    {
        var unpacked = Path.Combine(archive.Scratch.Path, "unpacked");
        ZipFile.ExtractToDirectory(archive.ZipPath, unpacked);

        var build = await RunAsync(unpacked, TimeSpan.FromMinutes(8), "dotnet", "build", "src/SkillHub.slnx", "-c", "Release", "-nologo", "-v", "q", "-clp:ErrorsOnly", "-nodeReuse:false");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.True(File.Exists(Path.Combine(unpacked, "src", "SkillHub.Functions.Tests", "bin", "Release", "net10.0", "data", "mongo_registrations.json")), "the tests' data come from src/data/");

        foreach (var script in new[] { "backup.sh", "restore.sh" })
        {
            var help = await RunAsync(unpacked, TimeSpan.FromMinutes(1), "bash", script, "--help");
            Assert.True(help.ExitCode == 0, help.Output);
            Assert.StartsWith($"Usage : ./{script}", help.Output, StringComparison.Ordinal);
        }

        // Past --help, both scripts load src/scripts/lib/app.sh; `true` stands in for docker.
        var set = Directory.CreateDirectory(Path.Combine(archive.Scratch.Path, "set")).FullName;
        var backup = await RunAsync(unpacked, TimeSpan.FromMinutes(1), "bash", "backup.sh", "--compose");
        var restore = await RunAsync(unpacked, TimeSpan.FromMinutes(1), "bash", "restore.sh", set, "--compose");
        Assert.True(backup.ExitCode == 0, backup.Output);
        Assert.True(restore.ExitCode == 0, restore.Output);
    }

    [Fact]
    public async Task Unpacked_TheReadmesLinksResolveAtTheRoot_AndEachOfItsCommandsIsWhereItSays()
    {
        var unpacked = Path.Combine(archive.Scratch.Path, "unpacked-readme");
        ZipFile.ExtractToDirectory(archive.ZipPath, unpacked);
        var readme = Path.Combine(unpacked, "README.md");

        foreach (var document in Directory.GetFiles(Path.Combine(unpacked, "docs"), "*.md").Prepend(readme))
        {
            var broken = Readme.ReadmeTests.BrokenLinks(document);
            Assert.True(broken.Count == 0, $"{Path.GetRelativePath(unpacked, document)} links, in the unpacked archive, to what does not exist: {string.Join(", ", broken)}");
        }

        // The README says the archive's src/ is the repository's root; ./backup.sh, ./restore.sh and data/ also run from the archive's root.
        var text = await File.ReadAllTextAsync(readme);
        Assert.Contains("`cd src`", text, StringComparison.Ordinal);
        var commands = CommandLine().Matches(text).Select(m => m.Groups["command"].Value).Distinct().ToList();
        Assert.Contains("scripts/start.sh", commands);
        Assert.Contains("./restore.sh", commands);
        Assert.All(commands, command => Assert.True(File.Exists(Path.Combine(unpacked, "src", command)), $"src/{command} is missing from the archive"));
        Assert.All(commands.Where(c => c.StartsWith("./", StringComparison.Ordinal)), command => Assert.True(File.Exists(Path.Combine(unpacked, command)), $"{command} is missing at the archive's root"));
        Assert.True(File.Exists(Path.Combine(unpacked, "data", "skillhub_workshops.sql")));

        var help = await RunAsync(Path.Combine(unpacked, "src"), TimeSpan.FromMinutes(1), "bash", "scripts/start.sh", "--help");
        Assert.True(help.ExitCode == 0, help.Output);
    }

    /// <summary>A command line of the README's shell blocks: a script of the repository, run by its path.</summary>
    [GeneratedRegex(@"^(?<command>(\./|scripts/)[A-Za-z0-9_./-]+\.sh)\b", RegexOptions.Multiline)]
    private static partial Regex CommandLine();

    [Theory]
    [InlineData("Dupont Jean")]
    [InlineData("../Dupont")]
    [InlineData("Dupont/Jean")]
    [InlineData("Dupont_Jean")]
    public async Task ARefusedName_FailsWithAFrenchMessage_AndWritesNoArchive(string name)
    {
        using var scratch = new ScratchDirectory("archive-refused");

        var (code, output) = await ScriptProcess.RunAsync("scripts/archive.sh", [name, "--output", scratch.Path]);

        Assert.NotEqual(0, code);
        Assert.Contains($"Nom refusé : « {name} »", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch.Path) && Directory.EnumerateFileSystemEntries(scratch.Path).Any());
    }

    /// <summary>A command run in <paramref name="directory"/>, away from the MSBuild settings the test host inherited.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(string directory, TimeSpan timeout, string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["SKILLHUB_DOCKER"] = "true";
        using var process = Process.Start(start)!;
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{command} {string.Join(' ', arguments)} still ran after {timeout}.");
        }

        return (process.ExitCode, await standardOutput + await standardError);
    }
}
