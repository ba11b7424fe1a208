using System.Data;
using System.Reflection;
using Dapper;
using Npgsql;
using SkillHub.Functions.Infrastructure.Sql;

namespace SkillHub.Functions.Backups;

/// <summary>What one PostgreSQL export holds: the schema version it was taken at and the rows of each table.</summary>
public sealed record PostgresExportResult(string SchemaVersion, IReadOnlyDictionary<string, long> Counts);

/// <summary>
/// Writes the whole PostgreSQL database as one script that <c>psql</c> restores into an empty
/// database: the migration scripts the database was built with (so the schema comes along), then
/// every table's rows as text-format COPY blocks and the queue sequence, in one transaction. Every
/// table is read in one REPEATABLE READ transaction, so the rows come from a single snapshot.
/// </summary>
public sealed class PostgresExport(NpgsqlDataSource dataSource)
{
    public const string JournalTable = "schema_versions";

    /// <summary>Every table, parents before children; the journal first, so a restored database knows its migrations.</summary>
    public static IReadOnlyList<string> Tables { get; } =
        [JournalTable, "users", "workshops", "sessions", "refresh_tokens", "login_throttle", "notifications", "workshop_changes", "password_resets", "calendar_feeds"];

    public static IReadOnlyList<string> Sequences { get; } = ["registration_queue"];

    private const int CopyBlockBytes = 256 * 1024;

    /// <summary>Called after each table's rows are written (tests use it to write between two tables).</summary>
    internal Func<string, Task>? AfterTable { get; set; }

    public static string AppVersion { get; } =
        typeof(PostgresExport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(PostgresExport).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Holds capacity changes back until disposed, so that the documents read after this export agree with it.</summary>
    public Task<IAsyncDisposable> FenceCapacityChangesAsync(CancellationToken cancellationToken) =>
        Infrastructure.Sql.CapacityFence.HoldAsync(dataSource, cancellationToken);

    public async Task<PostgresExportResult> ExportAsync(Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SET TRANSACTION READ ONLY", transaction: transaction, cancellationToken: cancellationToken));

        // The first query fixes the snapshot every later read sees.
        var applied = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT scriptname FROM schema_versions ORDER BY schemaversionsid", transaction: transaction, cancellationToken: cancellationToken))).ToList();
        if (applied.Count == 0)
        {
            throw new InvalidOperationException("The database has no applied migrations: there is nothing to back up.");
        }

        await using var writer = new StreamWriter(destination, new System.Text.UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        var schemaVersion = applied[^1];
        if (!applied.SequenceEqual(Migrator.ScriptNames.Take(applied.Count), StringComparer.Ordinal))
        {
            throw new InvalidOperationException($"The database's applied migrations are not this build's, in order, up to {schemaVersion}: back it up with the version of the app that migrated it.");
        }

        foreach (var line in PostgresBackupScript.HeaderLines(AppVersion, schemaVersion))
        {
            await writer.WriteLineAsync(line);
        }

        await writer.WriteAsync(PostgresBackupScript.SchemaText(applied));
        await writer.WriteLineAsync(PostgresBackupScript.SchemaEnd);

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in Tables)
        {
            counts[table] = await CopyTableAsync(connection, transaction, table, writer, destination, cancellationToken);
            if (AfterTable is { } hook)
            {
                await hook(table);
            }
        }

        await writer.WriteLineAsync(PostgresBackupScript.JournalSequenceSql);
        foreach (var sequence in Sequences)
        {
            var state = await connection.QuerySingleAsync<(long LastValue, bool IsCalled)>(new CommandDefinition(
                $"SELECT last_value, is_called FROM {sequence}", transaction: transaction, cancellationToken: cancellationToken));
            await writer.WriteLineAsync(PostgresBackupScript.SequenceLine(sequence, state.LastValue, state.IsCalled));
        }

        await writer.WriteLineAsync(PostgresBackupScript.Commit);
        await transaction.CommitAsync(cancellationToken);
        return new PostgresExportResult(schemaVersion, counts);
    }

    /// <summary>A table's columns in the order and spelling of the COPY lines: what the import requires of a COPY line, too.</summary>
    public static async Task<string> ColumnListAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // The catalog itself rather than information_schema.columns, whose view (privilege checks
        // over a dozen joined catalogs) took longer than some tables' rows.
        return await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            """
            SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute
             WHERE attrelid = to_regclass('public.' || quote_ident(@table)) AND attnum > 0 AND NOT attisdropped
            """,
            new { table },
            transaction,
            cancellationToken: cancellationToken))
            ?? throw new InvalidOperationException($"Table {table} is missing from the database.");
    }

    private static async Task<long> CopyTableAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, StreamWriter writer, Stream destination, CancellationToken cancellationToken)
    {
        var columnList = await ColumnListAsync(connection, transaction, table, cancellationToken);
        await writer.WriteLineAsync(PostgresBackupScript.CopyLine(table, columnList));
        await writer.FlushAsync(cancellationToken);
        long rows = 0;
        var buffer = new byte[CopyBlockBytes];
        using (var reader = await connection.BeginTextExportAsync($"COPY {table} ({columnList}) TO STDOUT", cancellationToken))
        {
            // The rows go out as the server sent them, UTF-8 bytes untouched, gathered in blocks: the
            // server sends one message per row, and one awaited write per row made the export slower
            // than pg_dump. Text COPY escapes newlines inside values, so each '\n' ends one row.
            var raw = ((StreamReader)reader).BaseStream;
            int filled;
            do
            {
                filled = await raw.ReadAtLeastAsync(buffer, CopyBlockBytes, throwOnEndOfStream: false, cancellationToken);
                rows += buffer.AsSpan(0, filled).Count((byte)'\n');
                await destination.WriteAsync(buffer.AsMemory(0, filled), cancellationToken);
            }
            while (filled == CopyBlockBytes);
        }

        await writer.WriteLineAsync(PostgresBackupScript.EndOfCopy);
        return rows;
    }
}
