using Microsoft.Extensions.DependencyInjection;

namespace SkillHub.Functions.Calendars;

/// <summary>The calendars feature; the workshop links come from the notifications' options, which AddNotifications provides.</summary>
public static class CalendarsModule
{
    public static IServiceCollection AddCalendars(this IServiceCollection services)
    {
        services.AddSingleton<CalendarFeedStore>();
        services.AddSingleton<CalendarService>();
        return services;
    }
}
