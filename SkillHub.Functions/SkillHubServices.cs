using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Attendance;
using SkillHub.Functions.Auth;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Calendars;
using SkillHub.Functions.Comments;
using SkillHub.Functions.Demo;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Infrastructure.Hosting;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Json;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Infrastructure.Sql;
using SkillHub.Functions.Infrastructure.Telemetry;
using SkillHub.Functions.Notifications;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Statistics;
using SkillHub.Functions.Workshops;

namespace SkillHub.Functions;

/// <summary>The app's services, the same under the Functions host and standalone.</summary>
public static class SkillHubServices
{
    /// <summary>Settings the app falls back to when configuration does not name them.</summary>
    public static IReadOnlyDictionary<string, string?> Defaults { get; } = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    };

    public static IServiceCollection AddSkillHub(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, bool behindFunctionsHost = false)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services
            .AddPlatform(configuration, behindFunctionsHost)
            .AddPostgres(configuration)
            .AddDocumentStore(configuration)
            .AddSecurity(configuration, environment)
            .AddSessions(configuration)
            .AddAccounts(configuration)
            .AddDemoData()
            .AddWorkshops()
            .AddRegistrations(configuration)
            .AddNotifications(configuration)
            .AddCalendars()
            .AddComments()
            .AddStatistics()
            .AddAttendance(configuration)
            .AddActivityLog(configuration)
            .AddBackups(configuration, environment);
    }

    private static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration configuration, bool behindFunctionsHost)
    {
        // TryAdd: a test's clock, registered first, drives every time rule.
        services.TryAddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(options => JsonDefaults.Configure(options.SerializerOptions));
        services.AddSingleton(new ClientAddress(configuration.GetValue(ClientAddress.Setting, behindFunctionsHost)));
        services.AddTelemetry(configuration, behindFunctionsHost);
        services.AddSingleton<RequestMetrics>();
        services.AddSingleton<SecurityHeaders>();
        services.AddSingleton<ReadinessCheck>();
        services.AddSingleton<ErrorMapping>();
        services.AddSingleton(SkillHubPipeline.Compose);
        services.AddSingleton<StartupReadiness>();
        services.AddSingleton<DatabasePreparation>();
        services.AddSingleton<TimerGate>();
        if (behindFunctionsHost)
        {
            services.AddHostedService<BackgroundDatabasePreparation>();
        }

        return services;
    }

    private static IServiceCollection AddPostgres(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = Database.ConnectionString(configuration);
        services.AddSingleton(_ => Database.CreateDataSource(connectionString));
        services.AddSingleton(provider => new Migrator(connectionString, provider.GetRequiredService<ILogger<Migrator>>()));
        return services;
    }

    private static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var (options, key, ephemeral) = JwtOptions.Load(configuration, environment);
        services.AddSingleton(options);
        services.AddSingleton(provider =>
        {
            if (ephemeral)
            {
                provider.GetRequiredService<ILoggerFactory>().CreateLogger<JwtOptions>()
                    .LogWarning("Jwt__SigningKey is not set: Development uses a random key, and every token dies with this process");
            }

            return new AccessTokens(options, key, provider.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(new PasswordResetTokens(key.Key));
        services.AddSingleton(new CheckInCodes(key.Key));
        services.AddSingleton<AccessPolicyCatalog>();
        services.AddSingleton<CallerAuthentication>();
        return services;
    }

    /// <summary>The gate's session check, and the listener that keeps its cache true on every instance (a hosted service under either host).</summary>
    private static IServiceCollection AddSessions(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = Database.ConnectionString(configuration);
        services.AddSingleton<ISessionStandings, SessionStandings>();
        services.AddSingleton<SessionCheck>();
        services.AddSingleton<ISessionCheck>(provider => provider.GetRequiredService<SessionCheck>());
        services.AddHostedService(provider => new SessionListener(
            connectionString, provider.GetRequiredService<SessionCheck>(), provider.GetRequiredService<ILogger<SessionListener>>()));
        return services;
    }

}
