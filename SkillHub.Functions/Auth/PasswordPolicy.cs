using System.Collections.Frozen;

namespace SkillHub.Functions.Auth;

/// <summary>
/// 12 to 128 characters (the cap keeps hashing cheap for the server), and not a common password:
/// the list shipped in common-passwords.txt, also after trailing digits and symbols are taken off
/// ("Password2024!" is "password"), nor one character repeated, nor the e-mail address itself.
/// </summary>
public sealed class PasswordPolicy
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    private static readonly Lazy<FrozenSet<string>> CommonPasswords = new(LoadCommonPasswords);

    public static int CommonPasswordCount => CommonPasswords.Value.Count;

    /// <summary>The reasons the password is refused; empty when it is acceptable.</summary>
    public IReadOnlyList<string> Check(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password))
        {
            return ["This field is required."];
        }

        if (password.Length < MinLength || password.Length > MaxLength)
        {
            return [$"Between {MinLength} and {MaxLength} characters."];
        }

        var lowered = password.ToLowerInvariant();
        var stem = lowered.TrimEnd("0123456789!@#$%^&*?.-_+=~ ".ToCharArray());
        var common = CommonPasswords.Value;
        if (common.Contains(lowered) || (stem.Length > 0 && common.Contains(stem)) || lowered.Distinct().Count() <= 2)
        {
            return ["This password is too common; choose a longer passphrase of your own."];
        }

        if (!string.IsNullOrWhiteSpace(email) && (lowered.Contains(email.Trim().ToLowerInvariant(), StringComparison.Ordinal)
            || string.Equals(lowered, email.Split('@')[0], StringComparison.OrdinalIgnoreCase)))
        {
            return ["The password must not contain your e-mail address."];
        }

        return [];
    }

    private static FrozenSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("common-passwords.txt")
            ?? throw new InvalidOperationException("The common-passwords.txt resource is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split(["\r\n", "\n", "\r"], StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Trim().ToLowerInvariant())
            .ToFrozenSet(StringComparer.Ordinal);
    }
}
