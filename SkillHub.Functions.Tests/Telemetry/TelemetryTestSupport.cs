using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Telemetry;

/// <summary>
/// What the in-memory exporter of a test app received. The app's tracer listens to ActivitySources every
/// app of this process shares, so a test reads only the traces it started (<see cref="TraceAsync"/>).
/// </summary>
public sealed class ExportedSpanCollection : ICollection<System.Diagnostics.Activity>
{
    private readonly List<System.Diagnostics.Activity> _spans = [];
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _spans.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    /// <summary>The spans of one trace, once <paramref name="complete"/> says they are all there, or after 10 seconds what came.</summary>
    public async Task<IReadOnlyList<System.Diagnostics.Activity>> TraceAsync(ActivityTraceId traceId, Func<IReadOnlyList<System.Diagnostics.Activity>, bool> complete)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        List<System.Diagnostics.Activity> trace;
        do
        {
            trace = [.. Snapshot().Where(span => span.TraceId == traceId)];
        }
        while (!complete(trace) && DateTime.UtcNow < deadline && await Task.Delay(50).ContinueWith(_ => true, TaskScheduler.Default));

        return trace;
    }

    public IReadOnlyList<System.Diagnostics.Activity> Snapshot()
    {
        lock (_lock)
        {
            return [.. _spans];
        }
    }

    public void Add(System.Diagnostics.Activity item)
    {
        lock (_lock)
        {
            _spans.Add(item);
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _spans.Clear();
        }
    }

    public bool Contains(System.Diagnostics.Activity item) => Snapshot().Contains(item);

    public void CopyTo(System.Diagnostics.Activity[] array, int arrayIndex) => Snapshot().ToList().CopyTo(array, arrayIndex);

    public bool Remove(System.Diagnostics.Activity item)
    {
        lock (_lock)
        {
            return _spans.Remove(item);
        }
    }

    public IEnumerator<System.Diagnostics.Activity> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>The spans of the named sources that stop while this listens, every one recorded in full.</summary>
public sealed class ListenedSpans : IDisposable
{
    private readonly ActivityListener _listener;

    public ListenedSpans(params string[] sources)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => sources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ConcurrentQueue<System.Diagnostics.Activity> Stopped { get; } = new();

    public void Dispose() => _listener.Dispose();
}

/// <summary>The standalone app with an in-memory span exporter, registered before the app's services as a test's exporter is.</summary>
public class TracedAppFixture : AppFixture
{
    public ExportedSpanCollection Spans { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(Spans));
}

internal static class Spans
{
    /// <summary>A request in the trace <paramref name="traceId"/>, as a caller that traces its own calls sends it.</summary>
    public static HttpRequestMessage InTrace(ActivityTraceId traceId, HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        return request;
    }

    public static bool IsServer(System.Diagnostics.Activity span) => span.Kind == ActivityKind.Server;

    /// <summary>Whether <paramref name="ancestor"/> is <paramref name="span"/>'s parent, or its parent's, and so on, within <paramref name="trace"/>.</summary>
    public static bool DescendsFrom(System.Diagnostics.Activity span, System.Diagnostics.Activity ancestor, IReadOnlyList<System.Diagnostics.Activity> trace)
    {
        var byId = trace.ToDictionary(s => s.SpanId);
        for (var current = span; byId.TryGetValue(current.ParentSpanId, out var parent); current = parent)
        {
            if (parent.SpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    public static string? Tag(System.Diagnostics.Activity span, string name) => span.GetTagItem(name)?.ToString();
}
