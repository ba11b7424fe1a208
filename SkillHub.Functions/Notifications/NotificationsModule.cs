using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SkillHub.Functions.Registrations;

namespace SkillHub.Functions.Notifications;

public static class NotificationsModule
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        _ = ParisTime.Zone;
        var smtp = SmtpOptions.Load(configuration);
        services.AddSingleton(NotificationOptions.Load(configuration));
        services.AddSingleton(smtp);
        services.AddSingleton<NotificationSignal>();
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<NotificationPreferences>();
        services.AddSingleton<IRegistrationNotifier, RegistrationNotifier>();
        services.AddSingleton<NotificationReconciliation>();
        services.AddSingleton<WorkshopNotices>();
        services.AddSingleton<NotificationMessages>();
        services.TryAddSingleton<IMailTransport, SmtpMailTransport>();
        services.AddSingleton<NotificationSender>();
        services.AddHostedService(provider =>
        {
            if (!smtp.IsConfigured)
            {
                provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(NotificationsModule))
                    .LogWarning("Smtp__Host is not set: notifications are kept in the outbox and sent once an SMTP server is configured");
            }

            return ActivatorUtilities.CreateInstance<NotificationPump>(provider);
        });
        return services;
    }
}
