using Microsoft.Extensions.Logging.Abstractions;
using SkillHub.Functions.Infrastructure.Hosting;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Infrastructure.Http;

namespace SkillHub.Functions.Tests.Infrastructure.Hosting;

/// <summary>A timer never runs against databases start-up has not prepared (an unmigrated schema), under either host.</summary>
public sealed class TimerGateTests
{
    private const string Purge = "SkillHub.Functions.Maintenance.PurgeSecurityRecords.Run";

    [Fact]
    public async Task UnderTheFunctionsHost_ATimerFiringWhileStarting_SkipsItsRun()
    {
        var middleware = new TimerGateMiddleware(new TimerGate(TestReadiness.Waiting("applying migrations"), NullLogger<TimerGate>.Instance));
        var ran = false;

        await middleware.Invoke(new TestFunctionContext(Purge, null, "timerTrigger"), _ => { ran = true; return Task.CompletedTask; });

        Assert.False(ran);
    }

    [Fact]
    public async Task UnderTheFunctionsHost_ATimerFiringOnceReady_Runs()
    {
        var middleware = new TimerGateMiddleware(new TimerGate(TestReadiness.Ready(), NullLogger<TimerGate>.Instance));
        var ran = false;

        await middleware.Invoke(new TestFunctionContext(Purge, null, "timerTrigger"), _ => { ran = true; return Task.CompletedTask; });

        Assert.True(ran);
    }

    [Theory]
    [InlineData("timerTrigger", true)]
    [InlineData("httpTrigger", false)]
    public void TheMiddleware_StandsInFrontOfTimerTriggersOnly(string trigger, bool applies) =>
        Assert.Equal(applies, TimerGateMiddleware.AppliesTo(new TestFunctionContext(Purge, null, trigger)));
}
