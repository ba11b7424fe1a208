using SkillHub.Functions.Tests.Support;
using SkillHub.Standalone.Hosting;

namespace SkillHub.Functions.Tests.Backups;

/// <summary>
/// The command-line verbs over a MongoDB server that does not answer (a closed local port, short
/// timeouts): exit code 1 and one line that says so, without a stack trace or the connection
/// string's password, and a forced restore leaves PostgreSQL as it was.
/// </summary>
public sealed class UnreachableDocumentStoreTests(RestoreSourceFixture source) : IClassFixture<RestoreSourceFixture>, IDisposable
{
    private const string MongoPassword = "Mongo-Secret-Pass-42";

    private readonly ScratchDirectory _scratch = new("unreachable-mongo");

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task AForcedRestore_WhenMongoDbIsDown_Exits1WithOneLine_AndLeavesPostgresAsItWas()
    {
        var set = await source.BackUpAsync();
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        try
        {
            await PostgresSnapshot.SeedAsync(database.DataSource);
            var before = await PostgresSnapshot.ReadAsync(database.DataSource);
            await using var app = AppOverDownMongo(database.ConnectionString);

            var (code, output, error) = await RunAsync(app.Services, "restore", set, "--force");

            Assert.Equal(BackupCommands.Failure, code);
            AssertOneClearLine(error, "restore");
            Assert.DoesNotContain("Restored", output, StringComparison.Ordinal);
            Assert.Equal(before, await PostgresSnapshot.ReadAsync(database.DataSource));
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task ABackup_WhenMongoDbIsDown_Exits1WithOneLine_AndLeavesNoSet()
    {
        await using var app = AppOverDownMongo(source.Database.ConnectionString);

        var (code, _, error) = await RunAsync(app.Services, "backup", "--directory", _scratch.Path);

        Assert.Equal(BackupCommands.Failure, code);
        AssertOneClearLine(error, "backup");
        Assert.Empty(Directory.Exists(_scratch.Path) ? Directory.EnumerateFileSystemEntries(_scratch.Path) : []);
    }

    private static void AssertOneClearLine(string error, string verb)
    {
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"{verb} failed:", line, StringComparison.Ordinal);
        Assert.Contains("MongoDB", line, StringComparison.Ordinal);
        Assert.Contains("unreachable", line, StringComparison.Ordinal);
        Assert.DoesNotContain(MongoPassword, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    /// <summary>The app's services (never started) over a live PostgreSQL and a MongoDB address where nothing listens.</summary>
    private static Microsoft.AspNetCore.Builder.WebApplication AppOverDownMongo(string postgres) => StandaloneHost.Build(
    [
        $"--ConnectionStrings:Postgres={postgres}",
        $"--ConnectionStrings:MongoDB=mongodb://skillhub:{MongoPassword}@127.0.0.1:1/?connectTimeoutMS=500",
        "--SkillHub:DocumentStore=mongodb",
        "--MongoDB:ServerSelectionTimeoutSeconds=1",
        "--MongoDB:TimeoutSeconds=2",
        $"--Jwt:SigningKey={AppFixture.SigningKey}",
        $"--Backup:SigningKey={AppFixture.BackupSigningKey}",
        "--Logging:LogLevel:Default=Warning",
        "--urls=http://127.0.0.1:0",
        $"--Backup:Directory={Path.Combine(Path.GetTempPath(), "skillhub-test-backups", Guid.NewGuid().ToString("N"))}",
    ]);

    private static async Task<(int Code, string Output, string Error)> RunAsync(IServiceProvider services, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await BackupCommands.ExecuteAsync(args, services, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
