using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Registrations;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Backups;

/// <summary>
/// A set is PostgreSQL first, then each collection: taken during a storm, it may hold seats without
/// documents or documents without seats. Restored (and so reconciled), it keeps the invariant.
/// </summary>
public sealed class BackupDuringStormTests(BackupAppFixture source) : IClassFixture<BackupAppFixture>
{
    [Fact]
    public async Task ABackupTakenDuringARegistrationStorm_RestoresToAStateThatKeepsTheInvariant()
    {
        const int Capacity = 10;
        var (workshopId, _) = await RegistrationTestData.PublishedWorkshopAsync(source, Capacity);
        var participants = await RegistrationTestData.ParticipantsAsync(source, 120);

        var storm = Task.WhenAll(participants.Select(p => RegistrationTestData.RegisterAsync(source, workshopId, p)));
        var set = await source.Services.GetRequiredService<BackupService>().CreateAsync(CancellationToken.None);
        await storm;

        var database = new PostgresDatabase();
        await database.InitializeAsync();
        try
        {
            await using var target = await AppInstance.StartAsync(database.ConnectionString);
            await target.Services.GetRequiredService<RestoreService>()
                .RestoreAsync(Path.Combine(source.BackupDirectory, set.Id), force: false, CancellationToken.None);

            var store = target.Services.GetRequiredService<IRegistrationStore>();
            var counts = await store.CountAsync(workshopId, CancellationToken.None);
            await using var connection = await database.DataSource.OpenConnectionAsync();
            var seats = await connection.ExecuteScalarAsync<int>("SELECT seats_taken FROM workshops WHERE id = @workshopId", new { workshopId });
            Assert.True(counts.Confirmed <= Capacity, $"{counts.Confirmed} confirmed for {Capacity} seats.");
            Assert.Equal(counts.Confirmed, seats);
            Assert.True(counts.Waitlisted == 0 || counts.Confirmed == Capacity, $"{counts.Waitlisted} waiting while seats are free.");
            var (waiting, _) = await store.ListForWorkshopAsync(workshopId, RegistrationStatus.Waitlisted, new PageRequest(1, PageRequest.MaxPageSize), CancellationToken.None);
            var positions = await store.WaitlistPositionsAsync(waiting, CancellationToken.None);
            Assert.Equal(Enumerable.Range(1, waiting.Count), waiting.Select(r => positions[r.Id]));
        }
        finally
        {
            await database.DisposeAsync();
        }
    }
}
