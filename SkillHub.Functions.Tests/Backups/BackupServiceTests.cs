using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Infrastructure.Http;

namespace SkillHub.Functions.Tests.Backups;

/// <summary>Backup sets in a directory: whole files described by their manifest, listed newest first, trimmed by retention.</summary>
public sealed class BackupServiceTests(SeededDatabase source) : IClassFixture<SeededDatabase>, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"skillhub-backups-{Guid.NewGuid():N}");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private BackupService Service(int keep = 14) => new(
        new PostgresExport(source.Database.DataSource),
        [new FakeCollectionBackup("registrations", "{\"a\":1}", "{\"a\":2}"), new FakeCollectionBackup("comments")],
        new BackupOptions { Directory = _directory, Keep = keep }.Validate(),
        AppFixture.BackupSigner,
        _clock,
        NullLogger<BackupService>.Instance);

    [Fact]
    public async Task Create_WritesTheScriptEachCollectionAndAManifestDescribingThem()
    {
        var set = await Service().CreateAsync(CancellationToken.None);

        var folder = Path.Combine(_directory, set.Id);
        Assert.StartsWith("20261201T020000Z-", set.Id, StringComparison.Ordinal);
        Assert.Equal(["manifest.json", "mongo_comments.json", "mongo_registrations.json", "postgres.sql"], Directory.EnumerateFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["mongo_comments.json", "mongo_registrations.json", "postgres.sql"], set.Files.Select(f => f.Name));
        foreach (var file in set.Files)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, file.Name));
            Assert.Equal(bytes.LongLength, file.Bytes);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Sha256);
        }

        Assert.Equal(2, set.Counts.Collections["registrations"]);
        Assert.Equal(0, set.Counts.Collections["comments"]);
        Assert.Equal(2, set.Counts.Tables["users"]);
        Assert.Equal(PostgresExport.Tables, set.Counts.Tables.Keys);

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "manifest.json")));
        var root = manifest.RootElement;
        Assert.Equal(["id", "createdAt", "appVersion", "schemaVersion", "files", "counts", "signature"], root.EnumerateObject().Select(p => p.Name));
        // The signed form the README gives: HMAC-SHA256 under the key, of the domain line then the manifest without its signature.
        var unsigned = System.Text.Json.Nodes.JsonNode.Parse(root.GetRawText())!.AsObject();
        unsigned.Remove("signature");
        var signed = System.Text.Encoding.UTF8.GetBytes("SkillHub backup manifest v1\n" + unsigned.ToJsonString());
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(Convert.FromBase64String(AppFixture.BackupSigningKey), signed)), root.GetProperty("signature").GetString());
        Assert.Equal("2026-12-01T02:00:00Z", root.GetProperty("createdAt").GetString());
        Assert.Equal(set.SchemaVersion, root.GetProperty("schemaVersion").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("appVersion").GetString()));
        Assert.Equal(2, root.GetProperty("counts").GetProperty("collections").GetProperty("registrations").GetInt64());
        Assert.Empty(Directory.EnumerateDirectories(_directory, ".partial-*"));
    }

    [Fact]
    public async Task Retention_KeepsExactlyTheNewestSets()
    {
        var service = Service(keep: 3);
        var created = new List<BackupSet>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await service.CreateAsync(CancellationToken.None));
            _clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(created.Skip(2).Select(s => s.Id).Order(StringComparer.Ordinal), Directory.EnumerateDirectories(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task List_GivesTheSetsNewestFirst_ByPage()
    {
        var service = Service();
        var created = new List<BackupSet>();
        for (var i = 0; i < 3; i++)
        {
            created.Add(await service.CreateAsync(CancellationToken.None));
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        var (first, total) = await service.ListAsync(new PageRequest(1, 2), CancellationToken.None);
        var (second, _) = await service.ListAsync(new PageRequest(2, 2), CancellationToken.None);

        Assert.Equal(3, total);
        Assert.Equal(created.Select(s => s.Id).Reverse(), first.Concat(second).Select(s => s.Id));
        Assert.Equal(created[0], await service.FindAsync(created[0].Id, CancellationToken.None), new SetComparer());
        Assert.Null(await service.FindAsync("../etc", CancellationToken.None));
    }

    [Fact]
    public async Task AFailedExport_LeavesNoSetBehind()
    {
        var failing = new BackupService(
            new PostgresExport(source.Database.DataSource),
            [new FailingCollectionBackup()],
            new BackupOptions { Directory = _directory }.Validate(),
            AppFixture.BackupSigner,
            _clock,
            NullLogger<BackupService>.Instance);

        await Assert.ThrowsAsync<IOException>(() => failing.CreateAsync(CancellationToken.None));

        Assert.Empty(Directory.EnumerateFileSystemEntries(_directory));
        Assert.Equal(0, (await failing.ListAsync(new PageRequest(1, 20), CancellationToken.None)).Total);
    }

    [Theory]
    [InlineData("relative/backups", 14, "Backup__Directory")]
    [InlineData(null, 0, "Backup__Keep")]
    public void Options_RefuseWhatCannotWork_NamingTheSetting(string? directory, int keep, string setting)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => new BackupOptions { Directory = directory, Keep = keep }.Validate());
        Assert.Contains(setting, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_DefaultToAWritableFolderAndFourteenSets()
    {
        var options = new BackupOptions().Validate();
        Assert.Equal(14, options.Keep);
        Assert.True(Path.IsPathFullyQualified(options.Directory!));
    }

    private sealed class FailingCollectionBackup : IDocumentCollectionBackup
    {
        public string CollectionName => "broken";

        public Task<long> ExportAsync(Stream destination, CancellationToken cancellationToken) => throw new IOException("The collection cannot be read.");

        public Task<long> ImportAsync(Stream source, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<long> VerifyAsync(Stream source, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<long> CountAsync(CancellationToken cancellationToken) => Task.FromResult(0L);
    }

    private sealed class SetComparer : IEqualityComparer<BackupSet?>
    {
        public bool Equals(BackupSet? x, BackupSet? y) =>
            x is not null && y is not null && x.Id == y.Id && x.CreatedAt == y.CreatedAt && x.Files.SequenceEqual(y.Files);

        public int GetHashCode(BackupSet? obj) => obj?.Id.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
