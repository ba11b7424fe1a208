using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Backups;

/// <summary>
/// Sets whose postgres.sql carries a line the exporter never writes, resealed so that every
/// checksum matches and signed with the app's own key: the importer's grammar refuses them in its pass without a database, and a
/// forced restore over the live data changes nothing.
/// </summary>
public sealed class TamperedSetTests(RestoreSourceFixture source) : IClassFixture<RestoreSourceFixture>, IDisposable
{
    private readonly ScratchDirectory _scratch = new("tampered-set");

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [MemberData(nameof(TamperedScripts.Edits), MemberType = typeof(TamperedScripts))]
    public async Task ASealedSetWithALineTheExporterNeverWrites_IsRefusedBeforeAnyDatabase_AndAForcedRestoreChangesNothing(string edit)
    {
        var set = await SignedSets.SignAsync(await TamperedSets.EditScriptAsync(_scratch.CopyOf(await source.BackUpAsync()), edit), AppFixture.BackupSigner);
        var restore = source.Services.GetRequiredService<RestoreService>();
        var before = await PostgresSnapshot.ReadAsync(source.Database.DataSource);
        var answers = await source.AnswersAsync(source.BaseAddress);

        var verified = await Assert.ThrowsAsync<BackupRejectedException>(() => restore.VerifyAsync(set, CancellationToken.None));
        var restored = await Assert.ThrowsAsync<BackupRejectedException>(() => restore.RestoreAsync(set, force: true, CancellationToken.None));

        Assert.Contains(BackupService.PostgresFile, verified.Message, StringComparison.Ordinal);
        Assert.Contains(BackupService.PostgresFile, restored.Message, StringComparison.Ordinal);
        Assert.Equal(before, await PostgresSnapshot.ReadAsync(source.Database.DataSource));
        Assert.Equal(answers, await source.AnswersAsync(source.BaseAddress));
    }

    [Fact]
    public async Task ASealedSetWhoseCopyNamesOtherColumns_IsRefusedByTheImport_AndAForcedRestoreChangesNothing()
    {
        var set = await SignedSets.SignAsync(await TamperedSets.EditScriptAsync(_scratch.CopyOf(await source.BackUpAsync()), TamperedScripts.OtherColumns), AppFixture.BackupSigner);
        var before = await PostgresSnapshot.ReadAsync(source.Database.DataSource);

        var refused = await Assert.ThrowsAsync<BackupRejectedException>(() => source.Services.GetRequiredService<RestoreService>().RestoreAsync(set, force: true, CancellationToken.None));

        Assert.Contains("columns", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await PostgresSnapshot.ReadAsync(source.Database.DataSource));
    }

    [Fact]
    public async Task ASealedSetWithADocumentItsClassCannotRead_IsRefusedAtVerification_AndAForcedRestoreChangesNothing()
    {
        var set = _scratch.CopyOf(await source.BackUpAsync());
        var file = Path.Combine(set, "mongo_registrations.json");
        var text = await File.ReadAllTextAsync(file);
        // Still an Extended JSON array of documents; only the typed read sees that a status is not a string.
        await File.WriteAllTextAsync(file, new System.Text.RegularExpressions.Regex("\"status\" : \"[a-z]+\"").Replace(text, "\"status\" : 7", 1), new System.Text.UTF8Encoding(false));
        await TamperedSets.ResealAsync(set);
        await SignedSets.SignAsync(set, AppFixture.BackupSigner);
        var restore = source.Services.GetRequiredService<RestoreService>();
        var before = await PostgresSnapshot.ReadAsync(source.Database.DataSource);
        var answers = await source.AnswersAsync(source.BaseAddress);

        var verified = await Assert.ThrowsAsync<BackupRejectedException>(() => restore.VerifyAsync(set, CancellationToken.None));
        var restored = await Assert.ThrowsAsync<BackupRejectedException>(() => restore.RestoreAsync(set, force: true, CancellationToken.None));

        Assert.Contains("mongo_registrations.json", verified.Message, StringComparison.Ordinal);
        Assert.Contains("mongo_registrations.json", restored.Message, StringComparison.Ordinal);
        Assert.Equal(before, await PostgresSnapshot.ReadAsync(source.Database.DataSource));
        Assert.Equal(answers, await source.AnswersAsync(source.BaseAddress));
    }
}
