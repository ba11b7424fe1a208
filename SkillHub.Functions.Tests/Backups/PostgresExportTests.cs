using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Infrastructure.Sql;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Backups;

public sealed class SeededDatabase : IAsyncLifetime
{
    public PostgresDatabase Database { get; } = new();

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await PostgresSnapshot.SeedAsync(Database.DataSource);
    }

    public Task DisposeAsync() => Database.DisposeAsync();
}

/// <summary>The PostgreSQL export restores, by psql or by the app, to the same rows, from one snapshot.</summary>
public sealed class PostgresExportTests(SeededDatabase source) : IClassFixture<SeededDatabase>
{
    private async Task<(byte[] Script, PostgresExportResult Result)> ExportAsync(Func<string, Task>? afterTable = null)
    {
        var export = new PostgresExport(source.Database.DataSource) { AfterTable = afterTable };
        using var buffer = new MemoryStream();
        var result = await export.ExportAsync(buffer, CancellationToken.None);
        return (buffer.ToArray(), result);
    }

    [Fact]
    public async Task Export_RestoredByPsqlIntoAnEmptyDatabase_HasEveryRowAndTheSchemaVersion()
    {
        var (script, result) = await ExportAsync();
        await using var target = await BareDatabase.CreateAsync();
        var path = Path.Combine(Path.GetTempPath(), $"skillhub-{Guid.NewGuid():N}.sql");
        await File.WriteAllBytesAsync(path, script);
        try
        {
            var (exitCode, output) = await PostgresSnapshot.RunPsqlAsync(target.ConnectionString, path);

            Assert.True(exitCode == 0, output);
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Equal(await PostgresSnapshot.ReadAsync(source.Database.DataSource), await PostgresSnapshot.ReadAsync(target.DataSource));
        Assert.Equal(Migrator.ScriptNames[^1], result.SchemaVersion);
        Assert.Empty(new Migrator(target.ConnectionString, NullLogger<Migrator>.Instance).Migrate());
    }

    [Fact]
    public async Task Export_ImportedByTheAppIntoAMigratedDatabase_HasEveryRow()
    {
        var (script, result) = await ExportAsync();
        var target = new PostgresDatabase();
        await target.InitializeAsync();
        try
        {
            var counts = await new PostgresImport(target.DataSource).ImportAsync(new MemoryStream(script), force: false, CancellationToken.None);

            Assert.Equal(await PostgresSnapshot.ReadAsync(source.Database.DataSource), await PostgresSnapshot.ReadAsync(target.DataSource));
            Assert.Equal(result.Counts, counts);
        }
        finally
        {
            await target.DisposeAsync();
        }
    }

    [Fact]
    public async Task Export_ImportedByTheAppIntoAnEmptyDatabase_BringsTheSchemaToo()
    {
        var (script, _) = await ExportAsync();
        await using var target = await BareDatabase.CreateAsync();

        await new PostgresImport(target.DataSource).ImportAsync(new MemoryStream(script), force: false, CancellationToken.None);

        Assert.Equal(await PostgresSnapshot.ReadAsync(source.Database.DataSource), await PostgresSnapshot.ReadAsync(target.DataSource));
    }

    [Fact]
    public async Task Import_RefusesADatabaseThatHoldsRows_UnlessForced()
    {
        var (script, _) = await ExportAsync();
        var target = new PostgresDatabase();
        await target.InitializeAsync();
        try
        {
            await using (var connection = await target.DataSource.OpenConnectionAsync())
            {
                await connection.ExecuteAsync("INSERT INTO users (id, email, display_name, password_hash, role) VALUES (gen_random_uuid(), 'other@example.test', 'Other', 'h', 'admin')");
            }

            var import = new PostgresImport(target.DataSource);
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => import.ImportAsync(new MemoryStream(script), force: false, CancellationToken.None));
            Assert.Contains("users", refused.Message, StringComparison.Ordinal);

            await import.ImportAsync(new MemoryStream(script), force: true, CancellationToken.None);
            Assert.Equal(await PostgresSnapshot.ReadAsync(source.Database.DataSource), await PostgresSnapshot.ReadAsync(target.DataSource));
        }
        finally
        {
            await target.DisposeAsync();
        }
    }

