using System.Text.Json;
using Dapper;
using SkillHub.Functions.Demo;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Demo;

/// <summary>
/// SkillHub__SeedDemoData=false (the compose stack's default, SEED_DEMO_DATA) keeps the dataset that
/// SkillHub__DemoData names out of the database.
/// </summary>
public sealed class DemoDataSwitchTests(DemoDataSwitchTests.SwitchedOffApp app) : IClassFixture<DemoDataSwitchTests.SwitchedOffApp>
{
    private static readonly string DatasetPath = Repository.DemoDataset;

    public sealed class SwitchedOffApp : AppFixture
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new(DemoData.Setting, DatasetPath), new(DemoData.SeedSetting, "false")];
    }

    [Fact]
    public async Task WithSeedDemoDataFalse_NoDemoAccountNorWorkshopIsCreated()
    {
        using var dataset = JsonDocument.Parse(await File.ReadAllTextAsync(DatasetPath));
        var emails = dataset.RootElement.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("email").GetString()!).ToArray();
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();

        Assert.NotEmpty(emails);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM users WHERE email = ANY(@emails)", new { emails }));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM workshops"));
    }
}
