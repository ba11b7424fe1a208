using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Comments;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Sql;
using SkillHub.Functions.Infrastructure.Telemetry;
using SkillHub.Functions.Registrations;

namespace SkillHub.Standalone.Documents;

/// <summary>
/// The in-memory document store, for a machine without MongoDB: chosen only by name
/// (<c>SkillHub__DocumentStore=memory</c>), with a loud warning, since every document dies with the process.
/// </summary>
public static class MemoryDocuments
{
    public const string Setting = "SkillHub:DocumentStore";

    /// <summary>True for <c>memory</c>, false for <c>mongodb</c> or nothing; any other value is refused.</summary>
    public static bool AreChosen(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[Setting]?.Trim().ToUpperInvariant() switch
        {
            null or "" or "MONGODB" => false,
            "MEMORY" => true,
            var other => throw new InvalidOperationException($"SkillHub__DocumentStore is '{other}'; use 'mongodb' (the default) or 'memory'."),
        };
    }

    /// <summary>
    /// Every feature's collection in memory, with its part in backups. Registered before the product's
    /// services, which keep a store that is already there instead of adding their MongoDB one.
    /// </summary>
    public static IServiceCollection AddMemoryDocuments(this IServiceCollection services)
    {
        services.TryAddSingleton<IDocumentStoreProbe, MemoryDocumentStoreProbe>();
        services.AddCollection<IRegistrationStore, MemoryRegistrationStore, MemoryRegistrationBackup>(MongoRegistrationStore.CollectionName);
        services.AddCollection<ICommentStore, MemoryCommentStore, MemoryCommentBackup>(MongoCommentStore.CollectionName);
        services.AddCollection<IActivityLog, MemoryActivityLog, MemoryActivityLogBackup>(MongoActivityLog.CollectionName);
        return services.AddStartupStep(null, "warning that documents live in memory", (provider, _) =>
        {
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("SkillHub.DocumentStore");
            if (provider.GetService<SavedDocumentsOptions>() is { } saved)
            {
                logger.LogWarning(
                    "!!! SkillHub__DocumentStore=memory: registrations, comments and the activity log live in this process's memory, saved to {Directory} every {Interval} and at stop: a crash LOSES what changed since the last save. Use MongoDB (ConnectionStrings__MongoDB) for anything but a demo or a test. !!!",
                    saved.Directory,
                    saved.SaveInterval);
            }
            else
            {
                logger.LogWarning(
                    "!!! SkillHub__DocumentStore=memory: registrations, comments and the activity log live in this process's memory and are LOST at every restart (SkillHub__MemoryStore__Directory names a folder to save them in). Use MongoDB (ConnectionStrings__MongoDB) for anything but a demo or a test. !!!");
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>One page of a list already in order, and the list's length.</summary>
    internal static (IReadOnlyList<T> Items, long Total) Page<T>(this List<T> all, PageRequest page) =>
        (all.Skip(page.Skip).Take(page.PageSize).ToList(), all.Count);

    /// <summary>
    /// A store a test registered first is kept. The concrete store too: its backup reads and replaces the
    /// very instance the feature uses, which the feature reaches through the same spans as MongoDB's.
    /// </summary>
    private static void AddCollection<TStore, TMemory, TBackup>(this IServiceCollection services, string collection)
        where TStore : class
        where TMemory : class, TStore
        where TBackup : class, IDocumentCollectionBackup
    {
        services.TryAddSingleton<TMemory>();
        services.TryAddSingleton(provider => DocumentSpans.Around<TStore>(provider.GetRequiredService<TMemory>(), collection, new DocumentStoreSpans(DocumentStoreSpans.Memory, null)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentCollectionBackup, TBackup>());
    }
}

/// <summary>Memory is always reachable.</summary>
public sealed class MemoryDocumentStoreProbe : IDocumentStoreProbe
{
    public DocumentStoreKind Kind => DocumentStoreKind.Memory;

    public Task<bool> IsReachableAsync(CancellationToken cancellationToken) => Task.FromResult(true);
}
