using System.Diagnostics;
using System.Net.Http.Json;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Support.GrpcHost;
using SkillHub.Functions.Tests.Support.GrpcHost.Protocol;
using SkillHub.Functions.Tests.Support.Otlp;

namespace SkillHub.Functions.Tests.Telemetry;

/// <summary>The real worker behind the gRPC test host, exporting over OTLP to a receiver of the test's own.</summary>
public sealed class TracedWorkerFixture : WorkerHostFixture, IAsyncLifetime
{
    private OtlpReceiver? _receiver;

    public OtlpReceiver Receiver => _receiver ?? throw new InvalidOperationException("The receiver is not started.");

    public override IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?>(base.AppSettings)
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Receiver.Endpoint.AbsoluteUri.TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        // The batch goes out within a tenth of a second, not the default five.
        ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
    };

    public override async Task InitializeAsync()
    {
        _receiver = await OtlpReceiver.StartAsync();
        await base.InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

/// <summary>The worker's spans join the trace the host hands it in each invocation's TraceContext, as under the Functions host.</summary>
public sealed class WorkerTracingTests(TracedWorkerFixture worker) : IClassFixture<TracedWorkerFixture>
{
    private static readonly TimeSpan ExportWait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ATimerInvocationCarryingATraceparent_YieldsTheWorkersSpansInThatTrace_UnderTheHostsSpan()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var hostSpan = ActivitySpanId.CreateRandom().ToHexString();

        var answer = await worker.Host.InvokeTimerAsync("ReconcileSeats", $"00-{traceId}-{hostSpan}-01");

        Assert.Equal(StatusResult.Types.Status.Success, answer.Result.Status);
        var trace = await worker.Receiver.TraceAsync(
            traceId, spans => spans.Any(span => span.ParentSpanId == hostSpan) && spans.Any(span => span.Scope == "Npgsql"), ExportWait);
        var invocation = Assert.Single(trace, span => span.ParentSpanId == hostSpan);
        Assert.Equal("Microsoft.Azure.Functions.Worker", invocation.Scope);
        Assert.Contains("ReconcileSeats", invocation.Name, StringComparison.Ordinal);
        Assert.Contains(trace, span => span.Scope == "Npgsql");
        Assert.Contains(trace, span => span.Name == "ActiveCounts registrations" && span.Attributes["db.system.name"] == "memory");
    }

    [Fact]
    public async Task AProblemAnsweredByTheWorker_CarriesTheTraceIdOfTheInvocationsSpans()
    {
        using var response = await worker.Client.PostAsJsonAsync("api/auth/login", new { email = "nobody@worker.test", password = "not the right password" });

        var problem = await HttpProblem.AssertAsync(response, 401);
        var traceId = problem.GetProperty("traceId").GetString()!;
        var trace = await worker.Receiver.TraceAsync(traceId, spans => spans.Any(span => span.Scope == "Microsoft.Azure.Functions.Worker"), ExportWait);
        Assert.Contains(trace, span => span.Scope == "Microsoft.Azure.Functions.Worker" && span.Name.Contains("Login", StringComparison.Ordinal));
    }
}
