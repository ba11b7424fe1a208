namespace SkillHub.Functions.Tests.Telemetry;

/// <summary>A timer run of the standalone host is a trace of its own, its database work under it.</summary>
public sealed class TimerTracingTests(TimerTracingTests.EverySecondReconciliation app) : IClassFixture<TimerTracingTests.EverySecondReconciliation>
{
    public sealed class EverySecondReconciliation : TracedAppFixture
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("ReconcileSchedule", "* * * * * *")];
    }

    [Fact]
    public async Task AReconciliationRun_IsARootSpan_WithThePostgresAndDocumentStoreSpansOfItsWorkUnderIt()
    {
        System.Diagnostics.Activity? run = null;
        for (var attempt = 0; attempt < 100 && run is null; attempt++)
        {
            await Task.Delay(100);
            run = app.Spans.Snapshot().FirstOrDefault(span => span.DisplayName == "timer ReconcileSeats");
        }

        Assert.NotNull(run);
        Assert.Equal(default, run.ParentSpanId);
        Assert.Equal("timer", Spans.Tag(run, "faas.trigger"));
        var trace = await app.Spans.TraceAsync(run.TraceId, spans => spans.Any(span => span.Source.Name == "Npgsql"));
        Assert.Contains(trace, span => span.Source.Name == "Npgsql" && Spans.DescendsFrom(span, run, trace));
        Assert.Contains(trace, span => span.DisplayName == "ActiveCounts registrations" && Spans.DescendsFrom(span, run, trace));
    }
}
