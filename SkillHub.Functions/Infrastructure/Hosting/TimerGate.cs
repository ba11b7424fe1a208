using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace SkillHub.Functions.Infrastructure.Hosting;

/// <summary>What stands in front of every timer function, under either host: no run against databases start-up has not prepared.</summary>
public sealed class TimerGate(StartupReadiness readiness, ILogger<TimerGate> logger)
{
    public async Task RunAsync(string function, Func<Task> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!readiness.IsReady)
        {
            logger.LogWarning("Timer {Function} skips this run: SkillHub is still starting ({Status})", function, readiness.Status);
            return;
        }

        await run();
    }
}

/// <summary>The <see cref="TimerGate"/> as worker middleware, for timer triggers under the Functions host.</summary>
public sealed class TimerGateMiddleware(TimerGate gate) : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return gate.RunAsync(context.FunctionDefinition.Name, () => next(context));
    }

    public static bool AppliesTo(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.FunctionDefinition.InputBindings.Values.Any(binding => binding.Type == "timerTrigger");
    }
}
