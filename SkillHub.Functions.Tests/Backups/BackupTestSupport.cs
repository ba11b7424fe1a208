using System.Diagnostics;
using System.Text;
using Dapper;
using Npgsql;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Backups;

/// <summary>A database made empty for one test (no schema at all), dropped afterwards.</summary>
public sealed class BareDatabase : IAsyncDisposable
{
    private readonly string _server;

    private BareDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true, MaxPoolSize = 5 }.ConnectionString;
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<BareDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresDatabase.Variable)
            ?? throw new InvalidOperationException($"{PostgresDatabase.Variable} is not set.");
        var name = $"skillhub_test_{Guid.NewGuid():N}";
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
        await create.ExecuteNonQueryAsync();
        return new BareDatabase(server, name);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await PostgresDatabase.DropAsync(_server, Name);
    }
}

/// <summary>A document collection held in memory, enough to see the service write and count it.</summary>
public sealed class FakeCollectionBackup(string name, params string[] documents) : IDocumentCollectionBackup
{
    public string CollectionName => name;

    public async Task<long> ExportAsync(Stream destination, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes("[" + string.Join(",", documents) + "]");
        await destination.WriteAsync(bytes, cancellationToken);
        return documents.Length;
    }

    public Task<long> ImportAsync(Stream source, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<long> VerifyAsync(Stream source, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<long> CountAsync(CancellationToken cancellationToken) => Task.FromResult((long)documents.Length);
}

public static class PostgresSnapshot
{
    /// <summary>Each table's rows in text COPY format, in key order (the journal without its applied times), and the queue's position: equal strings, equal databases.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(NpgsqlDataSource dataSource)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var table in PostgresExport.Tables)
        {
            // The journal's applied times are the target's own when the app migrated it before the import.
            var columns = table == PostgresExport.JournalTable ? "schemaversionsid, scriptname" : "*";
            using var reader = await connection.BeginTextExportAsync($"COPY (SELECT {columns} FROM {table} ORDER BY 1, 2) TO STDOUT");
            result[table] = await reader.ReadToEndAsync();
        }

        result["registration_queue"] = (await connection.QuerySingleAsync<(long, bool)>("SELECT last_value, is_called FROM registration_queue")).ToString();
        return result;
    }

    /// <summary>Rows that exercise the text format: quotes, tabs, newlines, backslashes, non-ASCII, bytea, nulls.</summary>
    public static async Task SeedAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO users (id, email, display_name, password_hash, role)
            VALUES ('0190a000-0000-7000-8000-000000000001', 'trainer@example.test', E'Zoë O''Brien\tthe "trainer"', 'hash\with\backslashes', 'trainer'),
                   ('0190a000-0000-7000-8000-000000000002', 'participant@example.test', 'Participant', 'hash', 'participant');
            INSERT INTO workshops (id, title, description, trainer_id, starts_at, ends_at, location, capacity, seats_taken, status)
            VALUES ('0190a000-0000-7000-8000-0000000000a1', 'Écrire du SQL', E'Line one\nLine two\r\n\\N is not null', '0190a000-0000-7000-8000-000000000001',
                    '2027-01-10 09:00+00', '2027-01-10 12:00+00', 'Salle 1', 10, 1, 'published');
            INSERT INTO sessions (id, user_id, created_at)
            VALUES ('0190a000-0000-7000-8000-0000000000f1', '0190a000-0000-7000-8000-000000000002', now());
            INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, created_at, expires_at)
            VALUES (gen_random_uuid(), '0190a000-0000-7000-8000-0000000000f1', '0190a000-0000-7000-8000-000000000002', decode(repeat('0a5c', 16), 'hex'), now(), now() + interval '1 day');
            INSERT INTO login_throttle (scope, key, failures, window_started_at, locked_until)
            VALUES ('address', '203.0.113.9', 2, now(), NULL);
            SELECT nextval('registration_queue'); SELECT nextval('registration_queue');
            """);
    }

    /// <summary>Runs psql on a script, the password in its environment and never on its command line.</summary>
    public static async Task<(int ExitCode, string Output)> RunPsqlAsync(string connectionString, string scriptPath)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo("psql")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", builder.Host!, "-p", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", builder.Username!, "-d", builder.Database!, "-f", scriptPath })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = builder.Password;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}

/// <summary>The ways a backup set can be damaged, partial or foreign, applied to a copy of a good set.</summary>
public static class DamagedSets
{
    public static TheoryData<string> Damages =>
    [
        "one byte of postgres.sql", "a missing file", "a truncated JSON", "a manifest from another set", "an unknown collection", "an unknown schema version",
        "an injected statement, checksums recomputed", "a manifest without a signature", "a signature made with another key",
        "a signature copied from another set",
    ];

    /// <returns><paramref name="set"/>, damaged in place.</returns>
    public static async Task<string> DamageAsync(string set, string damage, Func<Task<string>> anotherSet)
    {
        ArgumentNullException.ThrowIfNull(anotherSet);
        switch (damage)
        {
            case "one byte of postgres.sql":
                var bytes = await File.ReadAllBytesAsync(Path.Combine(set, "postgres.sql"));
                bytes[bytes.Length / 2] ^= 0x01;
                await File.WriteAllBytesAsync(Path.Combine(set, "postgres.sql"), bytes);
                break;
            case "a missing file":
                File.Delete(Path.Combine(set, "mongo_comments.json"));
                break;
            case "a truncated JSON":
                var text = await File.ReadAllTextAsync(Path.Combine(set, "mongo_registrations.json"));
                await File.WriteAllTextAsync(Path.Combine(set, "mongo_registrations.json"), text[..(text.Length / 2)]);
                break;
            case "a manifest from another set":
                File.Copy(Path.Combine(await anotherSet(), "manifest.json"), Path.Combine(set, "manifest.json"), overwrite: true);
                break;
            case "an unknown collection":
                await File.WriteAllTextAsync(Path.Combine(set, "mongo_unknown.json"), "[]");
                break;
            case "an unknown schema version":
                var manifest = await File.ReadAllTextAsync(Path.Combine(set, "manifest.json"));
                var known = System.Text.Json.JsonDocument.Parse(manifest).RootElement.GetProperty("schemaVersion").GetString()!;
                await File.WriteAllTextAsync(Path.Combine(set, "manifest.json"), manifest.Replace(known, "sql.9999_from_the_future.sql", StringComparison.Ordinal));
                break;
            case "an injected statement, checksums recomputed":
                await TamperedSets.EditScriptAsync(set, "a statement after a COPY block");
                break;
            case "a manifest without a signature":
                await TamperedSets.EditManifestAsync(set, manifest => manifest.Remove("signature"));
                break;
            case "a signature made with another key":
                var content = await File.ReadAllBytesAsync(Path.Combine(set, "manifest.json"));
                var foreign = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48), content));
                await TamperedSets.EditManifestAsync(set, manifest => manifest["signature"] = foreign);
                break;
            case "a signature copied from another set":
                var other = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(await anotherSet(), "manifest.json")))!["signature"]?.GetValue<string>();
                await TamperedSets.EditManifestAsync(set, manifest => manifest["signature"] = other);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(damage), damage, "No such damage.");
        }

        return set;
    }
}

/// <summary>
/// Edits of postgres.sql that only an attacker writes, each applied to an exported script's text.
/// A set carrying one is then resealed (<see cref="TamperedSets.ResealAsync"/>): its checksums are
/// recomputed, so only the importer's grammar stands in the way. Every edit of <see cref="Edits"/>
/// is refused without a database; <see cref="OtherColumns"/> needs the table's catalog.
/// </summary>
public static class TamperedScripts
{
    public const string Injected = "INSERT INTO users (id, email, display_name, password_hash, role) VALUES ('0190a000-0000-7000-8000-0000000000ee', 'intruder@example.test', 'Intruder', 'x', 'admin');";

    public const string OtherColumns = "a different column list";

    public static TheoryData<string> Edits =>
    [
        "a statement after a COPY block",
        "COPY users TO PROGRAM",
        "an unknown table",
        "a second statement on a setval line",
        "a comment in the wrong place",
        "a changed schema block",
    ];

    public static string Apply(string script, string edit)
    {
        ArgumentNullException.ThrowIfNull(script);
        var usersCopy = script.Split('\n').First(l => l.StartsWith("COPY users (", StringComparison.Ordinal));
        var setval = script.Split('\n').First(l => l.StartsWith("SELECT setval('registration_queue'", StringComparison.Ordinal));
        return edit switch
        {
            "a statement after a COPY block" => InsertAfter(script, "\n\\.\nCOPY workshops", "\n\\.\n", Injected + "\n"),
            "COPY users TO PROGRAM" => script.Replace(usersCopy, "COPY users (id) TO PROGRAM 'id > /tmp/skillhub-pwned';\n" + usersCopy, StringComparison.Ordinal),
            "an unknown table" => script.Replace("\nSELECT setval(pg_get_serial_sequence", "\nCOPY intruders (id) FROM stdin;\n1\n\\.\nSELECT setval(pg_get_serial_sequence", StringComparison.Ordinal),
            OtherColumns => script.Replace(usersCopy, usersCopy.Replace("email, display_name", "display_name, email", StringComparison.Ordinal), StringComparison.Ordinal),
            "a second statement on a setval line" => script.Replace(setval, setval + " " + Injected, StringComparison.Ordinal),
            "a comment in the wrong place" => script.Replace("\nBEGIN;\n", "\nBEGIN;\n-- a harmless-looking comment\n", StringComparison.Ordinal),
            "a changed schema block" => script.Replace("\n-- skillhub:schema:end\n", "\n" + Injected + "\n-- skillhub:schema:end\n", StringComparison.Ordinal),
            _ => throw new ArgumentOutOfRangeException(nameof(edit), edit, "No such edit."),
        };
    }

    /// <summary>Inserts <paramref name="text"/> after the first <paramref name="after"/> found at <paramref name="anchor"/>.</summary>
    private static string InsertAfter(string script, string anchor, string after, string text)
    {
        var at = script.IndexOf(anchor, StringComparison.Ordinal) + after.Length;
        return script[..at] + text + script[at..];
    }
}

public static class TamperedSets
{
    /// <summary>Edits the set's postgres.sql, then reseals the set.</summary>
    public static async Task<string> EditScriptAsync(string set, string edit)
    {
        var path = Path.Combine(set, BackupService.PostgresFile);
        await File.WriteAllTextAsync(path, TamperedScripts.Apply(await File.ReadAllTextAsync(path), edit), new UTF8Encoding(false));
        await ResealAsync(set);
        return set;
    }

    /// <summary>Recomputes the size and SHA-256 of every file the manifest lists, as anyone with write access to the set can; the signature stays as it was.</summary>
    public static Task ResealAsync(string set) => EditManifestAsync(set, manifest =>
    {
        foreach (var file in manifest["files"]!.AsArray().Select(f => f!.AsObject()))
        {
            var bytes = File.ReadAllBytes(Path.Combine(set, file["name"]!.GetValue<string>()));
            file["bytes"] = bytes.LongLength;
            file["sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        }
    });

    public static async Task EditManifestAsync(string set, Action<System.Text.Json.Nodes.JsonObject> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var path = Path.Combine(set, BackupService.ManifestFile);
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
        edit(manifest);
        await File.WriteAllTextAsync(path, manifest.ToJsonString());
    }
}
