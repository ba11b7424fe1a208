using Microsoft.Extensions.DependencyInjection;

namespace SkillHub.Functions.Statistics;

/// <summary>The statistics feature's wiring; it reads the workshops table and the registration and comment stores the other features provide.</summary>
public static class StatisticsModule
{
    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.AddSingleton<StatisticsStore>();
        services.AddScoped<StatisticsService>();
        return services;
    }
}
