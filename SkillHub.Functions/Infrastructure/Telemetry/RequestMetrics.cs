using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Infrastructure.Telemetry;

/// <summary>
/// Measures every answer of an HTTP function (<see cref="SkillHubMetrics.RequestServed"/>), the same in
/// both hosts: outermost, it sees the answer the client gets, refusals and problems included.
/// </summary>
public sealed class RequestMetrics(SkillHubMetrics metrics, AccessPolicyCatalog functions) : IFunctionFilter
{
    /// <summary>host.json's routePrefix, which every link the app writes assumes too.</summary>
    private const string RoutePrefix = "/api/";

    private readonly ConcurrentDictionary<string, string> _routes = new(StringComparer.Ordinal);

    public async Task<IResult?> InvokeAsync(FunctionCall invocation, Func<Task<IResult?>> proceed)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(proceed);
        var started = Stopwatch.GetTimestamp();
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            var result = await proceed();
            status = FunctionAnswers.StatusOf(result);
            return result;
        }
        finally
        {
            metrics.RequestServed(RouteOf(invocation.EntryPoint), invocation.Http.Request.Method, status, Stopwatch.GetElapsedTime(started));
        }
    }

    public void Check(string entryPoint) => _ = RouteOf(entryPoint);

    /// <summary>The route template, never the path: a path holds ids, and the calendar feed's holds its token.</summary>
    private string RouteOf(string entryPoint) => _routes.GetOrAdd(entryPoint, point =>
    {
        var method = functions.MethodOf(point);
        var trigger = method.GetParameters().Select(parameter => parameter.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(found => found is not null);
        // Without a route, the Functions host serves a function at its name.
        return RoutePrefix + (trigger?.Route ?? method.GetCustomAttribute<FunctionAttribute>()?.Name ?? method.Name);
    });
}
