using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace SkillHub.Functions.Infrastructure.Telemetry;

/// <summary>Where a document store keeps its documents, as its spans name it.</summary>
/// <param name="System">
/// <c>db.system.name</c>: <c>mongodb</c>, or <c>memory</c> for the standalone host's in-memory stand-in,
/// which never claims to be MongoDB.
/// </param>
/// <param name="Namespace"><c>db.namespace</c>: the MongoDB database; none in memory.</param>
public sealed record DocumentStoreSpans(string System, string? Namespace)
{
    public const string MongoDb = "mongodb";
    public const string Memory = "memory";
}

/// <summary>
/// One span per document-store operation, the same around the MongoDB stores and the in-memory ones:
/// <c>{operation} {collection}</c>, with <c>db.system.name</c>, <c>db.collection.name</c>,
/// <c>db.operation.name</c> (the store's operation, such as <c>Transition</c>) and <c>db.namespace</c>. Never
/// an argument: filters and documents hold e-mail addresses and names. Under MongoDB, the driver's own
/// command spans are its children.
/// </summary>
public static class DocumentSpans
{
    /// <summary><paramref name="store"/> behind a proxy of <typeparamref name="TStore"/> that opens a span around each of its calls.</summary>
    public static TStore Around<TStore>(TStore store, string collection, DocumentStoreSpans where)
        where TStore : class
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(where);
        var proxy = DispatchProxy.Create<TStore, TracedStore<TStore>>();
        ((TracedStore<TStore>)(object)proxy).Bind(store, collection, where);
        return proxy;
    }

    /// <summary>The store behind the proxy (the store itself if it has none).</summary>
    public static TStore Inner<TStore>(TStore store)
        where TStore : class =>
        store is TracedStore<TStore> traced ? traced.Store : store;

    internal static System.Diagnostics.Activity? Start(string operation, string collection, DocumentStoreSpans where)
    {
        var activity = SkillHubTelemetry.Source.StartActivity($"{operation} {collection}", ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("db.system.name", where.System);
            activity.SetTag("db.collection.name", collection);
            activity.SetTag("db.operation.name", operation);
            activity.SetTag("db.namespace", where.Namespace);
        }

        return activity;
    }
}

/// <summary>The proxy <see cref="DispatchProxy"/> derives from (it must not be sealed, and needs a public constructor).</summary>
#pragma warning disable CA1852 // DispatchProxy.Create derives its proxy type from this class.
public class TracedStore<TStore> : DispatchProxy
#pragma warning restore CA1852
    where TStore : class
{
    private static readonly ConcurrentDictionary<Type, MethodInfo> Finishers = new();
    private static readonly MethodInfo FinishGeneric = typeof(TracedStore<TStore>).GetMethod(nameof(FinishWithResultAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private string _collection = "";
    private DocumentStoreSpans _where = new(DocumentStoreSpans.Memory, null);

    internal TStore Store { get; private set; } = null!;

    internal void Bind(TStore store, string collection, DocumentStoreSpans where)
    {
        Store = store;
        _collection = collection;
        _where = where;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var parent = System.Diagnostics.Activity.Current;
        var activity = DocumentSpans.Start(OperationOf(targetMethod), _collection, _where);
        object? returned;
        try
        {
            returned = targetMethod.Invoke(Store, args);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is { } inner)
        {
            SkillHubTelemetry.Failed(activity, inner);
            activity?.Dispose();
            ExceptionDispatchInfo.Capture(inner).Throw();
            throw;
        }
        finally
        {
            // The call captured the span as its current one; the caller carries on under its own.
            System.Diagnostics.Activity.Current = parent;
        }

        return returned switch
        {
            Task task when targetMethod.ReturnType.IsGenericType => Finishers
                .GetOrAdd(targetMethod.ReturnType, type => FinishGeneric.MakeGenericMethod(type.GetGenericArguments()[0]))
                .Invoke(null, [task, activity]),
            Task task => FinishAsync(task, activity),
            _ => End(returned, activity),
        };
    }

    private static object? End(object? returned, System.Diagnostics.Activity? activity)
    {
        activity?.Dispose();
        return returned;
    }

    private static async Task FinishAsync(Task task, System.Diagnostics.Activity? activity)
    {
        try
        {
            await task;
        }
        catch (Exception exception)
        {
            SkillHubTelemetry.Failed(activity, exception);
            throw;
        }
        finally
        {
            activity?.Dispose();
        }
    }

    private static async Task<T> FinishWithResultAsync<T>(Task<T> task, System.Diagnostics.Activity? activity)
    {
        try
        {
            return await task;
        }
        catch (Exception exception)
        {
            SkillHubTelemetry.Failed(activity, exception);
            throw;
        }
        finally
        {
            activity?.Dispose();
        }
    }

    private static string OperationOf(MethodInfo method) =>
        method.Name.EndsWith("Async", StringComparison.Ordinal) ? method.Name[..^"Async".Length] : method.Name;
}
