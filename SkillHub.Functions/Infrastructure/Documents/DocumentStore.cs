using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Bson;
using MongoDB.Driver;

namespace SkillHub.Functions.Infrastructure.Documents;

/// <summary>Which document store the app runs on: MongoDB in production, memory only when asked for by name.</summary>
public enum DocumentStoreKind
{
    MongoDb,
    Memory,
}

public interface IDocumentStoreProbe
{
    DocumentStoreKind Kind { get; }

    Task<bool> IsReachableAsync(CancellationToken cancellationToken);
}

public sealed class MongoDocumentStoreProbe(IMongoDatabase database) : IDocumentStoreProbe
{
    private static readonly BsonDocument Ping = new("ping", 1);

    public DocumentStoreKind Kind => DocumentStoreKind.MongoDb;

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await database.RunCommandAsync<BsonDocument>(Ping, cancellationToken: cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is MongoException or TimeoutException)
        {
            return false;
        }
    }
}

public static class DocumentStoreRegistration
{
    public const string ConnectionStringName = "MongoDB";
    private const string KindSetting = "SkillHub:DocumentStore";

    /// <summary>
    /// The MongoDB client and database, unless a document store was registered before (a stand-in
    /// host's in-memory one, whose probe then answers for it).
    /// </summary>
    public static IServiceCollection AddDocumentStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(service => service.ServiceType == typeof(IDocumentStoreProbe)))
        {
            return services;
        }

        if (string.Equals(configuration[KindSetting]?.Trim(), "memory", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                "SkillHub__DocumentStore=memory: the in-memory store is SkillHub.Standalone's (scripts/start.sh); the Functions worker keeps its documents in MongoDB (ConnectionStrings__MongoDB).");
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "ConnectionStrings__MongoDB is not set. Name a MongoDB server (without one, SkillHub.Standalone runs on an in-memory store: SkillHub__DocumentStore=memory).");
        }

        DocumentSerialization.Ensure();
        var databaseName = configuration["MongoDB:Database"] is { Length: > 0 } name ? name : "skillhub";
        var timeouts = MongoTimeouts.Read(configuration);
        services.AddSingleton<IMongoClient>(_ =>
        {
            var settings = MongoClientSettings.FromConnectionString(connectionString);
            timeouts.ApplyTo(settings);
            return new MongoClient(settings);
        });
        services.AddSingleton(provider => provider.GetRequiredService<IMongoClient>().GetDatabase(databaseName));
        services.AddSingleton<IDocumentStoreProbe, MongoDocumentStoreProbe>();
        return services;
    }
}
