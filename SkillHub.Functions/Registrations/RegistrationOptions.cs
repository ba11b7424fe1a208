using Microsoft.Extensions.Configuration;

namespace SkillHub.Functions.Registrations;

/// <summary><c>Registrations__*</c>: until when participants may cancel on their own.</summary>
public sealed class RegistrationOptions
{
    public const string Section = "Registrations";

    public const int MaxCancelCutoffHours = 720;

    /// <summary>Hours before a workshop's start from which a participant can no longer cancel their own registration (0: until the start).</summary>
    public int CancelCutoffHours { get; set; }

    public TimeSpan CancelCutoff => TimeSpan.FromHours(CancelCutoffHours);

    public static RegistrationOptions Load(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<RegistrationOptions>() ?? new RegistrationOptions();
        if (options.CancelCutoffHours is < 0 or > MaxCancelCutoffHours)
        {
            throw new InvalidOperationException($"Registrations__CancelCutoffHours must be between 0 and {MaxCancelCutoffHours}.");
        }

        return options;
    }
}
