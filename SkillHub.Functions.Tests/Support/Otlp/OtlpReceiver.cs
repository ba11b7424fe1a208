using System.Collections.Concurrent;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SkillHub.Functions.Tests.Support.Otlp.Protocol;

namespace SkillHub.Functions.Tests.Support.Otlp;

/// <summary>One span as an OTLP exporter sent it: ids in hex, string attributes only.</summary>
public sealed record ReceivedSpan(string Scope, string TraceId, string SpanId, string ParentSpanId, string Name, IReadOnlyDictionary<string, string> Attributes);

/// <summary>
/// A collector's trace endpoint on loopback (OTLP over HTTP with protobuf, <c>POST /v1/traces</c>): what
/// a process started with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> pointing here exports, kept for the test to read.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();

    private OtlpReceiver(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<ReceivedSpan> Spans => [.. _spans];

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/traces", receiver.ReceiveAsync);
        await app.StartAsync();
        receiver.Endpoint = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return receiver;
    }

    /// <summary>The spans of one trace, once <paramref name="complete"/> says they are all there, or after <paramref name="timeout"/> what came.</summary>
    public async Task<IReadOnlyList<ReceivedSpan>> TraceAsync(string traceId, Func<IReadOnlyList<ReceivedSpan>, bool> complete, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(complete);
        var deadline = DateTime.UtcNow + timeout;
        List<ReceivedSpan> trace;
        do
        {
            trace = [.. _spans.Where(span => span.TraceId == traceId)];
        }
        while (!complete(trace) && DateTime.UtcNow < deadline && await Task.Delay(100).ContinueWith(_ => true, TaskScheduler.Default));

        return trace;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var export = ExportTraceServiceRequest.Parser.ParseFrom(body.ToArray());
        foreach (var scope in export.ResourceSpans.SelectMany(resource => resource.ScopeSpans))
        {
            foreach (var span in scope.Spans)
            {
                _spans.Enqueue(new ReceivedSpan(
                    scope.Scope?.Name ?? "",
                    Hex(span.TraceId),
                    Hex(span.SpanId),
                    Hex(span.ParentSpanId),
                    span.Name,
                    span.Attributes.ToDictionary(a => a.Key, a => Text(a.Value), StringComparer.Ordinal)));
            }
        }

        return Results.Bytes(new ExportTraceServiceResponse().ToByteArray(), "application/x-protobuf");
    }

    private static string Text(AnyValue? value) =>
        value?.ValueCase == AnyValue.ValueOneofCase.StringValue ? value.StringValue : value?.ToString() ?? "";

    private static string Hex(ByteString bytes) => Convert.ToHexStringLower(bytes.Span);
}
