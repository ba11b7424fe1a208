using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Driver;
using Moq;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Infrastructure.Documents;

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

    [Fact]
    public void TheWorker_AskedForTheMemoryStore_RefusesToStart_AndSaysWhichProgramHasIt()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SkillHub:DocumentStore"] = "memory", ["ConnectionStrings:MongoDB"] = "mongodb://127.0.0.1:1" })
            .Build();

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddDocumentStore(configuration));

        Assert.Contains("SkillHub.Standalone", error.Message, StringComparison.Ordinal);
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

    [Fact]
    public void AStoreRegisteredFirst_IsKept_AndNoMongoDbClientIsComposed()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddSingleton(Mock.Of<IDocumentStoreProbe>());

        services.AddDocumentStore(configuration);

        Assert.DoesNotContain(services, service => service.ServiceType == typeof(IMongoClient) || service.ServiceType == typeof(IMongoDatabase));
        Assert.Single(services, service => service.ServiceType == typeof(IDocumentStoreProbe));
    }
}
