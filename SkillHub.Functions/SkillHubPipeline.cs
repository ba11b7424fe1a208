using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Infrastructure.Telemetry;

namespace SkillHub.Functions;

/// <summary>What stands in front of every HTTP function, under the Functions host and standalone alike: declared once, here.</summary>
public static class SkillHubPipeline
{
    /// <summary>The filters, outermost first; each is a service its feature or the infrastructure registers.</summary>
    public static IReadOnlyList<Type> Filters { get; } =
    [
        // Outermost: it measures the answer the client gets, whoever gave it.
        typeof(RequestMetrics),
        // On every answer, the refusals and problems below included.
        typeof(SecurityHeaders),
        typeof(ReadinessCheck),
        // Outside authentication: a session check that cannot reach PostgreSQL is a 503 too.
        typeof(ErrorMapping),
        typeof(CallerAuthentication),
        // Inside authentication: only what a function answered is recorded, never a refusal.
        typeof(ActivityRecorder),
    ];

    public static FunctionPipeline Compose(IServiceProvider services) =>
        new([.. Filters.Select(type => (IFunctionFilter)services.GetRequiredService(type))]);
}
