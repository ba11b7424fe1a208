using Microsoft.AspNetCore.Http;

namespace SkillHub.Functions.Infrastructure.Http;

/// <summary>One call of an HTTP function, as the filters in front of it see it.</summary>
public sealed record FunctionCall(HttpContext Http, string EntryPoint);

/// <summary>One concern that stands in front of every HTTP function: it answers instead of the function, changes its answer, or passes.</summary>
public interface IFunctionFilter
{
    /// <summary>The answer to give (null if the function gave none); <paramref name="proceed"/> runs the filters after this one, then the function.</summary>
    Task<IResult?> InvokeAsync(FunctionCall invocation, Func<Task<IResult?>> proceed);

    /// <summary>Throws if this filter could not serve the function: called for each function when a host maps it, not at its first request.</summary>
    void Check(string entryPoint)
    {
    }
}

/// <summary>
/// The filters of one declaration, the first outermost, in front of a function. Both hosts call it, the worker's
/// <see cref="HttpGateMiddleware"/> and the standalone host: neither can run a function behind other filters or in another order.
/// </summary>
public sealed class FunctionPipeline(IReadOnlyList<IFunctionFilter> filters)
{
    public IReadOnlyList<IFunctionFilter> Filters { get; } = filters;

    /// <summary>Runs <paramref name="function"/> behind every filter; returns its answer (null if it gave none) or the one to give instead.</summary>
    public Task<IResult?> InvokeAsync(HttpContext http, string entryPoint, Func<Task<IResult?>> function)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(function);
        var call = new FunctionCall(http, entryPoint);
        return Next(0);

        Task<IResult?> Next(int index) => index == Filters.Count ? function() : Filters[index].InvokeAsync(call, () => Next(index + 1));
    }

    public void Check(string entryPoint)
    {
        foreach (var filter in Filters)
        {
            filter.Check(entryPoint);
        }
    }
}
