using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Backups;

/// <summary>
/// Signs backup manifests with HMAC-SHA256 under <c>Backup__SigningKey</c>, and verifies them under
/// that key or any of <c>Backup__PreviousSigningKeys__N</c> (so a key can be rotated without
/// orphaning the sets it signed). The keys stay in this object: never in options, a set or a log.
/// </summary>
public sealed class BackupSigner(byte[] key, IEnumerable<byte[]> previousKeys)
{
    public const string KeySetting = "Backup__SigningKey";
    public const string PreviousKeysSetting = "Backup__PreviousSigningKeys";

    private readonly byte[] _key = key ?? throw new ArgumentNullException(nameof(key));
    private readonly byte[][] _verifyingKeys = [key, .. previousKeys ?? throw new ArgumentNullException(nameof(previousKeys))];

    /// <summary>True when Development made the key up: sets it signs do not verify after this process.</summary>
    public bool Ephemeral { get; private init; }

    /// <summary>Reads the keys through <see cref="SecretKey.Decode"/>; without <c>Backup__SigningKey</c> only Development starts, with a random key.</summary>
    public static BackupSigner Load(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var section = configuration.GetSection(BackupOptions.Section);
        var previous = section.GetSection("PreviousSigningKeys").GetChildren()
            .Where(child => !string.IsNullOrWhiteSpace(child.Value))
            .Select(child => SecretKey.Decode($"{PreviousKeysSetting}__{child.Key}", child.Value))
            .ToList();
        var key = section["SigningKey"];
        if (string.IsNullOrEmpty(key))
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    $"{KeySetting} is not set. Backup manifests are signed with it and a restore refuses any set it did not sign; give it base64 of at least {SecretKey.MinimumBytes} random bytes ({SecretKey.HowToMakeOne}). Only the Development environment may start without one.");
            }

            return new BackupSigner(RandomNumberGenerator.GetBytes(48), previous) { Ephemeral = true };
        }

        return new BackupSigner(SecretKey.Decode(KeySetting, key), previous);
    }

    /// <summary>The signature of <paramref name="content"/>, lower-case hex.</summary>
    public string Sign(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, content));

    /// <summary>Whether <paramref name="signature"/> is the signature of <paramref name="content"/> under the key or a previous one (compared in constant time).</summary>
    public bool Verifies(ReadOnlySpan<byte> content, string? signature)
    {
        if (signature is not { Length: HMACSHA256.HashSizeInBytes * 2 } || !signature.All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        var claimed = Convert.FromHexString(signature);
        var verified = false;
        foreach (var key in _verifyingKeys)
        {
            verified |= CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, content), claimed);
        }

        return verified;
    }
}
