using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SkillHub.Functions.Attendance;

/// <summary>
/// A workshop's check-in code: a MAC of its id under a key derived from the app's signing key, written
/// in six characters that cannot be misread (no 0/O, 1/I/L). Never stored: every instance derives the
/// same code, the trainer can print it in advance, and only the app can make one.
/// </summary>
public sealed class CheckInCodes
{
    public const int Length = 6;
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private readonly byte[] _key;

    public CheckInCodes(byte[] signingKey)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, signingKey, 32, info: Encoding.UTF8.GetBytes("skillhub check-in code"));
    }

    public string For(Guid workshopId)
    {
        // 64 bits of the MAC, written in base 31: six digits use under 2^30 of them, so the bias is nil.
        var value = BinaryPrimitives.ReadUInt64BigEndian(HMACSHA256.HashData(_key, workshopId.ToByteArray()));
        var code = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            code[i] = Alphabet[(int)(value % (ulong)Alphabet.Length)];
            value /= (ulong)Alphabet.Length;
        }

        return new string(code);
    }

    /// <summary>Whether <paramref name="code"/> is the workshop's, ignoring case and surrounding spaces, compared in constant time.</summary>
    public bool Matches(Guid workshopId, string? code)
    {
        var given = code?.Trim().ToUpperInvariant();
        if (given is not { Length: Length })
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(For(workshopId)), Encoding.UTF8.GetBytes(given));
    }
}
