using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Infrastructure.Sql;

namespace SkillHub.Functions.Backups;

/// <summary>
/// The demo dump of data/: a backup set of the demo dataset (data/demo.json, seeded with its
/// registrations, attendance and comments by <see cref="Demo.DemoData"/>), written by
/// <see cref="BackupService"/> and copied out under stable names.
/// The services given run over a fresh, empty database and empty in-memory document stores. Its
/// manifest carries no signature, so the app's own restore refuses it like any unsigned set.
/// </summary>
public static class DemoExport
{
    public const string PostgresFile = "skillhub_workshops.sql";
    public const string ManifestFile = "skillhub_dump_manifest.json";

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

            // Unsigned: a key that signed a published dump would sign anyone's set (README, "Le jeu de démonstration").
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
