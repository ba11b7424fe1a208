using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SkillHub.Functions.Infrastructure.Telemetry;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Support;
using SkillHub.Standalone.Hosting;

namespace SkillHub.Functions.Tests.Telemetry;

/// <summary>What the telemetry declaration composes: nothing without somewhere to send it, and spans that never carry a command.</summary>
public sealed class TelemetryCompositionTests
{
    private const string TestSource = "SkillHub.Tests";

    [Fact]
    public async Task WithoutAnEndpoint_NoTracerNoMeterProviderAndSoNoExporterIsComposed()
    {
        await using var app = UnreachableApp.Build("memory");

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task WithAnOtlpEndpoint_TracesAndMetricsAreComposed()
    {
        await using var app = StandaloneHost.Build(
        [
            $"--ConnectionStrings:Postgres={UnreachableApp.Postgres}",
            "--SkillHub:DocumentStore=memory",
            $"--Jwt:SigningKey={AppFixture.SigningKey}",
            $"--Backup:SigningKey={AppFixture.BackupSigningKey}",
            "--OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:1",
            "--urls=http://127.0.0.1:0",
        ]);

        Assert.NotNull(app.Services.GetService<TracerProvider>());
        Assert.NotNull(app.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task OnMongoDb_AStoreOperation_IsOurSpan_OverTheDriversOwn_NeitherHoldingTheCommand()
    {
        using var listened = new ListenedSpans(SkillHubTelemetry.Name, "MongoDB.Driver", TestSource);
        await using var app = StandaloneHost.Build(
        [
            $"--ConnectionStrings:Postgres={UnreachableApp.Postgres}",
            "--ConnectionStrings:MongoDB=mongodb://127.0.0.1:1/",
            "--MongoDB:Database=traced",
            "--MongoDB:TimeoutSeconds=1",
            $"--Jwt:SigningKey={AppFixture.SigningKey}",
            $"--Backup:SigningKey={AppFixture.BackupSigningKey}",
            "--urls=http://127.0.0.1:0",
        ]);
        var userId = Guid.NewGuid();
        using var source = new ActivitySource(TestSource);
        using var test = source.StartActivity("test")!;

        await Assert.ThrowsAnyAsync<Exception>(() => app.Services.GetRequiredService<IRegistrationStore>().FindAsync(Guid.NewGuid(), userId, CancellationToken.None));

        // Other apps of this process trace too: only this test's trace is read.
        var trace = listened.Stopped.Where(span => span.TraceId == test.TraceId).ToList();
        var ours = Assert.Single(trace, span => span.DisplayName == "Find registrations");
        Assert.Equal("mongodb", Spans.Tag(ours, "db.system.name"));
        Assert.Equal("traced", Spans.Tag(ours, "db.namespace"));
        Assert.Equal(ActivityStatusCode.Error, ours.Status);
        Assert.Equal(test.SpanId, ours.ParentSpanId);
        Assert.All(trace.Where(span => span.Source.Name == "MongoDB.Driver"), span => Assert.Null(span.GetTagItem("db.query.text")));
        Assert.All(trace.SelectMany(span => span.TagObjects), tag => Assert.DoesNotContain(userId.ToString(), tag.Value?.ToString() ?? "", StringComparison.OrdinalIgnoreCase));
    }
}
