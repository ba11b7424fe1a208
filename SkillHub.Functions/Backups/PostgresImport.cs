using Dapper;
using Npgsql;

namespace SkillHub.Functions.Backups;

/// <summary>
/// Imports a <see cref="PostgresExport"/> script through Npgsql, in one transaction, running none of
/// the file's SQL: the script is first read whole by <see cref="PostgresBackupScript"/> (any line it
/// does not expect refuses the import before the database is touched), then read again to feed each
/// COPY block's rows to COPY FROM STDIN. Into a database without tables the schema comes from this
/// build's own migration text; into one the app already migrated to the same version, the rows
/// only. Either way the database must hold no rows, unless <c>force</c> empties it first.
/// </summary>
public sealed class PostgresImport(NpgsqlDataSource dataSource)
{
    /// <param name="script">A seekable stream: it is read twice.</param>
    /// <returns>The rows imported, per table.</returns>
    /// <exception cref="InvalidDataException">The script is not one the exporter writes; nothing was changed.</exception>
    public async Task<IReadOnlyDictionary<string, long>> ImportAsync(Stream script, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        var start = script.Position;
        await PostgresBackupScript.VerifyAsync(script, cancellationToken);
        script.Position = start;

        using var reader = new PostgresBackupScript(script);
        var header = await reader.ReadHeaderAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var migrated = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT to_regclass('public.schema_versions') IS NOT NULL", transaction: transaction, cancellationToken: cancellationToken));
        if (migrated)
        {
            await CheckMigratedTargetAsync(connection, transaction, header.SchemaVersion, force, cancellationToken);
        }
        else
        {
            await ExecuteAsync(connection, transaction, PostgresBackupScript.SchemaText(header.Migrations), cancellationToken);
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        ScriptStatement statement;
        while ((statement = await reader.ReadStatementAsync(cancellationToken)) is not EndOfScript)
        {
            switch (statement)
            {
                case CopyStatement copy:
                    var skip = migrated && copy.Table == PostgresExport.JournalTable;
                    counts[copy.Table] = await CopyAsync(connection, transaction, reader, copy, skip, cancellationToken);
                    break;
                case JournalSequenceStatement:
                    await ExecuteAsync(connection, transaction, PostgresBackupScript.JournalSequenceSql, cancellationToken);
                    break;
                case SequenceStatement sequence:
                    await connection.ExecuteAsync(new CommandDefinition(
                        "SELECT setval(@sequence::regclass, @value, @isCalled)",
                        new { sequence = sequence.Sequence, value = sequence.Value, isCalled = sequence.IsCalled },
                        transaction,
                        cancellationToken: cancellationToken));
                    break;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return counts;
    }

    /// <summary>A migrated database must be at the backup's schema version and hold no rows (or be emptied when forced).</summary>
    private static async Task CheckMigratedTargetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schemaVersion, bool force, CancellationToken cancellationToken)
    {
        var current = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT scriptname FROM schema_versions ORDER BY schemaversionsid DESC LIMIT 1", transaction: transaction, cancellationToken: cancellationToken));
        if (current != schemaVersion)
        {
            throw new InvalidOperationException($"The backup was taken at schema version {schemaVersion}, the database is at {current ?? "none"}: restore into an empty database instead.");
        }

        var dataTables = PostgresExport.Tables.Where(t => t != PostgresExport.JournalTable).ToList();
        if (force)
        {
            await ExecuteAsync(connection, transaction, $"TRUNCATE {string.Join(", ", dataTables)} CASCADE", cancellationToken);
            return;
        }

        foreach (var table in dataTables)
        {
            if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition($"SELECT EXISTS (SELECT 1 FROM {table})", transaction: transaction, cancellationToken: cancellationToken)))
            {
                throw new InvalidOperationException($"The database already holds rows (table {table}): restore into an empty database, or force the import to replace them.");
            }
        }
    }

    /// <summary>This build's own SQL (its migrations, its fixed statements), never text from the script.</summary>
    private static Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken));

    /// <summary>Feeds the block's rows to COPY FROM STDIN over exactly the table's columns, or reads past them when <paramref name="skip"/>.</summary>
    private static async Task<long> CopyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, PostgresBackupScript reader, CopyStatement copy, bool skip, CancellationToken cancellationToken)
    {
        var columns = await PostgresExport.ColumnListAsync(connection, transaction, copy.Table, cancellationToken);
        if (columns != copy.ColumnList)
        {
            throw new InvalidDataException($"The COPY block of {copy.Table} names the columns ({copy.ColumnList}), the table has ({columns}): the script is not one this build writes for that schema version.");
        }

        long rows = 0;
        TextWriter? writer = skip ? null : await connection.BeginTextImportAsync($"COPY {copy.Table} ({columns}) FROM STDIN", cancellationToken);
        await using (writer)
        {
            while (await reader.ReadRowAsync(cancellationToken) is { } row)
            {
                if (writer is not null)
                {
                    await writer.WriteAsync(row);
                    await writer.WriteAsync('\n');
                }

                rows++;
            }
        }

        return rows;
    }
}
