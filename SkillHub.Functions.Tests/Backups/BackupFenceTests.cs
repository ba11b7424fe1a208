using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Registrations;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Backups;

/// <summary>
/// A capacity raised while a backup runs would promote waiting registrations between the PostgreSQL
/// read and the documents read, and the set would hold more confirmed registrations than the
/// capacity it restores. The capacity change waits for the backup instead.
/// </summary>
public sealed class BackupFenceTests(RestoreSourceFixture source) : IClassFixture<RestoreSourceFixture>, IDisposable
{
    private readonly ScratchDirectory _scratch = new("backup-fence");

    public void Dispose() => _scratch.Dispose();

    /// <summary>A collection whose export waits for the test's word before reading, and says when it got there.</summary>
    private sealed class PausedCollection(IDocumentCollectionBackup inner) : IDocumentCollectionBackup
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Resume { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string CollectionName => inner.CollectionName;

        public async Task<long> ExportAsync(Stream destination, CancellationToken cancellationToken)
        {
            Reached.TrySetResult();
            await Resume.Task.WaitAsync(cancellationToken);
            return await inner.ExportAsync(destination, cancellationToken);
        }

        public Task<long> ImportAsync(Stream source, CancellationToken cancellationToken) => inner.ImportAsync(source, cancellationToken);

        public Task<long> VerifyAsync(Stream source, CancellationToken cancellationToken) => inner.VerifyAsync(source, cancellationToken);

        public Task<long> CountAsync(CancellationToken cancellationToken) => inner.CountAsync(cancellationToken);
    }

    [Fact]
    public async Task ACapacityRaisedDuringABackup_WaitsForIt_SoTheSetRestoresWithinItsCapacity()
    {
        var registrations = source.Services.GetServices<IDocumentCollectionBackup>().Single(c => c.CollectionName == "registrations");
        var paused = new PausedCollection(registrations);
        var backups = new BackupService(
            source.Services.GetRequiredService<PostgresExport>(),
            source.Services.GetServices<IDocumentCollectionBackup>().Select(c => c == registrations ? paused : c).ToList(),
            new BackupOptions { Directory = _scratch.Path }.Validate(),
            AppFixture.BackupSigner,
            TimeProvider.System,
            NullLogger<BackupService>.Instance);

        // PostgreSQL is read (capacity 2, two confirmed, one waiting); the registrations are not read yet.
        var backup = backups.CreateAsync(CancellationToken.None);
        await paused.Reached.Task.WaitAsync(TimeSpan.FromMinutes(1));
        var raise = RegistrationTestData.PatchCapacityAsync(source, source.Trainer, source.FullWorkshop, 3);
        await WaitUntilABackendWaitsOnTheFenceAsync();
        Assert.False(raise.IsCompleted);

        paused.Resume.SetResult();
        var set = await backup;
        using (var raised = await raise)
        {
            Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        }

        // The raise went through afterwards and promoted the waiting participant; the set is from before.
        Assert.Equal(3, await RegistrationTestData.SeatsTakenAsync(source, source.FullWorkshop));
        await using var database = new PostgresDatabase();
        await database.InitializeAsync();
        await using var target = await AppInstance.StartAsync(database.ConnectionString);
        var summary = await target.Services.GetRequiredService<RestoreService>().RestoreAsync(Path.Combine(_scratch.Path, set.Id), force: false, CancellationToken.None);
        Assert.Empty(summary.Repairs);
        var counts = await target.Services.GetRequiredService<IRegistrationStore>().CountAsync(source.FullWorkshop, CancellationToken.None);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var (capacity, seatsTaken) = await connection.QuerySingleAsync<(int, int)>(
            "SELECT capacity, seats_taken FROM workshops WHERE id = @id", new { id = source.FullWorkshop });
        Assert.Equal((2, 2, 2, 1), (capacity, seatsTaken, counts.Confirmed, counts.Waitlisted));
    }

    /// <summary>Polls pg_stat_activity until some session of the source database waits on an advisory lock.</summary>
    private async Task WaitUntilABackendWaitsOnTheFenceAsync()
    {
        await using var connection = await source.Database.DataSource.OpenConnectionAsync();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var waiting = await connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'");
            if (waiting > 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("No statement waited on the capacity fence within a minute.");
    }
}
