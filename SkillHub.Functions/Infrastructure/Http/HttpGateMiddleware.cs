using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace SkillHub.Functions.Infrastructure.Http;

/// <summary>The <see cref="FunctionGate"/> as worker middleware, for HTTP triggers under the Functions host.</summary>
public sealed class HttpGateMiddleware : IFunctionsWorkerMiddleware
{
    private readonly FunctionGate _gate;
    private readonly Action<FunctionContext, IResult> _setResult;

    public HttpGateMiddleware(FunctionGate gate)
        : this(gate, static (context, result) => context.GetInvocationResult().Value = result)
    {
    }

    /// <summary>The worker keeps the invocation result behind an internal feature; tests observe it through this seam.</summary>
    internal HttpGateMiddleware(FunctionGate gate, Action<FunctionContext, IResult> setResult)
    {
        _gate = gate;
        _setResult = setResult;
    }

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.GetHttpContext()
            ?? throw new InvalidOperationException($"Function '{context.FunctionDefinition.Name}' has no HttpContext; is ConfigureFunctionsWebApplication() called before this middleware?");

        var result = await _gate.InvokeAsync(http, context.FunctionDefinition.EntryPoint, async () =>
        {
            await next(context);
            return null;
        });

        if (result is not null)
        {
            _setResult(context, result);
        }
    }

    public static bool AppliesTo(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.FunctionDefinition.InputBindings.Values.Any(binding => binding.Type == "httpTrigger");
    }
}
