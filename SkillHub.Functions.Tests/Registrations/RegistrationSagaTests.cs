using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Auth;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Workshops;
using SkillHub.Standalone.Documents;

namespace SkillHub.Functions.Tests.Registrations;

/// <summary>
/// The saga's failure paths on real PostgreSQL, with a document store that fails where a test says:
/// whatever fails, no seat stays taken without a reason, and reconciliation repairs a crash.
/// </summary>
public sealed class RegistrationSagaTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private readonly MemoryRegistrationStore _documents = new();
    private readonly MemoryActivityLog _activity = new();

    [Fact]
    public async Task Register_WhenTheDocumentWriteFails_GivesTheSeatBack_AndFails()
    {
        var (workshopId, participant) = await PublishedWorkshopAsync(capacity: 3);
        var store = FailingOn(s => s.InsertAsync(It.IsAny<Registration>(), It.IsAny<CancellationToken>()));

        await Assert.ThrowsAsync<TimeoutException>(() => Service(store.Object).RegisterAsync(workshopId, participant, CancellationToken.None));

        Assert.Equal(0, await RegistrationTestData.SeatsTakenAsync(database.DataSource, workshopId));
        Assert.Null(await _documents.FindAsync(workshopId, participant.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Register_WhenTheWriteTimesOutButWasApplied_KeepsTheSeatAndTheRegistration()
    {
        var (workshopId, participant) = await PublishedWorkshopAsync(capacity: 3);
        var store = Forwarding();
        store.Setup(s => s.InsertAsync(It.IsAny<Registration>(), It.IsAny<CancellationToken>()))
            .Returns(async (Registration r, CancellationToken ct) =>
            {
                await _documents.InsertAsync(r, ct);
                throw new TimeoutException("The acknowledgement was lost.");
            });

        var outcome = await Service(store.Object).RegisterAsync(workshopId, participant, CancellationToken.None);

        Assert.Equal(RegistrationStatus.Confirmed, outcome.Value!.Status);
        Assert.Equal(1, await RegistrationTestData.SeatsTakenAsync(database.DataSource, workshopId));
    }

    [Fact]
    public async Task Register_WhenTheDocumentStoreIsDownEvenForTheCheck_KeepsTheSeatCounted_AndReconciliationReturnsIt()
    {
        var (workshopId, participant) = await PublishedWorkshopAsync(capacity: 3);
        var store = new Mock<IRegistrationStore>();
        store.Setup(s => s.FindAsync(It.IsAny<Guid>(), It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Registration?)null)
            .Callback(() => store.Setup(s => s.FindAsync(It.IsAny<Guid>(), It.IsAny<Guid>(), It.IsAny<CancellationToken>())).ThrowsAsync(new TimeoutException()));
        store.Setup(s => s.InsertAsync(It.IsAny<Registration>(), It.IsAny<CancellationToken>())).ThrowsAsync(new TimeoutException());

        await Assert.ThrowsAsync<TimeoutException>(() => Service(store.Object).RegisterAsync(workshopId, participant, CancellationToken.None));
        Assert.Equal(1, await RegistrationTestData.SeatsTakenAsync(database.DataSource, workshopId));

        var repairs = await Reconciliation(quietSeconds: 0).RunAsync(CancellationToken.None);

        Assert.Contains(repairs, r => r.WorkshopId == workshopId && r.Kind == SeatReconciliation.SeatCountCorrected && r.Before == 1 && r.After == 0);
        Assert.Equal(0, await RegistrationTestData.SeatsTakenAsync(database.DataSource, workshopId));
    }

    [Fact]
    public async Task ACrashBetweenTheTwoSteps_LeavesASeatCountedButUnused_WhichReconciliationRepairsAndHandsToTheWaitingList()
    {
        var (workshopId, first) = await PublishedWorkshopAsync(capacity: 1);
        var waiting = await ParticipantAsync();
        // The crash: the seat is taken, the process dies before the document is written.
        Assert.True((await new SeatLedger(database.DataSource, TimeProvider.System, TestMetrics.Create()).RequestSeatAsync(workshopId, CancellationToken.None))!.Confirmed);
        var queued = await Service(_documents).RegisterAsync(workshopId, waiting, CancellationToken.None);
        Assert.Equal(RegistrationStatus.Waitlisted, queued.Value!.Status);

        var repairs = await Reconciliation(quietSeconds: 0).RunAsync(CancellationToken.None);

        Assert.Contains(repairs, r => r.WorkshopId == workshopId && r.Kind == SeatReconciliation.SeatCountCorrected && r.Before == 1 && r.After == 0);
        Assert.Contains(repairs, r => r.WorkshopId == workshopId && r.Kind == SeatReconciliation.WaitingListPromoted);
        Assert.Equal(RegistrationStatus.Confirmed, (await _documents.FindAsync(workshopId, waiting.Id, CancellationToken.None))!.Status);
        Assert.Equal(1, await RegistrationTestData.SeatsTakenAsync(database.DataSource, workshopId));
        Assert.Null(await _documents.FindAsync(workshopId, first.Id, CancellationToken.None));

        // Each repair, and the promotion it allowed, is in the activity log, made by no one.
        var (entries, _) = await _activity.QueryAsync(new ActivityQuery(TargetId: workshopId.ToString()), new PageRequest(1, 100), CancellationToken.None);
        Assert.Contains(entries, e => e.Action == SeatReconciliation.SeatCountCorrected && e.Actor is null && e.Details["before"] == "1" && e.Details["after"] == "0");
        Assert.Contains(entries, e => e.Action == SeatReconciliation.WaitingListPromoted);
        var registrationId = (await _documents.FindAsync(workshopId, waiting.Id, CancellationToken.None))!.Id;
        var (promotions, _) = await _activity.QueryAsync(new ActivityQuery(Action: "registration.promote", TargetId: registrationId.ToString()), new PageRequest(1, 10), CancellationToken.None);
        Assert.Single(promotions);
    }

    [Fact]
    public async Task Reconciliation_LeavesARecentlyMovedCountAlone_SinceARegistrationMayBeBetweenItsSteps()
    {
        var (workshopId, _) = await PublishedWorkshopAsync(capacity: 2);
        Assert.True((await new SeatLedger(database.DataSource, TimeProvider.System, TestMetrics.Create()).RequestSeatAsync(workshopId, CancellationToken.None))!.Confirmed);

        var repairs = await Reconciliation(quietSeconds: 3600).RunAsync(CancellationToken.None);

        Assert.DoesNotContain(repairs, r => r.WorkshopId == workshopId);
        Assert.Equal(1, await RegistrationTestData.SeatsTakenAsync(database.DataSource, workshopId));
    }

    [Fact]
    public async Task Reconciliation_RaisesATooLowCountAtOnce()
    {
        var (workshopId, participant) = await PublishedWorkshopAsync(capacity: 2);
        await Service(_documents).RegisterAsync(workshopId, participant, CancellationToken.None);
        await WorkshopTestData.ExecuteAsync(database.DataSource, "UPDATE workshops SET seats_taken = 0 WHERE id = @workshopId", new { workshopId });

        var repairs = await Reconciliation(quietSeconds: 3600).RunAsync(CancellationToken.None);

        Assert.Contains(repairs, r => r.WorkshopId == workshopId && r.Before == 0 && r.After == 1);
        Assert.Equal(1, await RegistrationTestData.SeatsTakenAsync(database.DataSource, workshopId));
    }

    [Fact]
    public async Task Reconciliation_CancelsRegistrationsLeftActiveOnACancelledWorkshop_WithItsReason()
    {
        var (workshopId, participant) = await PublishedWorkshopAsync(capacity: 2);
        await Service(_documents).RegisterAsync(workshopId, participant, CancellationToken.None);
        // The workshop was cancelled in PostgreSQL, and the process died before the documents followed.
        await WorkshopTestData.ExecuteAsync(database.DataSource, "UPDATE workshops SET status = 'cancelled', cancel_reason = 'Storm warning', seats_taken = 0 WHERE id = @workshopId", new { workshopId });

        var repairs = await Reconciliation(quietSeconds: 0).RunAsync(CancellationToken.None);

        Assert.Contains(repairs, r => r.WorkshopId == workshopId && r.Kind == SeatReconciliation.RegistrationsCancelled);
        var registration = await _documents.FindAsync(workshopId, participant.Id, CancellationToken.None);
        Assert.Equal(RegistrationStatus.Cancelled, registration!.Status);
        Assert.Equal("Storm warning", registration.History[^1].Reason);
    }

    private RegistrationService Service(IRegistrationStore documents) => RegistrationServices.Over(database, documents, _activity, TimeProvider.System);

    private SeatReconciliation Reconciliation(int quietSeconds)
    {
        var seats = new SeatLedger(database.DataSource, TimeProvider.System, TestMetrics.Create());
        return new SeatReconciliation(
            seats, _documents, new WaitingList(_documents, seats, Mock.Of<IRegistrationNotifier>(), _activity, TestMetrics.Create(), TimeProvider.System, NullLogger<WaitingList>.Instance),
            new ReconciliationOptions { QuietSeconds = quietSeconds }, _activity, TestMetrics.Create(), TimeProvider.System, NullLogger<SeatReconciliation>.Instance);
    }

    /// <summary>A store that behaves like the in-memory one, except where a test overrides a call.</summary>
    private Mock<IRegistrationStore> Forwarding()
    {
        var store = new Mock<IRegistrationStore>();
        store.Setup(s => s.FindAsync(It.IsAny<Guid>(), It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .Returns((Guid w, Guid u, CancellationToken ct) => _documents.FindAsync(w, u, ct));
        store.Setup(s => s.InsertAsync(It.IsAny<Registration>(), It.IsAny<CancellationToken>()))
            .Returns((Registration r, CancellationToken ct) => _documents.InsertAsync(r, ct));
        store.Setup(s => s.FirstWaitlistedAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .Returns((Guid w, CancellationToken ct) => _documents.FirstWaitlistedAsync(w, ct));
        store.Setup(s => s.WaitlistPositionsAsync(It.IsAny<IReadOnlyCollection<Registration>>(), It.IsAny<CancellationToken>()))
            .Returns((IReadOnlyCollection<Registration> r, CancellationToken ct) => _documents.WaitlistPositionsAsync(r, ct));
        return store;
    }

    private Mock<IRegistrationStore> FailingOn(System.Linq.Expressions.Expression<Func<IRegistrationStore, Task>> call)
    {
        var store = Forwarding();
        store.Setup(call).ThrowsAsync(new TimeoutException("The document store did not answer."));
        return store;
    }

    private async Task<(Guid WorkshopId, Caller Participant)> PublishedWorkshopAsync(int capacity)
    {
        var trainer = await StoredUsers.InsertAsync(database.DataSource, Roles.Trainer);
        var workshopId = await WorkshopTestData.InsertAsync(database.DataSource, trainer.Id, status: "published", capacity: capacity);
        return (workshopId, await ParticipantAsync());
    }

    private async Task<Caller> ParticipantAsync()
    {
        var participant = await StoredUsers.InsertAsync(database.DataSource, Roles.Participant);
        return new Caller(participant.Id, participant.Role);
    }
}
