using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Infrastructure.Sql;
using SkillHub.Functions;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Demo;
using SkillHub.Standalone.Documents;

namespace SkillHub.Standalone.Hosting;

/// <summary>
/// The app's command-line verbs, without HTTP: <c>backup [--directory DIR]</c>,
/// <c>restore &lt;set-directory&gt; [--force]</c> and <c>export-demo &lt;directory&gt;</c> (the demo
/// dump of data/, from a fresh temporary database). Exit codes: 0 done, 2 backup set rejected
/// (nothing changed), 1 any other failure.
/// </summary>
public static class BackupCommands
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Rejected = 2;

    public static bool Handles(string[] args) => args is [BackupVerb or RestoreVerb or ExportDemoVerb, ..];

    private const string BackupVerb = "backup";
    private const string RestoreVerb = "restore";
    private const string ExportDemoVerb = "export-demo";

    /// <summary>Builds the app's services from the same configuration sources as the standalone host, then runs the verb.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            if (args is [ExportDemoVerb, var directory] && !directory.StartsWith('-'))
            {
                return await ExportDemoAsync(Path.GetFullPath(directory), output, error);
            }

            var builder = CreateBuilder([]);
            builder.Services.AddStandIns(builder.Configuration);
            builder.Services.AddSkillHub(builder.Configuration, builder.Environment);
            using var host = builder.Build();
            if (args[0] == RestoreVerb && MemoryDocuments.AreChosen(builder.Configuration))
            {
                // Still say whether the set itself is sound: a damaged set is refused as such.
                if (args.Skip(1).FirstOrDefault(a => !a.StartsWith('-')) is { } set)
                {
                    await host.Services.GetRequiredService<RestoreService>().VerifyAsync(Path.GetFullPath(set), CancellationToken.None);
                }

                await error.WriteLineAsync("restore needs MongoDB (ConnectionStrings__MongoDB): with the in-memory document store, the documents would be restored into this short-lived process only. Restore into the app that will serve them instead: restore.sh <set> --serve (the app started with --restore <set>).");
                return Failure;
            }

            return await ExecuteAsync(args, host.Services, output, error, CancellationToken.None);
        }
        catch (BackupRejectedException exception)
        {
            return await RejectedAsync(error, exception);
        }
        catch (InvalidOperationException exception)
        {
            await error.WriteLineAsync($"{exception.Message} {exception.InnerException?.Message}".TrimEnd());
            return Failure;
        }
    }

    /// <summary>The host builder with the standalone host's configuration sources, then <paramref name="overrides"/> above them all.</summary>
    private static HostApplicationBuilder CreateBuilder(IEnumerable<KeyValuePair<string, string?>> overrides)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environment.GetEnvironmentVariable("AZURE_FUNCTIONS_ENVIRONMENT"),
        });
        LocalSettings.AddBelowAll(builder.Configuration, SkillHubServices.Defaults.Append(new("Logging:LogLevel:Default", "Warning")).GroupBy(p => p.Key).Select(g => g.Last()));
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Configuration.AddInMemoryCollection(overrides);
        return builder;
    }

    /// <summary>
    /// <c>export-demo &lt;directory&gt;</c>: a fresh temporary database on the configured PostgreSQL server
    /// (dropped afterwards) and the in-memory document store, the demo dataset (SkillHub__DemoData, else
    /// &lt;directory&gt;/demo.json) and its registrations, written as the dump of data/.
    /// </summary>
    private static async Task<int> ExportDemoAsync(string directory, TextWriter output, TextWriter error)
    {
        var configuration = CreateBuilder([]).Configuration;
        var server = Database.ConnectionString(configuration);
        var demoData = Path.GetFullPath(configuration[DemoData.Setting] is { Length: > 0 } configured ? configured : Path.Combine(directory, "demo.json"));
        if (!File.Exists(demoData))
        {
            await error.WriteLineAsync($"export-demo failed: the demo dataset {demoData} does not exist (set SkillHub__DemoData).");
            return Failure;
        }

        var name = $"skillhub_demo_export_{Guid.NewGuid():N}";
        var temporary = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        try
        {
            await ExecuteOnServerAsync(server, $"CREATE DATABASE \"{name}\"");
        }
        catch (Npgsql.NpgsqlException exception)
        {
            await error.WriteLineAsync($"export-demo failed: cannot create a temporary database on the configured server: {exception.Message}");
            return Failure;
        }

        try
        {
            var builder = CreateBuilder(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Postgres"] = temporary,
                ["SkillHub:DocumentStore"] = "memory",
                // Never the local app's saved documents: they would be loaded into the dump, and the dump's written over them.
                ["SkillHub:MemoryStore:Directory"] = "",
                [DemoData.Setting] = demoData,
                // Upcoming workshops of the published dump stay upcoming for a year after it is written.
                [DemoData.UpcomingLeadSetting] = "365",
                ["Jwt:SigningKey"] = configuration["Jwt:SigningKey"] is { Length: > 0 } key ? key : Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
                // The dump's manifest is written unsigned; the set in between needs a key all the same.
                ["Backup:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
            });
            builder.Services.AddStandIns(builder.Configuration);
            builder.Services.AddSkillHub(builder.Configuration, builder.Environment);
            BackupSet set;
            using (var host = builder.Build())
            {
                set = await DemoExport.WriteAsync(host.Services, directory, CancellationToken.None);
            }

            await output.WriteLineAsync($"Demo dump written to {directory} (schema {set.SchemaVersion}):");
            foreach (var file in set.Files)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {DemoExport.DumpNameOf(file.Name)} ({file.Bytes} bytes)"));
            }

            await output.WriteLineAsync($"  {DemoExport.ManifestFile}");
            return Success;
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or UnauthorizedAccessException or Npgsql.NpgsqlException or System.Text.Json.JsonException or KeyNotFoundException)
        {
            await error.WriteLineAsync($"export-demo failed: {exception.Message}");
            return Failure;
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await ExecuteOnServerAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static async Task ExecuteOnServerAsync(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await Dapper.SqlMapper.ExecuteAsync(connection, new Dapper.CommandDefinition(sql));
    }

    /// <summary>Runs a verb over services already built (the tests call this with the app's own).</summary>
    public static async Task<int> ExecuteAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return args switch
            {
                [BackupVerb] => await BackupAsync(services, null, output, cancellationToken),
                [BackupVerb, "--directory", var directory] => await BackupAsync(services, directory, output, cancellationToken),
                [RestoreVerb, var set] when !set.StartsWith('-') => await RestoreAsync(services, set, false, output, cancellationToken),
                [RestoreVerb, var set, "--force"] => await RestoreAsync(services, set, true, output, cancellationToken),
                [RestoreVerb, "--force", var set] => await RestoreAsync(services, set, true, output, cancellationToken),
                _ => await UsageAsync(error),
            };
        }
        catch (BackupRejectedException exception)
        {
            return await RejectedAsync(error, exception);
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or UnauthorizedAccessException or Npgsql.NpgsqlException or InvalidDataException)
        {
            await error.WriteLineAsync($"{args[0]} failed: {exception.Message}");
            return Failure;
        }
        catch (Exception exception) when (exception is MongoDB.Driver.MongoException or TimeoutException)
        {
            await error.WriteLineAsync($"{args[0]} failed: {MongoErrors.Describe(exception)}");
            return Failure;
        }
    }

    private static async Task<int> RejectedAsync(TextWriter error, BackupRejectedException exception)
    {
        await error.WriteLineAsync($"Backup set rejected, nothing was changed: {exception.Message}");
        return Rejected;
    }

    private static async Task<int> UsageAsync(TextWriter error)
    {
        await error.WriteLineAsync("Usage: SkillHub.Standalone backup [--directory DIR] | restore <set-directory> [--force] | export-demo <directory>");
        return Failure;
    }

    private static async Task<int> BackupAsync(IServiceProvider services, string? directory, TextWriter output, CancellationToken cancellationToken)
    {
        services.GetRequiredService<Migrator>().Migrate();
        var backups = services.GetRequiredService<BackupService>();
        if (directory is not null)
        {
            backups = backups.WritingTo(Path.GetFullPath(directory));
        }

        var set = await backups.CreateAsync(cancellationToken);
        await output.WriteLineAsync(set.Id);
        await output.WriteLineAsync(Path.Combine(backups.Root, set.Id));
        return Success;
    }

    private static async Task<int> RestoreAsync(IServiceProvider services, string set, bool force, TextWriter output, CancellationToken cancellationToken)
    {
        var summary = await services.GetRequiredService<RestoreService>().RestoreAsync(Path.GetFullPath(set), force, cancellationToken);
        await output.WriteLineAsync($"Restored backup set {summary.SetId} (schema {summary.SchemaVersion}).");
        foreach (var (table, rows) in summary.Tables)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  table {table}: {rows} rows"));
        }

        foreach (var (collection, documents) in summary.Collections)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  collection {collection}: {documents} documents"));
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Reconciliation: {summary.Repairs.Count} repair(s)."));
        foreach (var repair in summary.Repairs)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {repair.Kind} workshop {repair.WorkshopId}: {repair.Before} -> {repair.After}"));
        }

        return Success;
    }
}