    [Fact]
    public async Task Export_ReadsOneSnapshot_RowsWrittenDuringItAreLeftOut()
    {
        var before = await PostgresSnapshot.ReadAsync(source.Database.DataSource);
        var userId = Guid.NewGuid();
        var (script, result) = await ExportAsync(async table =>
        {
            if (table != "users")
            {
                return;
            }

            // Another connection writes a user and their workshop after users were read, before workshops are.
            await using var other = await source.Database.DataSource.OpenConnectionAsync();
            await other.ExecuteAsync(
                """
                INSERT INTO users (id, email, display_name, password_hash, role) VALUES (@userId, @email, 'Late', 'h', 'trainer');
                INSERT INTO workshops (id, title, description, trainer_id, starts_at, ends_at, location, capacity)
                VALUES (gen_random_uuid(), 'Late workshop', '', @userId, '2027-02-01 09:00+00', '2027-02-01 10:00+00', 'Salle 2', 5);
                SELECT nextval('registration_queue');
                """,
                new { userId, email = $"late-{userId:N}@example.test" });
        });

        try
        {
            await using var target = await BareDatabase.CreateAsync();
            await new PostgresImport(target.DataSource).ImportAsync(new MemoryStream(script), force: false, CancellationToken.None);
            var restored = await PostgresSnapshot.ReadAsync(target.DataSource);
            Assert.Equal(before["users"], restored["users"]);
            Assert.Equal(before["workshops"], restored["workshops"]);
            Assert.Equal(2, result.Counts["users"]);
            Assert.Equal(1, result.Counts["workshops"]);
        }
        finally
        {
            await using var connection = await source.Database.DataSource.OpenConnectionAsync();
            await connection.ExecuteAsync("DELETE FROM workshops WHERE trainer_id = @userId; DELETE FROM users WHERE id = @userId", new { userId });
        }
    }

    [Fact]
    public async Task TheCounts_AreTheRowsInTheScript()
    {
        var (script, result) = await ExportAsync();
        var text = System.Text.Encoding.UTF8.GetString(script);

        foreach (var table in PostgresExport.Tables)
        {
            var block = text[text.IndexOf($"COPY {table} (", StringComparison.Ordinal)..];
            block = block[(block.IndexOf('\n', StringComparison.Ordinal) + 1)..];
            // An empty table's block is its end marker alone.
            block = block[..(block.StartsWith("\\.\n", StringComparison.Ordinal) ? 0 : block.IndexOf("\n\\.\n", StringComparison.Ordinal))];
            Assert.Equal(result.Counts[table], block.Length == 0 ? 0 : block.Split('\n').Length);
        }

        await using var connection = await source.Database.DataSource.OpenConnectionAsync();
        Assert.Equal(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM users"), result.Counts["users"]);
    }

    [Fact]
    public async Task EveryTableOfTheSchema_IsExported()
    {
        await using var connection = await source.Database.DataSource.OpenConnectionAsync();
        var tables = await connection.QueryAsync<string>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
        var sequences = await connection.QueryAsync<string>("SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' AND sequencename NOT LIKE 'schema_versions%'");

        Assert.Equal(tables.Order(StringComparer.Ordinal), PostgresExport.Tables.Order(StringComparer.Ordinal));
        Assert.Equal(sequences.Order(StringComparer.Ordinal), PostgresExport.Sequences.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheReader_ReadsEveryExportBack_WithItsSchemaVersion()
    {
        var (script, result) = await ExportAsync();

        var header = await PostgresBackupScript.VerifyAsync(new MemoryStream(script), CancellationToken.None);

        Assert.Equal(result.SchemaVersion, header.SchemaVersion);
        Assert.Equal(PostgresExport.AppVersion, header.AppVersion);
        Assert.Equal(Migrator.ScriptNames, header.Migrations);
    }

    [Theory]
    [MemberData(nameof(TamperedScripts.Edits), MemberType = typeof(TamperedScripts))]
    public async Task Import_OfAScriptWithALineTheExporterNeverWrites_IsRefusedBeforeConnecting(string edit)
    {
        var (script, _) = await ExportAsync();
        var tampered = System.Text.Encoding.UTF8.GetBytes(TamperedScripts.Apply(System.Text.Encoding.UTF8.GetString(script), edit));
        // Nothing listens there: reaching for the database would fail with a connection error instead.
        await using var nowhere = Npgsql.NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2");

        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => new PostgresImport(nowhere).ImportAsync(new MemoryStream(tampered), force: true, CancellationToken.None));

        Assert.StartsWith("line ", refused.Message, StringComparison.Ordinal);
    }
}
