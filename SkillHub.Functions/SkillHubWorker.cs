using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SkillHub.Functions.Infrastructure.Hosting;
using SkillHub.Functions.Infrastructure.Http;

namespace SkillHub.Functions;

/// <summary>The isolated worker's steps, in the order Program.cs reads them.</summary>
public static class SkillHubWorker
{
    /// <summary>
    /// The Functions application builder, with the app's defaults below every other setting; the timer
    /// schedules, which the host resolves from its own settings, must be set there.
    /// </summary>
    public static FunctionsApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = SkillHubServices.Defaults });
        TimerSchedules.RequireUnderFunctionsHost(TimerSchedules.Declared(typeof(SkillHubWorker).Assembly), builder.Configuration);
        return builder;
    }

    /// <summary>The middleware declaration: the gate in front of every HTTP function, the timer gate in front of every timer.</summary>
    public static FunctionsApplicationBuilder UseSkillHubMiddleware(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseWhen<HttpGateMiddleware>(HttpGateMiddleware.AppliesTo);
        builder.UseWhen<TimerGateMiddleware>(TimerGateMiddleware.AppliesTo);
        return builder;
    }

    /// <summary>
    /// Runs the worker until the host stops it. The worker connects to the host first (it must within a
    /// minute) and prepares the databases meanwhile; 1 when that preparation failed on what retrying
    /// cannot fix, the reason on stderr.
    /// </summary>
    public static async Task<int> RunAsync(FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        using var host = builder.Build();

        // RunAsync disposes the host's services: what start-up found is read from the readiness taken before.
        var readiness = host.Services.GetRequiredService<StartupReadiness>();
        await host.RunAsync();
        if (readiness.Failure is { } failure)
        {
            await Console.Error.WriteLineAsync(failure);
            return 1;
        }

        return 0;
    }
}
