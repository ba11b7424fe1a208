using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SkillHub.Functions.Infrastructure.Sql;

namespace SkillHub.Functions.Tests.Support;

/// <summary>
/// A database of its own for one test class: created from the server named by
/// SKILLHUB_TEST_POSTGRES, migrated with the app's own scripts, dropped afterwards.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public const string Variable = "SKILLHUB_TEST_POSTGRES";

    private readonly string _server;

    public PostgresDatabase()
    {
        _server = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set. Run the tests with scripts/test.sh, which starts PostgreSQL and sets it, or set it to a server where the login may CREATE DATABASE.");
        Name = $"skillhub_test_{Guid.NewGuid():N}";
        // Test classes run side by side against one server (max_connections 100): each app gets a small pool.
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = Name, Pooling = true, MaxPoolSize = 20 }.ConnectionString;
        DataSource = Database.CreateDataSource(ConnectionString);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public async Task InitializeAsync()
    {
        await using (var admin = new NpgsqlConnection(_server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        new Migrator(ConnectionString, NullLogger<Migrator>.Instance).Migrate();
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await DropAsync(_server, Name);
    }

    /// <summary>
    /// Drops a test database, ending whatever still uses it. A backend the login may not end (a
    /// server process starting work there) makes PostgreSQL refuse for a moment: try again.
    /// </summary>
    public static async Task DropAsync(string server, string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            // 53300: every connection slot is taken for a moment by the classes running in parallel.
            catch (PostgresException exception) when (attempt < 20 && exception.SqlState is "42501" or "55006" or "53300")
            {
                await Task.Delay(250);
            }
        }
    }
}
