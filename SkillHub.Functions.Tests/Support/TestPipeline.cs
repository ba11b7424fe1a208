using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Infrastructure.Hosting;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Infrastructure.Telemetry;

namespace SkillHub.Functions.Tests.Support;

/// <summary>The app's declared filters (<see cref="SkillHubPipeline"/>), over the access and activity declarations of the test assembly's stand-in functions.</summary>
public static class TestPipeline
{
    public static FunctionPipeline Create(AccessTokens tokens, ISessionCheck? sessions = null, ActivityRecorder? activity = null, StartupReadiness? readiness = null)
    {
        var services = new ServiceCollection()
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton(new AccessPolicyCatalog(typeof(TestPipeline).Assembly))
            .AddSingleton(tokens)
            .AddSingleton(sessions ?? TestSessions.AdmitAll())
            .AddSingleton(activity ?? TestActivity.Recorder())
            .AddSingleton(readiness ?? TestReadiness.Ready())
            .AddMetrics()
            .AddSingleton<SkillHubMetrics>();
        foreach (var filter in SkillHubPipeline.Filters)
        {
            services.TryAddSingleton(filter);
        }

        using var provider = services.BuildServiceProvider();
        return SkillHubPipeline.Compose(provider);
    }
}
