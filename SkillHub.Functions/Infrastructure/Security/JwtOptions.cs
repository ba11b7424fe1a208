using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace SkillHub.Functions.Infrastructure.Security;

public sealed class JwtOptions
{
    public const string Section = "Jwt";

    public string Issuer { get; set; } = "skillhub";

    public string Audience { get; set; } = "skillhub-api";

    public int AccessTokenMinutes { get; set; } = 15;

    public int RefreshTokenDays { get; set; } = 14;

    public string? SigningKey { get; set; }

    /// <summary>
    /// Reads the settings and the signing key, refusing to go on with a weak or missing key. Only in
    /// Development is a missing key replaced by a random one (tokens then die with the process).
    /// </summary>
    public static (JwtOptions Options, SymmetricSecurityKey Key, bool Ephemeral) Load(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var options = configuration.GetSection(Section).Get<JwtOptions>() ?? new JwtOptions();
        if (options.AccessTokenMinutes is < 1 or > 1440)
        {
            throw new InvalidOperationException("Jwt__AccessTokenMinutes must be between 1 and 1440.");
        }

        if (options.RefreshTokenDays is < 1 or > 365)
        {
            throw new InvalidOperationException("Jwt__RefreshTokenDays must be between 1 and 365.");
        }

        if (string.IsNullOrWhiteSpace(options.Issuer) || string.IsNullOrWhiteSpace(options.Audience))
        {
            throw new InvalidOperationException("Jwt__Issuer and Jwt__Audience must not be empty.");
        }

        if (string.IsNullOrEmpty(options.SigningKey))
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    $"Jwt__SigningKey is not set. Give it base64 of at least {SecretKey.MinimumBytes} random bytes ({SecretKey.HowToMakeOne}); only the Development environment may start without one.");
            }

            return (options, new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64)), true);
        }

        var keyBytes = SecretKey.Decode("Jwt__SigningKey", options.SigningKey);
        options.SigningKey = null;
        return (options, new SymmetricSecurityKey(keyBytes), false);
    }
}
