using Microsoft.Extensions.DependencyInjection;

namespace SkillHub.Functions.Workshops;

/// <summary>The workshops feature's wiring.</summary>
public static class WorkshopsModule
{
    public static IServiceCollection AddWorkshops(this IServiceCollection services)
    {
        services.AddSingleton<IWorkshopStore, WorkshopStore>();
        services.AddScoped<WorkshopService>();
        return services;
    }
}
