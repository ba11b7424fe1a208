using SkillHub.Functions.Backups;

namespace SkillHub.Functions.Tests.Backups;

/// <summary>Signs a set's manifest as it stands, with the key a test chooses: what only a holder of that key can do.</summary>
public static class SignedSets
{
    public static async Task<string> SignAsync(string set, BackupSigner signer)
    {
        var path = Path.Combine(set, BackupService.ManifestFile);
        var manifest = await BackupManifest.ReadAsync(path, CancellationToken.None);
        await using var file = File.Create(path);
        await BackupManifest.WriteAsync(file, manifest.Set, signer, CancellationToken.None);
        return set;
    }

    /// <summary>A fresh key, as a setting holds it.</summary>
    public static string NewKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));

    public static BackupSigner SignerOf(string key) => new(Convert.FromBase64String(key), []);
}
