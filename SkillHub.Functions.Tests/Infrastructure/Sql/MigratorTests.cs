using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using SkillHub.Functions.Infrastructure.Sql;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Infrastructure.Sql;

public sealed class MigratorTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public void Migrate_OnAnUpToDateDatabase_AppliesNothing()
    {
        var applied = new Migrator(database.ConnectionString, NullLogger<Migrator>.Instance).Migrate();

        Assert.Empty(applied);
    }

    [Fact]
    public async Task SchemaVersions_ListsEveryScriptExactlyOnce_AfterASecondRun()
    {
        new Migrator(database.ConnectionString, NullLogger<Migrator>.Instance).Migrate();

        await using var connection = await database.DataSource.OpenConnectionAsync();
        var journal = (await connection.QueryAsync<string>("SELECT scriptname FROM schema_versions ORDER BY scriptname")).ToList();
        Assert.NotEmpty(Migrator.ScriptNames);
        Assert.Equal(Migrator.ScriptNames, journal);
    }
}
