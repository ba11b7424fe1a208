using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Infrastructure.Sql;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Users;

namespace SkillHub.Functions.Backups;

/// <summary>
/// The demo dump of data/: a backup set of the demo dataset (data/demo.json) with a few demo
/// registrations, written by <see cref="BackupService"/> and copied out under stable names.
/// The services given run over a fresh, empty database and empty in-memory document stores. Its
/// manifest carries no signature, so the app's own restore refuses it like any unsigned set.
/// </summary>
public static class DemoExport
{
    public const string PostgresFile = "skillhub_workshops.sql";
    public const string ManifestFile = "skillhub_dump_manifest.json";

    /// <summary>How many workshops (the first ones of the dataset) each demo participant registers to.</summary>
    public const int RegisteredWorkshops = 2;

    /// <summary>The file name each set file gets in the dump folder.</summary>
    public static string DumpNameOf(string setFileName) => setFileName switch
    {
        BackupService.PostgresFile => PostgresFile,
        BackupService.ManifestFile => ManifestFile,
        _ => setFileName,
    };

    /// <summary>Migrates, seeds <paramref name="demoDataPath"/>, registers the demo participants, writes a set and copies it to <paramref name="directory"/>.</summary>
    public static async Task<BackupSet> WriteAsync(IServiceProvider services, string demoDataPath, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await services.PrepareDatabasesAsync(cancellationToken);
        await RegisterParticipantsAsync(services, demoDataPath, cancellationToken);

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

    /// <summary>Every demo participant registers, through the app's own saga, to the first workshops of the dataset.</summary>
    private static async Task RegisterParticipantsAsync(IServiceProvider services, string demoDataPath, CancellationToken cancellationToken)
    {
        using var dataset = JsonDocument.Parse(await File.ReadAllTextAsync(demoDataPath, cancellationToken));
        var participants = dataset.RootElement.GetProperty("accounts").EnumerateArray()
            .Where(a => a.GetProperty("role").GetString() == Roles.Participant)
            .Select(a => a.GetProperty("email").GetString()!)
            .ToList();
        var titles = dataset.RootElement.GetProperty("workshops").EnumerateArray()
            .Take(RegisteredWorkshops)
            .Select(w => w.GetProperty("title").GetString()!)
            .ToList();

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<IUserStore>();
        var registrations = scope.ServiceProvider.GetRequiredService<RegistrationService>();
        await using var connection = await scope.ServiceProvider.GetRequiredService<Npgsql.NpgsqlDataSource>().OpenConnectionAsync(cancellationToken);
        foreach (var title in titles)
        {
            var workshopId = await Dapper.SqlMapper.QuerySingleAsync<Guid>(connection, new Dapper.CommandDefinition(
                "SELECT id FROM workshops WHERE title = @title", new { title }, cancellationToken: cancellationToken));
            foreach (var email in participants)
            {
                var participant = await users.FindByEmailAsync(email, cancellationToken)
                    ?? throw new InvalidOperationException($"The demo participant {email} is missing.");
                var outcome = await registrations.RegisterAsync(workshopId, new Caller(participant.Id, Roles.Participant), cancellationToken);
                if (!outcome.Succeeded)
                {
                    throw new InvalidOperationException($"The demo registration of {email} to '{title}' failed: {outcome.Failure!.Message}");
                }
            }
        }
    }
}
