using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Infrastructure.Telemetry;

namespace SkillHub.Functions.Tests.Support;

/// <summary>The app's metrics on a meter factory of their own, for services a test composes by hand.</summary>
public static class TestMetrics
{
    public static SkillHubMetrics Create() =>
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
}
