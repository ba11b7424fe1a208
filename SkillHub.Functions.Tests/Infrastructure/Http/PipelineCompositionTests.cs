using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SkillHub.Functions.Infrastructure.Hosting;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Infrastructure.Http;

/// <summary>Both hosts run every HTTP function behind the one declaration of filters, <see cref="SkillHubPipeline"/>, in its order.</summary>
public sealed class PipelineCompositionTests
{
    [Fact]
    public async Task TheWorkerAndTheStandaloneHost_RunTheDeclaredFilters_InTheDeclaredOrder()
    {
        await using var standalone = UnreachableApp.Build("memory");
        using var worker = Worker();

        var served = FilterTypes(standalone.Services.GetRequiredService<FunctionPipeline>());
        var gated = FilterTypes(ActivatorUtilities.GetServiceOrCreateInstance<HttpGateMiddleware>(worker.Services).Pipeline);

        Assert.Equal(SkillHubPipeline.Filters, served);
        Assert.Equal(served, gated);
    }

    /// <summary>The worker composed as Program.cs composes it under the Functions host (not started: no host to talk to).</summary>
    private static IHost Worker()
    {
        var builder = SkillHubWorker.CreateBuilder(
        [
            $"--ConnectionStrings:Postgres={UnreachableApp.Postgres}",
            "--ConnectionStrings:MongoDB=mongodb://127.0.0.1:1/",
            $"--Jwt:SigningKey={AppFixture.SigningKey}",
            $"--Backup:SigningKey={AppFixture.BackupSigningKey}",
            .. TimerSchedules.Defaults.Select(schedule => $"--{schedule.Key}={schedule.Value}"),
        ]);
        builder.ConfigureFunctionsWebApplication();
        builder.UseSkillHubMiddleware();
        builder.Services.AddSkillHub(builder.Configuration, builder.Environment, behindFunctionsHost: true);
        return builder.Build();
    }

    private static List<Type> FilterTypes(FunctionPipeline pipeline) => [.. pipeline.Filters.Select(filter => filter.GetType())];
}
