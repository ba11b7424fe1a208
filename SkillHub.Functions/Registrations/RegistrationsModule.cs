using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Workshops;

namespace SkillHub.Functions.Registrations;

public static class RegistrationsModule
{
    public static IServiceCollection AddRegistrations(this IServiceCollection services, IConfiguration configuration)
    {
        var reconciliation = configuration.GetSection(ReconciliationOptions.Section).Get<ReconciliationOptions>() ?? new ReconciliationOptions();
        if (reconciliation.QuietSeconds < 0)
        {
            throw new InvalidOperationException("Reconciliation__QuietSeconds must not be negative.");
        }

        services.AddSingleton(reconciliation);
        services.AddSingleton(RegistrationOptions.Load(configuration));
        services.AddDocumentCollection<IRegistrationStore, MongoRegistrationStore, RegistrationDocument>(MongoRegistrationStore.CollectionName, _ => MongoRegistrationStore.Indexes);
        services.AddSingleton<ISeatLedger, SeatLedger>();
        services.AddSingleton<WaitingList>();
        services.AddSingleton<IWorkshopRegistrations, WorkshopRegistrations>();
        services.AddSingleton<SeatReconciliation>();
        services.AddScoped<RegistrationService>();
        return services;
    }
}
