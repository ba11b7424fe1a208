using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Standalone.Documents;

namespace SkillHub.Functions.Tests.Standalone.Documents;

public sealed class MemoryDocumentsTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("mongodb", false)]
    [InlineData("MEMORY", true)]
    [InlineData(" memory ", true)]
    public void TheSetting_ChoosesTheStore(string? setting, bool memory)
    {
        Assert.Equal(memory, MemoryDocuments.AreChosen(Configuration(setting)));
    }

    [Fact]
    public void AnUnknownStore_IsRefused_NamingTheChoices()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => MemoryDocuments.AreChosen(Configuration("redis")));

        Assert.Contains("'mongodb'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("'memory'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMemoryStore_AnswersForTheDocuments_BeforeTheProductAsksForMongoDb()
    {
        var configuration = Configuration("memory");
        var services = new ServiceCollection().AddMemoryDocuments();

        services.AddDocumentStore(configuration);

        using var provider = services.BuildServiceProvider();
        Assert.Equal(DocumentStoreKind.Memory, provider.GetRequiredService<IDocumentStoreProbe>().Kind);
    }

    private static IConfiguration Configuration(string? setting) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [MemoryDocuments.Setting] = setting }).Build();
}
