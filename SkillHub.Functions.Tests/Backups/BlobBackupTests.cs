using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Backups;

/// <summary>Backup sets copied to Azure Blob Storage, against the real Azurite that scripts/test.sh starts.</summary>
public sealed class BlobBackupTests(SeededDatabase source) : IClassFixture<SeededDatabase>, IDisposable
{
    public const string Variable = "SKILLHUB_TEST_AZURITE";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"skillhub-blob-backups-{Guid.NewGuid():N}");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
    private readonly BlobContainerClient _container = new BlobServiceClient(
            Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
                ? value
                : throw new InvalidOperationException($"{Variable} is not set: run the tests with scripts/test.sh, which starts Azurite."))
        .GetBlobContainerClient($"backups-{Guid.NewGuid():N}");

    public void Dispose()
    {
        _container.DeleteIfExists();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task EverySet_IsCopiedToTheContainer_WithTheBytesItsManifestDescribes()
    {
        var set = await Service(keep: 14).CreateAsync(CancellationToken.None);

        Assert.Equal([set.Id], await Mirror().ListAsync(CancellationToken.None));
        foreach (var file in set.Files)
        {
            var content = (await _container.GetBlobClient($"{set.Id}/{file.Name}").DownloadContentAsync()).Value.Content.ToArray();
            Assert.Equal(file.Bytes, content.Length);
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(content)));
        }

        Assert.True((await _container.GetBlobClient($"{set.Id}/{BackupService.ManifestFile}").ExistsAsync()).Value);
    }

    [Fact]
    public async Task RetentionInTheContainer_KeepsTheNewestSets()
    {
        var service = Service(keep: 2);
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add((await service.CreateAsync(CancellationToken.None)).Id);
            _clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(ids.AsEnumerable().Reverse().Take(2), await Mirror().ListAsync(CancellationToken.None));
        var remaining = new List<string>();
        await foreach (var blob in _container.GetBlobsAsync())
        {
            remaining.Add(blob.Name[..blob.Name.IndexOf('/', StringComparison.Ordinal)]);
        }

        Assert.Equal(ids.TakeLast(2).Order(StringComparer.Ordinal), remaining.Distinct().Order(StringComparer.Ordinal));
    }

    private BlobBackupMirror Mirror() => new(_container, NullLogger<BlobBackupMirror>.Instance);

    private BackupService Service(int keep) => new(
        new PostgresExport(source.Database.DataSource),
        [new FakeCollectionBackup("registrations", "{\"a\":1}")],
        new BackupOptions { Directory = _directory, Keep = keep }.Validate(),
        AppFixture.BackupSigner,
        _clock,
        NullLogger<BackupService>.Instance,
        Mirror());
}
