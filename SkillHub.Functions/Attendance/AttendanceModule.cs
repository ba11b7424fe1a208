using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Workshops;

namespace SkillHub.Functions.Attendance;

public static class AttendanceModule
{
    /// <summary>Attendance, check-in and the workshop's figures; the check-in code's key is registered with the other keys (AddSecurity).</summary>
    public static IServiceCollection AddAttendance(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(CheckInOptions.Section).Get<CheckInOptions>() ?? new CheckInOptions();
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton<CheckInThrottle>();
        services.AddSingleton<IWorkshopViews, WorkshopFigures>();
        services.AddScoped<AttendanceService>();
        return services;
    }
}
