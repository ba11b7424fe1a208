using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SkillHub.Functions.Auth;

/// <summary>
/// PBKDF2-HMAC-SHA512 with 210,000 iterations and a 16-byte salt (OWASP Password Storage Cheat
/// Sheet). The hash records its own parameters, so they can be raised later without breaking
/// stored passwords.
/// </summary>
public sealed class PasswordHasher
{
    public const int Iterations = 210_000;
    private const string Scheme = "pbkdf2-sha512";
    private const int SaltBytes = 16;
    private const int HashBytes = 64;

    // Verified against when the e-mail is unknown, so an unknown account costs the same time as a wrong password.
    private readonly Lazy<string> _decoy;

    public PasswordHasher() => _decoy = new Lazy<string>(() => Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));

    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA512, HashBytes);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    public bool Verify(string password, string? storedHash)
    {
        ArgumentNullException.ThrowIfNull(password);
        var parts = (storedHash ?? _decoy.Value).Split('$');
        if (parts.Length != 4 || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            return false;
        }

        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected) && storedHash is not null;
    }
}
