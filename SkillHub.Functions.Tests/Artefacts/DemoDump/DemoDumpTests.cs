using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Infrastructure.Json;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Infrastructure.Sql;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Users;
using SkillHub.Functions.Tests.Backups;

namespace SkillHub.Functions.Tests.Artefacts.DemoDump;

/// <summary>
/// The demo dump committed in data/ (scripts/export-demo-data.sh): current with this build's schema,
/// whole against its manifest, and restorable into empty databases that the app then serves.
/// </summary>
public sealed class DemoDumpTests : IDisposable
{
    private const string Regenerate = "The schema changed since data/ was exported: run scripts/export-demo-data.sh and commit data/";

    private static readonly string Data = Repository.DataDirectory;

    private readonly string _scratch = Path.Combine(Path.GetTempPath(), $"skillhub-demo-dump-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    private static async Task<BackupSet> ManifestAsync()
    {
        await using var stream = File.OpenRead(Path.Combine(Data, DemoExport.ManifestFile));
        return (await JsonSerializer.DeserializeAsync<BackupSet>(stream, JsonDefaults.Options))!;
    }

    [Fact]
    public async Task TheDump_IsAtTheSchemaVersionThisBuildMigratesTo()
    {
        var header = File.ReadLines(Path.Combine(Data, DemoExport.PostgresFile)).Take(50)
            .FirstOrDefault(l => l.StartsWith(PostgresBackupScript.SchemaVersionPrefix, StringComparison.Ordinal))?[PostgresBackupScript.SchemaVersionPrefix.Length..].Trim();
        var latest = Migrator.ScriptNames[^1];

        Assert.True(header == latest, $"{Regenerate} (data/{DemoExport.PostgresFile} is at {header ?? "no schema version"}, this build migrates to {latest}).");
        var manifest = await ManifestAsync();
        Assert.True(manifest.SchemaVersion == latest, $"{Regenerate} (data/{DemoExport.ManifestFile} is at {manifest.SchemaVersion}, this build migrates to {latest}).");
    }

    [Fact]
    public async Task EveryDumpFile_MatchesItsManifestEntry()
    {
        var manifest = await ManifestAsync();

        Assert.Contains(manifest.Files, f => f.Name == BackupService.PostgresFile);
        Assert.Contains(manifest.Files, f => f.Name == "mongo_registrations.json");
        foreach (var file in manifest.Files)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(Data, DemoExport.DumpNameOf(file.Name)));
            Assert.Equal(file.Bytes, bytes.LongLength);
            Assert.True(
                Convert.ToHexStringLower(SHA256.HashData(bytes)) == file.Sha256,
                $"data/{DemoExport.DumpNameOf(file.Name)} does not match the SHA-256 of data/{DemoExport.ManifestFile}: regenerate both with scripts/export-demo-data.sh and commit data/.");
        }

