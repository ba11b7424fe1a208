using Microsoft.AspNetCore.Http;
using SkillHub.Functions.Infrastructure.Hosting;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Infrastructure.Http;

/// <summary>Until start-up has prepared the databases, only the functions that serve while starting (health, the OpenAPI document) run; the others answer 503.</summary>
public sealed class ReadinessCheck(StartupReadiness readiness, AccessPolicyCatalog policies) : IFunctionFilter
{
    public Task<IResult?> InvokeAsync(FunctionCall invocation, Func<Task<IResult?>> proceed)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(proceed);
        return readiness.IsReady || policies.ServesWhileStarting(invocation.EntryPoint) ? proceed() : Task.FromResult<IResult?>(Problems.Starting());
    }
}
