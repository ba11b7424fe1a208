using Microsoft.AspNetCore.Http;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Infrastructure.Http;

public sealed class ReadinessCheckTests
{
    private readonly AccessPolicyCatalog _policies = new(typeof(GateTargets).Assembly);

    [Fact]
    public async Task WhileStarting_AFunctionThatNeedsTheDatabases_Answers503WithRetryAfter_WithoutRunning()
    {
        var ran = false;

        var result = await new ReadinessCheck(TestReadiness.Waiting("migrating PostgreSQL"), _policies)
            .InvokeAsync(Call(GateTargets.AnonymousCaller), () => { ran = true; return Task.FromResult<IResult?>(TypedResults.Ok()); });

        var executed = await ExecutedResult.ExecuteAsync(result);
        executed.AssertProblem(503);
        Assert.NotEqual(0, executed.Headers.RetryAfter.Count);
        Assert.False(ran);
    }

    [Fact]
    public async Task WhileStarting_AFunctionThatServesWhileStarting_Runs()
    {
        var answer = TypedResults.Ok();

        var result = await new ReadinessCheck(TestReadiness.Waiting("migrating PostgreSQL"), _policies)
            .InvokeAsync(Call(GateTargets.WhileStarting), () => Task.FromResult<IResult?>(answer));

        Assert.Same(answer, result);
    }

    [Fact]
    public async Task OnceReady_EveryFunctionRuns()
    {
        var answer = TypedResults.Ok();

        var result = await new ReadinessCheck(TestReadiness.Ready(), _policies)
            .InvokeAsync(Call(GateTargets.AnonymousCaller), () => Task.FromResult<IResult?>(answer));

        Assert.Same(answer, result);
    }

    private static FunctionCall Call(string entryPoint) => new(new DefaultHttpContext(), entryPoint);
}
