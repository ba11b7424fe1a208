using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace SkillHub.Functions.Infrastructure.Http;

/// <summary>
/// The <see cref="FunctionPipeline"/> as worker middleware, for HTTP triggers under the Functions host.
/// The function's answer is the invocation result (any IResult, typed ones included), which the proxying
/// middleware executes once this one returns: the filters see it here, as the standalone host hands it over.
/// </summary>
public sealed class HttpGateMiddleware : IFunctionsWorkerMiddleware
{
    private readonly Func<FunctionContext, IResult?> _getResult;
    private readonly Action<FunctionContext, IResult> _setResult;

    public HttpGateMiddleware(FunctionPipeline pipeline)
        : this(
            pipeline,
            static context => context.GetInvocationResult().Value as IResult,
            static (context, result) => context.GetInvocationResult().Value = result)
    {
    }

    /// <summary>The worker keeps the invocation result behind an internal feature; tests observe it through this seam.</summary>
    internal HttpGateMiddleware(FunctionPipeline pipeline, Func<FunctionContext, IResult?> getResult, Action<FunctionContext, IResult> setResult)
    {
        Pipeline = pipeline;
        _getResult = getResult;
        _setResult = setResult;
    }

    internal FunctionPipeline Pipeline { get; }

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.GetHttpContext()
            ?? throw new InvalidOperationException($"Function '{context.FunctionDefinition.Name}' has no HttpContext; is ConfigureFunctionsWebApplication() called before this middleware?");

        IResult? answered = null;
        var result = await Pipeline.InvokeAsync(http, context.FunctionDefinition.EntryPoint, async () =>
        {
            await next(context);
            answered = _getResult(context);
            return answered;
        });

        // A refusal or a problem replaces the function's answer; the answer itself stays where it is.
        if (result is not null && !ReferenceEquals(result, answered))
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
