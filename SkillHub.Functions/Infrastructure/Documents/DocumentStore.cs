using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MongoDB.Bson;
using MongoDB.Driver;

namespace SkillHub.Functions.Infrastructure.Documents;

/// <summary>Which document store the app runs on: MongoDB in production, memory only when asked for by name.</summary>
public enum DocumentStoreKind
{
    MongoDb,
    Memory,
}

/// <summary>Answers whether the document store can be reached.</summary>
public interface IDocumentStoreProbe
{
    DocumentStoreKind Kind { get; }

    Task<bool> IsReachableAsync(CancellationToken cancellationToken);
}

public sealed class MemoryDocumentStoreProbe : IDocumentStoreProbe
{
    public DocumentStoreKind Kind => DocumentStoreKind.Memory;

    public Task<bool> IsReachableAsync(CancellationToken cancellationToken) => Task.FromResult(true);
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
    public const string KindSetting = "SkillHub:DocumentStore";
    public const string ConnectionStringName = "MongoDB";

    public static DocumentStoreKind ReadKind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[KindSetting]?.Trim().ToUpperInvariant() switch
        {
            null or "" or "MONGODB" => DocumentStoreKind.MongoDb,
            "MEMORY" => DocumentStoreKind.Memory,
            var other => throw new InvalidOperationException($"SkillHub__DocumentStore is '{other}'; use 'mongodb' (the default) or 'memory'."),
        };
    }

    public static IServiceCollection AddDocumentStore(this IServiceCollection services, IConfiguration configuration)
    {
        if (ReadKind(configuration) == DocumentStoreKind.Memory)
        {
            services.AddSingleton<IDocumentStoreProbe, MemoryDocumentStoreProbe>();
            return services;
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "ConnectionStrings__MongoDB is not set. Name a MongoDB server, or set SkillHub__DocumentStore=memory to run on the in-memory store (data is lost at every restart).");
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

    public static void WarnIfInMemory(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetRequiredService<IDocumentStoreProbe>().Kind == DocumentStoreKind.Memory)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger("SkillHub.DocumentStore").LogWarning(
                "!!! SkillHub__DocumentStore=memory: registrations, comments and the activity log live in this process's memory and are LOST at every restart. Use MongoDB (ConnectionStrings__MongoDB) for anything but a demo or a test. !!!");
        }
    }
}