        using var dataset = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Data, "demo.json")));
        var workshops = dataset.RootElement.GetProperty("workshops").EnumerateArray().ToList();
        Assert.Equal(workshops.Count, manifest.Counts.Tables["workshops"]);
        Assert.Equal(workshops.Sum(w => w.TryGetProperty("registrations", out var r) ? r.GetArrayLength() : 0), manifest.Counts.Collections["registrations"]);
        Assert.True(manifest.Counts.Collections["registrations"] >= 30, "The dump shows a busy catalogue.");
    }

    /// <summary>The dump back in the set layout RestoreService reads: postgres.sql and manifest.json.</summary>
    private async Task<BackupSet> CopyAsSetAsync()
    {
        var manifest = await ManifestAsync();
        Directory.CreateDirectory(_scratch);
        foreach (var name in manifest.Files.Select(f => f.Name).Append(BackupService.ManifestFile))
        {
            File.Copy(Path.Combine(Data, DemoExport.DumpNameOf(name)), Path.Combine(_scratch, name));
        }

        return manifest;
    }

    /// <summary>data/ copied whole, under the dump's own names, for a test that alters one file.</summary>
    private string CopyOfTheDump()
    {
        Directory.CreateDirectory(_scratch);
        foreach (var file in Directory.EnumerateFiles(Data))
        {
            File.Copy(file, Path.Combine(_scratch, Path.GetFileName(file)));
        }

        return _scratch;
    }

    /// <summary>The restore's verification of <paramref name="folder"/>, in an app over an empty database.</summary>
    private static async Task<T> VerifiedAsync<T>(string folder, Func<Task<BackupSet>, Task<T>> outcome)
    {
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        try
        {
            await using var app = await AppInstance.StartAsync(database.ConnectionString);
            return await outcome(app.Services.GetRequiredService<RestoreService>().VerifyAsync(folder, CancellationToken.None));
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task TheDumpAsCommitted_IsAcceptedUnderItsOwnNames_AsTheUnsignedManifestThisBuildShips()
    {
        var manifest = await ManifestAsync();

        var set = await VerifiedAsync(Data, verify => verify);

        Assert.Equal(manifest.Id, set.Id);
        var committed = await File.ReadAllBytesAsync(Path.Combine(Data, DemoExport.ManifestFile));
        Assert.True(DemoExport.ShippedManifest is { } shipped && shipped.Span.SequenceEqual(committed), $"The build embeds data/{DemoExport.ManifestFile} as it is committed.");
    }

    [Fact]
    public async Task TheDump_WithItsManifestAlteredByOneByte_IsRefused_AsAnyUnsignedManifest()
    {
        var folder = CopyOfTheDump();
        var path = Path.Combine(folder, DemoExport.ManifestFile);
        var manifest = await File.ReadAllTextAsync(path);
        var counted = $"\"registrations\":{(await ManifestAsync()).Counts.Collections["registrations"]}";
        Assert.Contains(counted, manifest, StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, manifest.Replace(counted, "\"registrations\":1", StringComparison.Ordinal));

        var refused = await VerifiedAsync(folder, verify => Assert.ThrowsAsync<BackupRejectedException>(() => verify));

        Assert.Contains($"{DemoExport.ManifestFile} carries no signature and is not the demo dump's manifest as this build ships it", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDump_WithOneCharacterOfItsSqlChanged_IsRefused_NamingTheFileByItsDumpName()
    {
        var folder = CopyOfTheDump();
        var path = Path.Combine(folder, DemoExport.PostgresFile);
        var script = await File.ReadAllTextAsync(path);
        Assert.Contains("Prise de parole", script, StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, script.Replace("Prise de parole", "Prise de parolE", StringComparison.Ordinal));

        var refused = await VerifiedAsync(folder, verify => Assert.ThrowsAsync<BackupRejectedException>(() => verify));

        Assert.Equal($"{DemoExport.PostgresFile} does not match its SHA-256 in the manifest: the file is damaged or from another set.", refused.Message);
    }

    [Fact]
    public async Task TheDump_CopiedUnderTheSetNames_IsRefused_AsAnySetTheAppDidNotSign()
    {
        await CopyAsSetAsync();

        var refused = await VerifiedAsync(_scratch, verify => Assert.ThrowsAsync<BackupRejectedException>(() => verify));

        Assert.Contains("no signature", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheExport_NeitherReadsNorWritesTheLocalAppsSavedDocuments()
    {
        var saved = Path.Combine(_scratch, "saved");
        Directory.CreateDirectory(saved);
        var foreign = await File.ReadAllTextAsync(Path.Combine(Data, "mongo_registrations.json"));
        await File.WriteAllTextAsync(Path.Combine(saved, "mongo_registrations.json"), foreign);
        var output = Path.Combine(_scratch, "dump");
        await using var server = await BareDatabase.CreateAsync();

        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = Repository.Root };
        start.ArgumentList.Add(Path.Combine(Repository.BuildDirectory("SkillHub.Standalone"), "SkillHub.Standalone.dll"));
        start.ArgumentList.Add("export-demo");
        start.ArgumentList.Add(output);
        start.Environment["ConnectionStrings__Postgres"] = server.ConnectionString;
        start.Environment["SkillHub__DemoData"] = Path.Combine(Data, "demo.json");
        start.Environment["SkillHub__MemoryStore__Directory"] = saved;
        start.Environment.Remove("ConnectionStrings__MongoDB");
        await using var export = ScriptProcess.Launch(start);
        var exported = await export.WaitForExitAsync(TimeSpan.FromMinutes(3));

        Assert.True(exported == 0, export.Output);
        var dumped = await File.ReadAllTextAsync(Path.Combine(output, "mongo_registrations.json"));
        Assert.Equal((await ManifestAsync()).Counts.Collections["registrations"], JsonDocument.Parse(dumped).RootElement.GetArrayLength());
        Assert.DoesNotContain(JsonDocument.Parse(foreign).RootElement[0].GetProperty("_id").GetRawText(), dumped, StringComparison.Ordinal);
        Assert.Equal(["mongo_registrations.json"], Directory.GetFiles(saved).Select(Path.GetFileName));
        Assert.Equal(foreign, await File.ReadAllTextAsync(Path.Combine(saved, "mongo_registrations.json")));
    }

    [Fact]
    public async Task TheDump_OnceSignedWithTheAppsKey_PassesTheImporter_AndIsServedByTheApi()
    {
        var manifest = await CopyAsSetAsync();
        await SignedSets.SignAsync(_scratch, AppFixture.BackupSigner);
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        try
        {
            await using var app = await AppInstance.StartAsync(database.ConnectionString);
            var summary = await app.Services.GetRequiredService<RestoreService>().RestoreAsync(_scratch, force: false, CancellationToken.None);

            Assert.Empty(summary.Repairs);
            Assert.Equal(manifest.Counts.Collections["registrations"], summary.Collections["registrations"]);

            using var workshops = await app.Client.GetAsync(new Uri("/api/workshops?pageSize=100", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, workshops.StatusCode);
            var listed = await AppFixture.ReadJsonAsync(workshops);
            var items = listed.GetProperty("items").EnumerateArray().ToList();

            // Past and upcoming, every published workshop of the dataset; the cancelled one and the draft are not listed by default.
            using var dataset = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Data, "demo.json")));
            var published = dataset.RootElement.GetProperty("workshops").EnumerateArray().Where(w => !w.TryGetProperty("cancellationReason", out _) && !w.TryGetProperty("draft", out _)).ToList();
            var first = published[0];
            Assert.Equal(
                published.Select(w => w.GetProperty("title").GetString()).Order(StringComparer.Ordinal),
                items.Select(w => w.GetProperty("title").GetString()).Order(StringComparer.Ordinal));
            var workshop = items.Single(w => w.GetProperty("title").GetString() == first.GetProperty("title").GetString());
            var trainer = await app.Services.GetRequiredService<IUserStore>().FindByEmailAsync(first.GetProperty("trainer").GetString()!, CancellationToken.None);
            Assert.NotNull(trainer);

            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/workshops/{workshop.GetProperty("id").GetString()}/registrations?pageSize=100");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (await TestSessions.StartAsync(app.Services, trainer.Id, Roles.Trainer)).AccessToken);
            using var registrations = await app.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, registrations.StatusCode);
            var body = await registrations.Content.ReadAsStringAsync();
            var names = dataset.RootElement.GetProperty("accounts").EnumerateArray()
                .ToDictionary(a => a.GetProperty("email").GetString()!, a => a.GetProperty("displayName").GetString()!);
            var participants = first.GetProperty("registrations").EnumerateArray()
                .Select(r => names[r.GetProperty("participant").GetString()!])
                .ToList();
            Assert.NotEmpty(participants);
            Assert.All(participants, name => Assert.Contains(name, body, StringComparison.Ordinal));
        }
        finally
        {
            await database.DisposeAsync();
        }
    }
}
