using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Infrastructure.Telemetry;
using SkillHub.Standalone.Documents;
using SkillHub.Standalone.Hosting;

namespace SkillHub.Functions.Tests.Activity;

public sealed class ActivityModuleTests
{
    [Fact]
    public void OnMongoDb_TheLogIsMongoActivityLog_AndItsIndexesAreEnsuredAtStartUp()
    {
        using var services = Build(new() { ["ConnectionStrings:MongoDB"] = "mongodb://127.0.0.1:1" });

        var log = Assert.IsType<MongoActivityLog>(DocumentSpans.Inner(services.GetRequiredService<IActivityLog>()));
        Assert.Contains(services.GetServices<IMongoIndexes>(), indexes => ReferenceEquals(indexes, log));
    }

    [Fact]
    public void OnTheMemoryStore_TheLogIsMemoryActivityLog()
    {
        using var services = Build(new() { [MemoryDocuments.Setting] = "memory" });

        Assert.IsType<MemoryActivityLog>(DocumentSpans.Inner(services.GetRequiredService<IActivityLog>()));
        Assert.Empty(services.GetServices<IMongoIndexes>());
        Assert.Same(services.GetRequiredService<IActivityLog>(), services.GetRequiredService<IActivityLog>());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddStandIns(configuration)
            .AddDocumentStore(configuration)
            .AddActivityLog(configuration)
            .BuildServiceProvider();
    }
}
