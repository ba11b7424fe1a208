using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Backups;

/// <summary>Manifests are signed under Backup__SigningKey: previous keys still verify, strangers' sets are not listed, and a set is private to the app's user.</summary>
public sealed class BackupSigningTests(RestoreSourceFixture source) : IClassFixture<RestoreSourceFixture>, IDisposable
{
    private readonly ScratchDirectory _scratch = new("backup-signing");

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task ASetSignedWithAPreviousKey_Verifies_WhenThatKeyIsListed_AndIsRefusedOtherwise()
    {
        var previous = SignedSets.NewKey();
        var set = await SignedSets.SignAsync(_scratch.CopyOf(await source.BackUpAsync()), SignedSets.SignerOf(previous));
        await using var rotated = await AppInstance.StartAsync(source.Database.ConnectionString, [new("Backup:SigningKey", SignedSets.NewKey()), new("Backup:PreviousSigningKeys:0", previous)]);
        await using var forgotten = await AppInstance.StartAsync(source.Database.ConnectionString, [new("Backup:SigningKey", SignedSets.NewKey())]);

        var verified = await rotated.Services.GetRequiredService<RestoreService>().VerifyAsync(set, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<BackupRejectedException>(() => forgotten.Services.GetRequiredService<RestoreService>().VerifyAsync(set, CancellationToken.None));

        Assert.Equal(Path.GetFileName(set), verified.Id);
        Assert.Contains("signature", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(previous, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASetWhoseSignatureDoesNotVerify_IsNeitherListedNorServed()
    {
        var original = await source.BackUpAsync();
        const string strangerId = "20991231T235959Z-0badf00d";
        var stranger = Directory.CreateDirectory(Path.Combine(source.BackupDirectory, strangerId)).FullName;
        foreach (var file in Directory.EnumerateFiles(original))
        {
            File.Copy(file, Path.Combine(stranger, Path.GetFileName(file)));
        }

        await TamperedSets.EditManifestAsync(stranger, manifest => manifest["id"] = strangerId);
        var admin = await source.CreateUserAsync(Roles.Admin);
        using var client = source.ClientFor(admin);

        using var list = await client.GetAsync(new Uri("/api/admin/backups?pageSize=100", UriKind.Relative));
        using var one = await client.GetAsync(new Uri($"/api/admin/backups/{strangerId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var ids = (await AppFixture.ReadJsonAsync(list)).GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()).ToList();
        Assert.Contains(Path.GetFileName(original), ids);
        Assert.DoesNotContain(strangerId, ids);
        Assert.Equal(HttpStatusCode.NotFound, one.StatusCode);
        Assert.Equal("application/problem+json", one.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ASet_IsPrivateToTheAppsUser_ItsFoldersAre0700_AndItsFiles0600()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var root = Path.Combine(_scratch.Path, "not-yet", "backups");
        await using var app = await AppInstance.StartAsync(source.Database.ConnectionString, [new("Backup:Directory", root)]);

        var set = await app.Services.GetRequiredService<BackupService>().CreateAsync(CancellationToken.None);

        const UnixFileMode folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Assert.Equal(folder, File.GetUnixFileMode(root));
        Assert.Equal(folder, File.GetUnixFileMode(Path.Combine(root, set.Id)));
        var files = Directory.EnumerateFiles(Path.Combine(root, set.Id)).ToList();
        Assert.Equal(set.Files.Count + 1, files.Count);
        foreach (var file in files)
        {
            Assert.True(File.GetUnixFileMode(file) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), $"{Path.GetFileName(file)} is {File.GetUnixFileMode(file)}.");
        }
    }
}
