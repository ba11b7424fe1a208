using System.Text;
using Dapper;
using Npgsql;

namespace SkillHub.Functions.Backups;

/// <summary>
/// Runs a <see cref="PostgresExport"/> script through Npgsql, as psql would: SQL in batches, each
/// COPY block through a text import. Into a database without tables it brings the schema too; into
/// one the app already migrated to the same version it brings the rows only. Either way the
/// database must hold no rows, unless <c>force</c> empties it first.
/// </summary>
public sealed class PostgresImport(NpgsqlDataSource dataSource)
{
    /// <returns>The rows imported, per table.</returns>
    public async Task<IReadOnlyDictionary<string, long>> ImportAsync(Stream script, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var migrated = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT to_regclass('public.schema_versions') IS NOT NULL", cancellationToken: cancellationToken));

        using var reader = new StreamReader(script, Encoding.UTF8);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var batch = new StringBuilder();
        var inSchema = false;
        string? schemaVersion = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith(PostgresExport.SchemaVersionPrefix, StringComparison.Ordinal))
            {
                schemaVersion = line[PostgresExport.SchemaVersionPrefix.Length..].Trim();
                if (migrated)
                {
                    await CheckMigratedTargetAsync(connection, schemaVersion, force, cancellationToken);
                }
            }
            else if (line == PostgresExport.SchemaBegin)
            {
                inSchema = migrated;
            }
            else if (line == PostgresExport.SchemaEnd)
            {
                inSchema = false;
            }
            else if (inSchema || line.StartsWith('\\'))
            {
                // The schema the app already applied, or a psql meta-command.
            }
            else if (line.StartsWith("COPY ", StringComparison.Ordinal) && line.EndsWith(" FROM stdin;", StringComparison.Ordinal))
            {
                var table = line["COPY ".Length..line.IndexOf(' ', "COPY ".Length)];
                await FlushAsync(connection, batch, cancellationToken);
                var skip = migrated && table == PostgresExport.JournalTable;
                counts[table] = await CopyAsync(connection, reader, skip ? null : line[..^" FROM stdin;".Length] + " FROM STDIN", cancellationToken);
            }
            else
            {
                batch.Append(line).Append('\n');
            }
        }

        if (schemaVersion is null)
        {
            throw new InvalidOperationException("This is not a SkillHub PostgreSQL backup: its header names no schema version.");
        }

        await FlushAsync(connection, batch, cancellationToken);
        return counts;
    }

    /// <summary>A migrated database must be at the backup's schema version and hold no rows (or be emptied when forced).</summary>
    private static async Task CheckMigratedTargetAsync(NpgsqlConnection connection, string schemaVersion, bool force, CancellationToken cancellationToken)
    {
        var current = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT scriptname FROM schema_versions ORDER BY schemaversionsid DESC LIMIT 1", cancellationToken: cancellationToken));
        if (current != schemaVersion)
        {
            throw new InvalidOperationException($"The backup was taken at schema version {schemaVersion}, the database is at {current ?? "none"}: restore into an empty database instead.");
        }

        var dataTables = PostgresExport.Tables.Where(t => t != PostgresExport.JournalTable).ToList();
        if (force)
        {
            await connection.ExecuteAsync(new CommandDefinition($"TRUNCATE {string.Join(", ", dataTables)} CASCADE", cancellationToken: cancellationToken));
            return;
        }

        foreach (var table in dataTables)
        {
            if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition($"SELECT EXISTS (SELECT 1 FROM {table})", cancellationToken: cancellationToken)))
            {
                throw new InvalidOperationException($"The database already holds rows (table {table}): restore into an empty database, or force the import to replace them.");
            }
        }
    }

    private static async Task FlushAsync(NpgsqlConnection connection, StringBuilder batch, CancellationToken cancellationToken)
    {
        var sql = batch.ToString();
        batch.Clear();
        if (!string.IsNullOrWhiteSpace(sql))
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Feeds the lines up to <c>\.</c> to the COPY command, or reads past them when <paramref name="copyCommand"/> is null.</summary>
    private static async Task<long> CopyAsync(NpgsqlConnection connection, StreamReader reader, string? copyCommand, CancellationToken cancellationToken)
    {
        long rows = 0;
        TextWriter? writer = copyCommand is null ? null : await connection.BeginTextImportAsync(copyCommand, cancellationToken);
        await using (writer)
        {
            while (true)
            {
                var line = await reader.ReadLineAsync(cancellationToken)
                    ?? throw new InvalidOperationException("The backup script ends inside a COPY block: it is truncated.");
                if (line == "\\.")
                {
                    return rows;
                }

                if (writer is not null)
                {
                    await writer.WriteAsync(line);
                    await writer.WriteAsync('\n');
                }

                rows++;
            }
        }
    }
}
