using System.Reflection;
using DbUp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SkillHub.Functions.Infrastructure.Sql;

public static class Database
{
    public const string ConnectionStringName = "Postgres";

    public static string ConnectionString(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException("ConnectionStrings__Postgres is not set: name the PostgreSQL database, e.g. Host=127.0.0.1;Database=skillhub;Username=skillhub;Password=...");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(value);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException)
        {
            // Refused before anything starts (under the Functions host, preparation runs after the worker connects).
            // The parser's inner exception may quote a value, so only its own message is kept.
            throw new InvalidOperationException($"ConnectionStrings__Postgres is malformed ({exception.Message}); see npgsql.org/doc/connection-string-parameters.html.");
        }

        return value;
    }

    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Prepared statements for the hot queries; see npgsql.org/doc/prepare.
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 32;
            builder.AutoPrepareMinUsages = 2;
        }

        // A pooled connection is otherwise reset at every reuse: seven statements (RESET ALL, CLOSE ALL,
        // UNLISTEN *, DISCARD ...) run before the next query, on every request. The app changes no
        // session state (its SETs are transaction-scoped), so there is nothing to reset.
        builder.NoResetOnClose = true;
        builder.ApplicationName ??= "skillhub-functions";
        return new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
    }
}

/// <summary>
/// Applies the versioned scripts of sql/ (embedded in the assembly) once each, in name order,
/// recording them in the journal table <c>schema_versions</c>.
/// </summary>
public sealed class Migrator(string connectionString, ILogger<Migrator> logger)
{
    private const string ResourcePrefix = "sql.";

    public static IReadOnlyList<string> ScriptNames { get; } = typeof(Migrator).Assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToList();

    public IReadOnlyList<string> Migrate()
    {
        // The usual start-up: nothing to apply. One query says so, without loading DbUp's machinery
        // (its journal checks and every script's text), which cost a tenth of the start-up time.
        if (IsUpToDate())
        {
            return [];
        }

        var upgrader = DeployChanges.To
            .PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .JournalToPostgresqlTable("public", "schema_versions")
            .LogTo(logger)
            .Build();

        var result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Migration {result.ErrorScript?.Name} failed.", result.Error);
        }

        return result.Scripts.Select(s => s.Name).ToList();
    }

    /// <summary>True when the journal names every embedded script (DbUp would then apply nothing).</summary>
    private bool IsUpToDate()
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var exists = new NpgsqlCommand("SELECT to_regclass('public.schema_versions') IS NOT NULL", connection);
        if (exists.ExecuteScalar() is not true)
        {
            return false;
        }

        using var names = new NpgsqlCommand("SELECT array_agg(scriptname::text) FROM schema_versions", connection);
        var journal = names.ExecuteScalar() as string[];
        return journal is not null && ScriptNames.All(journal.Contains);
    }
}
