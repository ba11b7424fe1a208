using System.Text.Json;
using System.Text.Json.Nodes;
using SkillHub.Functions.Infrastructure.Json;

namespace SkillHub.Functions.Backups;

/// <summary>A manifest as read from its file: the set it describes and the signature it carries, if any.</summary>
public sealed record SignedManifest(BackupSet Set, string? Signature);

/// <summary>
/// manifest.json, written and read in one place. The file is the set's JSON (<see cref="JsonDefaults"/>)
/// with one more property, <c>signature</c>: HMAC-SHA256, in hex, of <see cref="Domain"/> followed by
/// the canonical bytes of the set, that is the set serialized again from what was read. What is
/// verified is therefore exactly what the restore then uses; an unknown property makes the file unreadable.
/// </summary>
public static class BackupManifest
{
    public const string SignatureProperty = "signature";

    /// <summary>Ties a signature to this use of the key.</summary>
    public static ReadOnlySpan<byte> Domain => "SkillHub backup manifest v1\n"u8;

    /// <summary>Writes the set, signed when <paramref name="signer"/> is given (the demo dump of data/ is not, see README); returns the set as a reader will see it.</summary>
    public static async Task<BackupSet> WriteAsync(Stream destination, BackupSet set, BackupSigner? signer, CancellationToken cancellationToken)
    {
        // Serialized once and read back, so that what is signed is what a reader re-serializes (timestamps keep the precision the JSON holds).
        var written = JsonSerializer.Deserialize<BackupSet>(JsonSerializer.SerializeToUtf8Bytes(set, JsonDefaults.Options), JsonDefaults.Options)!;
        var node = JsonSerializer.SerializeToNode(written, JsonDefaults.Options)!.AsObject();
        if (signer is not null)
        {
            node[SignatureProperty] = signer.Sign(SignedBytes(written));
        }

        await using var writer = new Utf8JsonWriter(destination);
        node.WriteTo(writer, JsonDefaults.Options);
        await writer.FlushAsync(cancellationToken);
        return written;
    }

    /// <exception cref="JsonException">The file is not a manifest: not JSON, a missing or unknown property, a signature that is not a string.</exception>
    public static async Task<SignedManifest> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var source = File.OpenRead(path);
        var node = await JsonNode.ParseAsync(source, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }, cancellationToken: cancellationToken) as JsonObject
            ?? throw new JsonException("The manifest is not a JSON object.");
        string? signature = null;
        if (node.Remove(SignatureProperty, out var value))
        {
            signature = value is JsonValue text && text.TryGetValue<string>(out var hex) ? hex : throw new JsonException($"The manifest's {SignatureProperty} is not a string.");
        }

        var set = node.Deserialize<BackupSet>(JsonDefaults.Options) ?? throw new JsonException("The manifest is empty.");
        return new SignedManifest(set, signature);
    }

    public static bool Verifies(SignedManifest manifest, BackupSigner signer)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(signer);
        return signer.Verifies(SignedBytes(manifest.Set), manifest.Signature);
    }

    private static byte[] SignedBytes(BackupSet set) => [.. Domain, .. JsonSerializer.SerializeToUtf8Bytes(set, JsonDefaults.Options)];
}
