using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace SkillHub.Functions.Auth;

/// <summary>
/// A reset link's token: the reset's id and a MAC of it, keyed from the app's signing key. The token
/// is never stored (not in the resets table, the outbox or a backup): the link can be written again
/// from the id when a message is retried, and only the app can make one.
/// </summary>
public sealed class PasswordResetTokens
{
    private const int MacBytes = 32;

    private readonly byte[] _key;

    public PasswordResetTokens(byte[] signingKey)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, signingKey, 32, info: Encoding.UTF8.GetBytes("skillhub password reset link"));
    }

    public string Create(Guid resetId)
    {
        var id = resetId.ToByteArray();
        return Base64UrlEncoder.Encode([.. id, .. HMACSHA256.HashData(_key, id)]);
    }

    /// <summary>The reset id a token was made for; null for anything the app did not make.</summary>
    public Guid? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Base64UrlEncoder.DecodeBytes(token);
        }
        catch (FormatException)
        {
            return null;
        }

        if (bytes.Length != 16 + MacBytes)
        {
            return null;
        }

        var id = bytes.AsSpan(0, 16);
        return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, id), bytes.AsSpan(16)) ? new Guid(id) : null;
    }
}
