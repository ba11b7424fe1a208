using Microsoft.Extensions.Configuration;

namespace SkillHub.Functions.Notifications;

/// <summary><c>Notifications__*</c>: when reminders go, how often a message is tried, and where its links lead.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>The timer's schedule setting (flat, as the Functions host needs it in a trigger attribute).</summary>
    public const string ScheduleSetting = "NotificationSchedule";

    /// <summary>Hours before a workshop's start when its confirmed participants are reminded.</summary>
    public int ReminderHours { get; set; } = 24;

    /// <summary>Attempts before a message is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The address links in messages start with: the workshop's page is <c>{PublicUrl}/api/workshops/{id}</c>.</summary>
    public string PublicUrl { get; set; } = "http://localhost:7071";

    /// <summary>
    /// The page a reset link opens, with <c>{token}</c> where the token goes: the front end's form, which
    /// posts the token and the new password to <c>/api/auth/password-reset/confirm</c>.
    /// </summary>
    public string PasswordResetUrl { get; set; } = "http://localhost:7071/reinitialiser-mot-de-passe?token={token}";

    /// <summary>The first retry's delay; each next one doubles, up to <see cref="MaxRetryDelay"/>.</summary>
    public static TimeSpan FirstRetryDelay { get; } = TimeSpan.FromSeconds(30);

    public static TimeSpan MaxRetryDelay { get; } = TimeSpan.FromHours(1);

    public static NotificationOptions Load(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<NotificationOptions>() ?? new NotificationOptions();
        if (options.ReminderHours is < 1 or > 24 * 14)
        {
            throw new InvalidOperationException("Notifications__ReminderHours must be between 1 and 336.");
        }

        if (options.MaxAttempts is < 1 or > 100)
        {
            throw new InvalidOperationException("Notifications__MaxAttempts must be between 1 and 100.");
        }

        if (!Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException("Notifications__PublicUrl must be an absolute address.");
        }

        if (!options.PasswordResetUrl.Contains("{token}", StringComparison.Ordinal)
            || !Uri.TryCreate(options.PasswordResetUrl.Replace("{token}", "x", StringComparison.Ordinal), UriKind.Absolute, out _))
        {
            throw new InvalidOperationException("Notifications__PasswordResetUrl must be an absolute address holding {token}.");
        }

        options.PublicUrl = options.PublicUrl.TrimEnd('/');
        return options;
    }

    /// <summary>The workshop's public page, as every message and calendar links it.</summary>
    public string WorkshopLink(Guid workshopId) => $"{PublicUrl}/api/workshops/{workshopId}";

    /// <summary>When a message whose <paramref name="attempts"/>-th attempt just failed is tried again; null when it has failed for good.</summary>
    public DateTime? RetryAt(int attempts, DateTime now) =>
        attempts >= MaxAttempts ? null
        : now + TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks << Math.Min(attempts - 1, 20)));
}
