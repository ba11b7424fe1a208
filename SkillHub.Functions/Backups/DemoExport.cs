using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Infrastructure.Sql;

namespace SkillHub.Functions.Backups;

/// <summary>
/// The demo dump of data/: a backup set of the demo dataset (data/demo.json, seeded with its
/// registrations, attendance and comments by <see cref="Demo.DemoData"/>), written by
/// <see cref="BackupService"/> and copied out under stable names.
/// The services given run over a fresh, empty database and empty in-memory document stores. Its
/// manifest carries no signature (a key that signed a published dump would sign anyone's set): the
/// restore accepts it only as <see cref="ShippedManifest"/>, byte for byte, so only the dump this
/// build ships, its files checked against the manifest's SHA-256 as in any set.
/// </summary>
public static class DemoExport
{
    public const string PostgresFile = "skillhub_workshops.sql";
    public const string ManifestFile = "skillhub_dump_manifest.json";

    /// <summary>The name under which the build embeds data/skillhub_dump_manifest.json.</summary>
    public const string ShippedManifestResource = "demo-dump-manifest.json";

    private static readonly Lazy<byte[]?> Shipped = new(() =>
    {
        using var resource = typeof(DemoExport).Assembly.GetManifestResourceStream(ShippedManifestResource);
        if (resource is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        return copy.ToArray();
    });

    /// <summary>data/skillhub_dump_manifest.json as this build was compiled with it; null for a build made without data/.</summary>
    public static ReadOnlyMemory<byte>? ShippedManifest => Shipped.Value;

    /// <summary>Whether the manifest file at <paramref name="path"/> is, byte for byte, the one this build ships.</summary>
    public static async Task<bool> IsShippedManifestAsync(string path, CancellationToken cancellationToken)
    {
        if (ShippedManifest is not { } shipped)
        {
            return false;
        }

        var file = new FileInfo(path);
        if (!file.Exists || file.Length != shipped.Length)
        {
            return false;
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        return shipped.Span.SequenceEqual(bytes);
    }

    /// <summary>The file name each set file gets in the dump folder.</summary>
    public static string DumpNameOf(string setFileName) => setFileName switch
    {
        BackupService.PostgresFile => PostgresFile,
        BackupService.ManifestFile => ManifestFile,
        _ => setFileName,
    };

    /// <summary>Migrates, seeds the demo dataset (the services' <c>SkillHub__DemoData</c>), writes a set and copies it to <paramref name="directory"/>.</summary>
    public static async Task<BackupSet> WriteAsync(IServiceProvider services, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await services.PrepareDatabasesAsync(cancellationToken);

        var scratch = Path.Combine(Path.GetTempPath(), $"skillhub-demo-export-{Guid.NewGuid():N}");
        try
        {
            var set = await services.GetRequiredService<BackupService>().WritingTo(scratch).CreateAsync(cancellationToken);
            Directory.CreateDirectory(directory);
            var folder = Path.Combine(scratch, set.Id);
            foreach (var file in set.Files.Select(f => f.Name))
            {
                File.Copy(Path.Combine(folder, file), Path.Combine(directory, DumpNameOf(file)), overwrite: true);
            }

            // Unsigned: a key that signed a published dump would sign anyone's set (docs/sauvegarde.md, "Le jeu de démonstration").
            await using (var manifest = File.Create(Path.Combine(directory, ManifestFile)))
            {
                await BackupManifest.WriteAsync(manifest, set, signer: null, cancellationToken);
            }

            return set;
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }
}
