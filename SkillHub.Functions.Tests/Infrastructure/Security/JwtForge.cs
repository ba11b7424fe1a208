using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Infrastructure.Security;

/// <summary>
/// Builds JWTs by hand, byte by byte, so a test can make exactly the token an attacker would:
/// unsigned, signed with another key or algorithm, or with one claim changed.
/// </summary>
internal static class JwtForge
{
    public const string Issuer = "skillhub";
    public const string Audience = "skillhub-api";

    /// <summary>66 random bytes (`openssl rand -base64 66`): long enough for HS512 as well, so only the algorithm rule can refuse an HS512 token.</summary>
    public const string LongSigningKey = "+TK/j7LqcJLntgWTD08tMa/k6nH5QupTSw9UeFVaqS1Qr2RDXo5ot+GXg0DqC/aVbDSYvQwJZxuMSNy5Bsc7AoAb";

    public static byte[] AppKey { get; } = Convert.FromBase64String(AppFixture.SigningKey);

    public static byte[] LongKey { get; } = Convert.FromBase64String(LongSigningKey);

    /// <summary>
    /// The claims the app itself puts in an access token, valid from <paramref name="now"/> for 15
    /// minutes, in <paramref name="sessionId"/> (a session no database knows when not given).
    /// </summary>
    public static JsonObject Claims(Guid userId, string role, DateTimeOffset now, Guid? sessionId = null) => new()
    {
        ["iss"] = Issuer,
        ["aud"] = Audience,
        ["sub"] = userId.ToString(),
        ["role"] = role,
        ["jti"] = Guid.NewGuid().ToString("N"),
        ["sid"] = (sessionId ?? Guid.NewGuid()).ToString(),
        ["iat"] = now.ToUnixTimeSeconds(),
        ["nbf"] = now.ToUnixTimeSeconds(),
        ["exp"] = now.AddMinutes(15).ToUnixTimeSeconds(),
    };

    public static string Hs256(JsonObject claims, byte[]? key = null) =>
        Build(Header("HS256"), claims, input => HMACSHA256.HashData(key ?? AppKey, input));

    public static string Hs512(JsonObject claims, byte[]? key = null) =>
        Build(Header("HS512"), claims, input => HMACSHA512.HashData(key ?? AppKey, input));

    public static string Rs256(JsonObject claims)
    {
        using var rsa = RSA.Create(2048);
        return Build(Header("RS256"), claims, input => rsa.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    /// <summary>alg "none" and an empty signature: the classic unsigned token.</summary>
    public static string Unsigned(JsonObject claims) => Build(Header("none"), claims, _ => []);

    /// <summary>The same token with the payload rewritten and the original signature kept.</summary>
    public static string Tamper(string token, Action<JsonObject> change)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(change);
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlDecode(parts[1]))!.AsObject();
        change(payload);
        return $"{parts[0]}.{Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";
    }

    public static JsonObject Payload(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return JsonNode.Parse(Base64UrlDecode(token.Split('.')[1]))!.AsObject();
    }

    private static JsonObject Header(string algorithm) => new() { ["alg"] = algorithm, ["typ"] = "JWT" };

    private static string Build(JsonObject header, JsonObject claims, Func<byte[], byte[]> sign)
    {
        var signingInput = $"{Base64Url(JsonSerializer.SerializeToUtf8Bytes(header))}.{Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims))}";
        return $"{signingInput}.{Base64Url(sign(Encoding.ASCII.GetBytes(signingInput)))}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64UrlDecode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
