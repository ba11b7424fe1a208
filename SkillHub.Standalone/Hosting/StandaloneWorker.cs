using Microsoft.Azure.Functions.Worker.Builder;
using SkillHub.Functions;

namespace SkillHub.Standalone.Hosting;

/// <summary>
/// The product's worker, step for step as its Program.cs composes it, with the stand-ins this machine
/// needs (<see cref="StandInServices.AddStandIns"/>) registered first: behind a host that speaks the
/// Functions protocol, without a MongoDB server.
/// </summary>
public static class StandaloneWorker
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = SkillHubWorker.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.UseSkillHubMiddleware();
        builder.Services.AddStandIns(builder.Configuration);
        builder.Services.AddSkillHub(builder.Configuration, builder.Environment, behindFunctionsHost: true);
        return await SkillHubWorker.RunAsync(builder);
    }
}
