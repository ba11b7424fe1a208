using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Infrastructure.Sql;

namespace SkillHub.Functions.Demo;

/// <summary>The demo data's wiring: seeded at start-up when <c>SkillHub__DemoData</c> names a file.</summary>
public static class DemoModule
{
    public static IServiceCollection AddDemoData(this IServiceCollection services)
    {
        services.AddScoped<DemoData>();
        services.AddScoped<DemoPast>();
        return services.AddStartupStep("PostgreSQL", "loading demo data", (provider, ct) => provider.GetRequiredService<DemoData>().SeedIfRequestedAsync(ct));
    }
}
