using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Driver;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Documents;

public sealed class MongoDocumentStoreProbeTests
{
    [Fact]
    public async Task Probe_WithNoServerListening_ReportsUnreachable()
    {
        var settings = MongoClientSettings.FromConnectionString("mongodb://127.0.0.1:1/?connectTimeoutMS=500");
        settings.ServerSelectionTimeout = TimeSpan.FromSeconds(1);
        using var client = new MongoClient(settings);
        var probe = new MongoDocumentStoreProbe(client.GetDatabase("skillhub"));

        Assert.False(await probe.IsReachableAsync(CancellationToken.None));
        Assert.Equal(DocumentStoreKind.MongoDb, probe.Kind);
    }

    [MongoFact]
    public async Task Probe_WithALiveServer_ReportsReachable()
    {
        using var client = new MongoClient(MongoFactAttribute.ConnectionString);
        var probe = new MongoDocumentStoreProbe(client.GetDatabase("skillhub_probe"));

        Assert.True(await probe.IsReachableAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(null, DocumentStoreKind.MongoDb)]
    [InlineData("mongodb", DocumentStoreKind.MongoDb)]
    [InlineData("MEMORY", DocumentStoreKind.Memory)]
    [InlineData("memory", DocumentStoreKind.Memory)]
    public void DocumentStoreSetting_ChoosesTheStore(string? setting, DocumentStoreKind expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [DocumentStoreRegistration.KindSetting] = setting })
            .Build();

        Assert.Equal(expected, DocumentStoreRegistration.ReadKind(configuration));
    }

    [Fact]
    public void DocumentStoreSetting_RefusesAnUnknownStore()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [DocumentStoreRegistration.KindSetting] = "redis" })
            .Build();

        Assert.Throws<InvalidOperationException>(() => { _ = DocumentStoreRegistration.ReadKind(configuration); });
    }

    [Fact]
    public void MongoStore_WithoutAConnectionString_RefusesToStartAndSaysWhatToSet()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection();

        var error = Assert.Throws<InvalidOperationException>(() => services.AddDocumentStore(configuration));

        Assert.Contains("ConnectionStrings__MongoDB", error.Message, StringComparison.Ordinal);
        Assert.Contains("SkillHub__DocumentStore=memory", error.Message, StringComparison.Ordinal);
    }
}
