using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MongoDB.Driver;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Infrastructure.Telemetry;

namespace SkillHub.Functions.Infrastructure.Documents;

/// <summary>A MongoDB store that needs indexes; every one is asked at start-up, and creating an index that exists is a no-op.</summary>
public interface IMongoIndexes
{
    Task EnsureIndexesAsync(CancellationToken cancellationToken);
}

/// <summary>A write refused because a unique index already holds the key (MongoDB error 11000, or the in-memory store's equivalent).</summary>
public sealed class DuplicateDocumentException(string message, Exception? innerException = null) : Exception(message, innerException);

public static class DocumentStoreServices
{
    /// <summary>
    /// Registers a feature's MongoDB collection: its store (whose indexes are ensured at start-up, and
    /// whose every operation is a span, <see cref="DocumentSpans"/>) and
    /// its part in backups, read and written through the store's own document class and restored with
    /// the <paramref name="indexes"/> the store ensures. A store registered before (the in-memory one
    /// of a stand-in host, or a test's) is kept, and then so is the backup that came with it.
    /// </summary>
    internal static IServiceCollection AddDocumentCollection<TStore, TMongo, TDocument>(
        this IServiceCollection services,
        string collectionName,
        Func<IServiceProvider, IReadOnlyList<CreateIndexModel<TDocument>>> indexes)
        where TStore : class
        where TMongo : class, TStore, IMongoIndexes
    {
        if (services.Any(service => service.ServiceType == typeof(TStore)))
        {
            return services;
        }

        services.TryAddSingleton<TMongo>();
        services.AddSingleton(provider => DocumentSpans.Around<TStore>(
            provider.GetRequiredService<TMongo>(),
            collectionName,
            new DocumentStoreSpans(DocumentStoreSpans.MongoDb, provider.GetRequiredService<IMongoDatabase>().DatabaseNamespace.DatabaseName)));
        services.AddSingleton<IMongoIndexes>(provider => provider.GetRequiredService<TMongo>());
        services.AddSingleton<IDocumentCollectionBackup>(
            provider => new MongoCollectionBackup<TDocument>(provider.GetRequiredService<IMongoDatabase>(), collectionName, indexes(provider)));
        return services;
    }

    public static async Task EnsureDocumentIndexesAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var indexes in services.GetServices<IMongoIndexes>())
        {
            await indexes.EnsureIndexesAsync(cancellationToken);
        }
    }
}
