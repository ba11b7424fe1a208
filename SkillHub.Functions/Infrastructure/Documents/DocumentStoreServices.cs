using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MongoDB.Driver;
using SkillHub.Functions.Backups;

namespace SkillHub.Functions.Infrastructure.Documents;

/// <summary>A MongoDB store that needs indexes; every one is asked at start-up, and creating an index that exists is a no-op.</summary>
public interface IMongoIndexes
{
    Task EnsureIndexesAsync(CancellationToken cancellationToken);
}

/// <summary>A write refused because a unique index already holds the key (MongoDB error 11000, or the in-memory store's equivalent).</summary>
public sealed class DuplicateDocumentException : Exception
{
    public DuplicateDocumentException()
    {
    }

    public DuplicateDocumentException(string message)
        : base(message)
    {
    }

    public DuplicateDocumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

public static class DocumentStoreServices
{
    /// <summary>
    /// Registers a feature's document store: the in-memory implementation when the app runs on the
    /// in-memory store, the MongoDB one otherwise (which also gets its indexes ensured at start-up).
    /// </summary>
    public static IServiceCollection AddDocumentStore<TStore, TMemory, TMongo>(this IServiceCollection services, IConfiguration configuration)
        where TStore : class
        where TMemory : class, TStore
        where TMongo : class, TStore, IMongoIndexes
    {
        if (DocumentStoreRegistration.ReadKind(configuration) == DocumentStoreKind.Memory)
        {
            // The concrete store too: its backup reads and replaces the very instance the feature uses.
            services.TryAddSingleton<TMemory>();
            services.TryAddSingleton<TStore>(provider => provider.GetRequiredService<TMemory>());
        }
        else
        {
            services.TryAddSingleton<TMongo>();
            services.TryAddSingleton<TStore>(provider => provider.GetRequiredService<TMongo>());
            services.AddSingleton<IMongoIndexes>(provider => provider.GetRequiredService<TMongo>());
        }

        return services;
    }

    /// <summary>
    /// Registers a collection's part in backups: the in-memory store's backup, or the MongoDB
    /// collection read and written through the store's own document class, restored with the
    /// <paramref name="indexes"/> its store ensures at start-up.
    /// </summary>
    internal static IServiceCollection AddDocumentBackup<TMemoryBackup, TDocument>(
        this IServiceCollection services,
        IConfiguration configuration,
        string collectionName,
        Func<IServiceProvider, IReadOnlyList<CreateIndexModel<TDocument>>> indexes)
        where TMemoryBackup : class, IDocumentCollectionBackup
    {
        services.TryAddEnumerable(DocumentStoreRegistration.ReadKind(configuration) == DocumentStoreKind.Memory
            ? ServiceDescriptor.Singleton<IDocumentCollectionBackup, TMemoryBackup>()
            : ServiceDescriptor.Singleton<IDocumentCollectionBackup, MongoCollectionBackup<TDocument>>(
                provider => new MongoCollectionBackup<TDocument>(provider.GetRequiredService<IMongoDatabase>(), collectionName, indexes(provider))));
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
