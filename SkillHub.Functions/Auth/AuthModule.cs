using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Infrastructure.Sql;
using SkillHub.Functions.Users;

namespace SkillHub.Functions.Auth;

/// <summary>The accounts feature's wiring: throttles, password hashing, stores, and what start-up does for it.</summary>
public static class AuthModule
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(Validated<LoginThrottleOptions>(configuration, LoginThrottleOptions.Section, o => o.Validate()));
        services.AddSingleton(Validated<RegisterThrottleOptions>(configuration, RegisterThrottleOptions.Section, o => o.Validate()));
        services.AddSingleton(Validated<PasswordOptions>(configuration, PasswordOptions.Section, o => o.Validate()));
        services.AddSingleton<ThrottleCounters>();
        services.AddSingleton<ILoginThrottle, LoginThrottle>();
        services.AddSingleton<IRegisterThrottle, RegisterThrottle>();
        services.AddMetrics();
        services.AddSingleton<HashingLimiter>();
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<PasswordPolicy>();
        services.AddSingleton<IRefreshTokenStore, RefreshTokenStore>();
        services.AddSingleton<PasswordResets>();
        services.AddSingleton<IUserStore, UserStore>();
        services.AddSingleton<PersonalDataStore>();
        services.AddScoped<PersonalDataService>();
        services.AddScoped<AccountService>();
        services.AddScoped<PasswordResetService>();
        services.AddScoped<BootstrapAdmin>();
        services.AddStartupStep(null, "calibrating the password hasher", (provider, _) =>
        {
            provider.GetRequiredService<PasswordHasher>().Calibrate();
            return Task.CompletedTask;
        });
        services.AddStartupStep("PostgreSQL", "creating the bootstrap admin", (provider, ct) => provider.GetRequiredService<BootstrapAdmin>().EnsureAsync(ct));
        return services;
    }

    /// <summary>A settings section, or its defaults, checked before anything starts.</summary>
    private static T Validated<T>(IConfiguration configuration, string section, Action<T> validate)
        where T : new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        validate(options);
        return options;
    }
}
