using Moq;
using MongoDB.Driver;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Registrations;

namespace SkillHub.Functions.Tests.Backups;

/// <summary>
/// What a MongoDB collection's restore asks of the server, on a Moq'd database: a staging collection
/// given the store's indexes before any document, the documents, then one rename over the target;
/// on a failure the staging collection is dropped and the target never touched.
/// </summary>
public sealed class MongoCollectionRestoreTests
{
    private const string Target = MongoRegistrationStore.CollectionName;

    private readonly List<string> _commands = [];
    private readonly Mock<IMongoDatabase> _database = new(MockBehavior.Strict);
    private readonly Mock<IMongoCollection<RegistrationDocument>> _target = new(MockBehavior.Strict);
    private readonly Mock<IMongoCollection<RegistrationDocument>> _staging = new(MockBehavior.Strict);
    private readonly Mock<IMongoIndexManager<RegistrationDocument>> _stagingIndexes = new(MockBehavior.Strict);
    private string? _stagingName;

    public MongoCollectionRestoreTests()
    {
        _database.Setup(d => d.GetCollection<RegistrationDocument>(It.IsAny<string>(), It.IsAny<MongoCollectionSettings>()))
            .Returns((string name, MongoCollectionSettings _) => name == Target ? _target.Object : _staging.Object);
        _database.Setup(d => d.CreateCollectionAsync(It.IsAny<string>(), It.IsAny<CreateCollectionOptions>(), It.IsAny<CancellationToken>()))
            .Callback((string name, CreateCollectionOptions _, CancellationToken _) => { _stagingName = name; _commands.Add($"create {name}"); })
            .Returns(Task.CompletedTask);
        _database.Setup(d => d.RenameCollectionAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<RenameCollectionOptions>(), It.IsAny<CancellationToken>()))
            .Callback((string from, string to, RenameCollectionOptions options, CancellationToken _) => _commands.Add($"rename {from} to {to} dropTarget {options?.DropTarget}"))
            .Returns(Task.CompletedTask);
        _database.Setup(d => d.DropCollectionAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback((string name, CancellationToken _) => _commands.Add($"drop {name}"))
            .Returns(Task.CompletedTask);
        _staging.Setup(c => c.Indexes).Returns(_stagingIndexes.Object);
        _stagingIndexes.Setup(i => i.CreateManyAsync(It.IsAny<IEnumerable<CreateIndexModel<RegistrationDocument>>>(), It.IsAny<CancellationToken>()))
            .Callback((IEnumerable<CreateIndexModel<RegistrationDocument>> models, CancellationToken _) =>
                _commands.Add("indexes " + string.Join(",", models.Select(m => m.Options.Name + (m.Options.Unique == true ? "(unique)" : "")))))
            .ReturnsAsync((IEnumerable<CreateIndexModel<RegistrationDocument>> models, CancellationToken _) => models.Select(m => m.Options.Name).ToList());
    }

    private MongoCollectionBackup<RegistrationDocument> Backup() => new(_database.Object, Target, MongoRegistrationStore.Indexes);

    [Fact]
    public async Task ARestore_FillsAStagingCollectionThatHasTheIndexes_ThenRenamesItOverTheTarget()
    {
        _staging.Setup(c => c.InsertManyAsync(It.IsAny<IEnumerable<RegistrationDocument>>(), It.IsAny<InsertManyOptions>(), It.IsAny<CancellationToken>()))
            .Callback((IEnumerable<RegistrationDocument> documents, InsertManyOptions _, CancellationToken _) => _commands.Add($"insert {documents.Count()}"))
            .Returns(Task.CompletedTask);

        var restored = await Backup().ImportAsync(TwoRegistrations(), CancellationToken.None);

        Assert.Equal(2, restored);
        Assert.NotNull(_stagingName);
        Assert.StartsWith($"{Target}_restore_", _stagingName, StringComparison.Ordinal);
        Assert.Equal(
            [
                $"create {_stagingName}",
                "indexes workshopId_userId_unique(unique),workshopId_status_queueTicket,userId_updatedAt,updatedAt",
                "insert 2",
                $"rename {_stagingName} to {Target} dropTarget True",
            ],
            _commands);
    }

    [Fact]
    public async Task AFailedImport_DropsTheStagingCollection_AndNeverTouchesTheTarget()
    {
        _staging.Setup(c => c.InsertManyAsync(It.IsAny<IEnumerable<RegistrationDocument>>(), It.IsAny<InsertManyOptions>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TimeoutException("The server stopped answering."));

        await Assert.ThrowsAsync<TimeoutException>(() => Backup().ImportAsync(TwoRegistrations(), CancellationToken.None));

        Assert.Equal($"drop {_stagingName}", _commands[^1]);
        Assert.DoesNotContain(_commands, c => c.StartsWith("rename", StringComparison.Ordinal));
        _target.VerifyNoOtherCalls();
    }

    private static MemoryStream TwoRegistrations()
    {
        var second = DocumentBackupTests.KnownRegistrationJson.Replace("0195a3b2-1c4d-7e8f-9a0b-1c2d3e4f5a6b", "0195a3b2-1c4d-7e8f-9a0b-1c2d3e4f5a6c", StringComparison.Ordinal);
        return DocumentBackupTests.Utf8("[" + DocumentBackupTests.KnownRegistrationJson + ",\n" + second + "]");
    }
}
