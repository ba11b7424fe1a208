namespace SkillHub.Functions.Infrastructure.Security;

/// <summary>
/// The one rule for the app's secret keys (<c>Jwt__SigningKey</c>, <c>Backup__SigningKey</c>): base64
/// of at least <see cref="MinimumBytes"/> random bytes, as <c>openssl rand -base64 48</c> makes them.
/// Text, placeholders and patterned keys are refused, and a refusal never repeats the value.
/// </summary>
public static class SecretKey
{
    public const int MinimumBytes = 32;
    public const string HowToMakeOne = "make one with `openssl rand -base64 48`";

    /// <summary>The key's bytes; throws <see cref="InvalidOperationException"/> naming the setting when the value is not a strong key.</summary>
    public static byte[] Decode(string settingName, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(settingName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Refused(settingName, "is not set");
        }

        var bytes = FromBase64(value.Trim())
            ?? throw Refused(settingName, "is not base64");
        if (bytes.Length < MinimumBytes)
        {
            throw Refused(settingName, $"decodes to {bytes.Length} bytes; it needs at least {MinimumBytes} random bytes");
        }

        if (!LooksRandom(value.Trim(), bytes))
        {
            throw Refused(settingName, "does not look random (a placeholder, a word or a pattern)");
        }

        return bytes;
    }

    private static InvalidOperationException Refused(string settingName, string reason) =>
        new($"{settingName} {reason}: {HowToMakeOne}.");

    /// <summary>Standard or URL-safe base64, padded or not.</summary>
    private static byte[]? FromBase64(string text)
    {
        var standard = text.Replace('-', '+').Replace('_', '/');
        standard = standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '=');
        var buffer = new byte[standard.Length * 3 / 4];
        return Convert.TryFromBase64String(standard, buffer, out var written) ? buffer[..written] : null;
    }

    /// <summary>
    /// Random bytes, once encoded, mix upper- and lower-case letters (a key of 32 random bytes lacks one
    /// of them with a chance of about 1 in 10^9); decoded, they are not all printable text (1 in 10^13)
    /// and repeat few values: 32 random bytes hold about 30 distinct ones, and fewer than 60 % of what
    /// chance gives happens about once in 10^8. A placeholder such as "replace-with-a-key" or a
    /// base64-encoded passphrase fails at least one of the three.
    /// </summary>
    private static bool LooksRandom(string encoded, byte[] bytes)
    {
        var mixedCase = encoded.Any(char.IsAsciiLetterUpper) && encoded.Any(char.IsAsciiLetterLower);
        var allPrintable = bytes.All(b => b is >= 0x20 and < 0x7F);
        var expectedDistinct = 256 * (1 - Math.Pow(255.0 / 256, bytes.Length));
        var distinct = bytes.Distinct().Count();
        return mixedCase && !allPrintable && distinct >= 0.6 * expectedDistinct;
    }
}
