using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Driver;
using SkillHub.Functions.Infrastructure.Documents;

namespace SkillHub.Functions.Tests.Infrastructure.Documents;

/// <summary>The MongoDB client the app builds: every wait it can make is bounded, by defaults in code or by the settings.</summary>
public sealed class MongoClientSettingsTests
{
    [Fact]
    public void TheClient_BoundsServerSelectionConnectSocketReadsAndThePoolWait_ByDefault()
    {
        var settings = ClientSettings(new Dictionary<string, string?>());

        Assert.Equal(TimeSpan.FromSeconds(5), settings.ServerSelectionTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.ConnectTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.SocketTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.WaitQueueTimeout);
    }

    [Fact]
    public void TheSettings_OverrideTheBounds_AndNoWaitOutlastsTheOperationsBudget()
    {
        var settings = ClientSettings(new Dictionary<string, string?> { ["MongoDB:TimeoutSeconds"] = "3", ["MongoDB:ServerSelectionTimeoutSeconds"] = "4" });

        Assert.Equal(TimeSpan.FromSeconds(3), settings.WaitQueueTimeout);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.SocketTimeout);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.ServerSelectionTimeout);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.ConnectTimeout);
    }

    [Theory]
    [InlineData("MongoDB:TimeoutSeconds", "0")]
    [InlineData("MongoDB:TimeoutSeconds", "ten")]
    [InlineData("MongoDB:ServerSelectionTimeoutSeconds", "-1")]
    public void AnUnusableBound_KeepsTheAppFromStarting_NamingTheSetting(string setting, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ClientSettings(new Dictionary<string, string?> { [setting] = value }));

        Assert.Contains(setting.Replace(":", "__", StringComparison.Ordinal), error.Message, StringComparison.Ordinal);
    }

    /// <summary>The settings of the client the app's composition resolves, for a server that is never contacted.</summary>
    private static MongoClientSettings ClientSettings(Dictionary<string, string?> values)
    {
        values["ConnectionStrings:MongoDB"] = "mongodb://127.0.0.1:1/";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var provider = new ServiceCollection().AddDocumentStore(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IMongoClient>().Settings;
    }
}
