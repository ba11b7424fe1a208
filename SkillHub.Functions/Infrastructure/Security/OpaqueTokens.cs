using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SkillHub.Functions.Infrastructure.Security;

/// <summary>Bearer secrets given out once and stored only as their SHA-256: refresh tokens, calendar feed tokens.</summary>
public static class OpaqueTokens
{
    public const int Bytes = 32;

    /// <summary>The base64url length of <see cref="Bytes"/> bytes, without padding.</summary>
    public const int Length = 43;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Could be a token this class made: anything else is not looked up.</summary>
    public static bool IsWellFormed(string? token) => token is { Length: Length } && Base64Url.IsValid(token);
}
