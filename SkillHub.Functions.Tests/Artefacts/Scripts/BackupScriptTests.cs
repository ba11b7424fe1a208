using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Tests.Support;
using SkillHub.Standalone.Hosting;
using SkillHub.Functions.Tests.Backups;

namespace SkillHub.Functions.Tests.Artefacts.Scripts;

/// <summary>
/// backup.sh itself, run with bash, without MongoDB: it will not write a set without the documents
/// the running app holds in memory, and <c>--app</c> has that app take the whole set.
/// </summary>
public sealed class BackupScriptTests(RestoreSourceFixture source) : IClassFixture<RestoreSourceFixture>, IDisposable
{
    private readonly ScratchDirectory _directory = new("backup-script");

    public void Dispose() => _directory.Dispose();

    private Dictionary<string, string?> Settings(string? adminPassword = null) => new()
    {
        ["ConnectionStrings__Postgres"] = source.Database.ConnectionString,
        ["Jwt__SigningKey"] = AppFixture.SigningKey,
        ["Backup__SigningKey"] = AppFixture.BackupSigningKey,
        ["ConnectionStrings__MongoDB"] = null,
        ["SkillHub__DocumentStore"] = null,
        ["SKILLHUB_ADMIN_EMAIL"] = source.Admin.Email,
        ["SKILLHUB_ADMIN_PASSWORD"] = adminPassword ?? source.Admin.Password,
    };

    [Fact]
    public async Task WithoutMongoDb_ASeparateProcessRefuses_RatherThanWriteASetWithoutTheDocuments()
    {
        var (code, output) = await ScriptProcess.RunAsync("backup.sh", ["--directory", _directory.Path], Settings());

        Assert.Equal(BackupCommands.Failure, code);
        Assert.Contains("--app", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_directory.Path) && Directory.EnumerateFileSystemEntries(_directory.Path).Any());
    }

    [Fact]
    public async Task WithApp_TheRunningAppTakesTheSet_DocumentsIncluded()
    {
        var (code, output) = await ScriptProcess.RunAsync("backup.sh", ["--app", source.BaseAddress.ToString()], Settings());

        Assert.True(code == 0, output);
        var id = output.Split('\n').First(line => line.Length > 0 && !line.StartsWith("==>", StringComparison.Ordinal));
        var set = Path.Combine(source.BackupDirectory, id);
        var verified = await source.Services.GetRequiredService<RestoreService>().VerifyAsync(set, CancellationToken.None);
        Assert.Equal(4, verified.Counts.Collections["registrations"]);
        Assert.True(verified.Counts.Collections["comments"] >= 1);
        Assert.Contains("mongo_registrations.json", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithApp_AndAWrongPassword_FailsWithTheProblem_AndNeverPrintsThePassword()
    {
        const string wrong = "not-the-admin-password-42";

        var (code, output) = await ScriptProcess.RunAsync("backup.sh", ["--app", source.BaseAddress.ToString()], Settings(wrong));

        Assert.Equal(BackupCommands.Failure, code);
        Assert.Contains("HTTP 401", output, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, output, StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..output.LastIndexOf('}')].Trim() + "}");
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
    }
}
