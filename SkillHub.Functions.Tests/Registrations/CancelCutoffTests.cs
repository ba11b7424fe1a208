using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SkillHub.Functions.Attendance;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Auth;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Workshops;
using SkillHub.Functions.Users;
using SkillHub.Functions.Workshops;
using SkillHub.Standalone.Documents;

namespace SkillHub.Functions.Tests.Registrations;

/// <summary>
/// The edges of <c>Registrations__CancelCutoffHours</c>, on real PostgreSQL under a test clock: the
/// participant may cancel until a second before the deadline; from the deadline on, only the organiser
/// may, and their cancellation is marked late.
/// </summary>
public sealed class CancelCutoffTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    /// <summary>Years before the real clock, in whole seconds: only the test clock can put a workshop in the future here.</summary>
    private static readonly DateTime StartsAt = new(2022, 6, 1, 9, 0, 0, DateTimeKind.Utc);

    private readonly MemoryRegistrationStore _documents = new();

    [Theory]
    [InlineData(48, -1, true)]
    [InlineData(48, 0, false)]
    [InlineData(48, 1, false)]
    [InlineData(0, -1, true)]
    [InlineData(0, 0, false)]
    [InlineData(0, 1, false)]
    public async Task CancelOwn_IsAcceptedUntilASecondBeforeTheDeadline_AndRefusedFromItOn(int cutoffHours, int secondsFromDeadline, bool accepted)
    {
        var (clock, service, workshopId, participant) = await ArrangeAsync(cutoffHours);
        clock.SetUtcNow(StartsAt.AddHours(-cutoffHours).AddSeconds(secondsFromDeadline));

        var outcome = await service.CancelOwnAsync(workshopId, participant, CancellationToken.None);

        Assert.Equal(accepted, outcome.Succeeded);
        var stored = await _documents.FindAsync(workshopId, participant.Id, CancellationToken.None);
        Assert.Equal(accepted ? RegistrationStatus.Cancelled : RegistrationStatus.Confirmed, stored!.Status);
        if (!accepted)
        {
            Assert.Equal(FailureKind.Conflict, outcome.Failure!.Kind);
            Assert.Contains(StartsAt.AddHours(-cutoffHours).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), outcome.Failure.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(-1, null)]
    [InlineData(0, HistoryEntry.LateCancellation)]
    [InlineData(1, HistoryEntry.LateCancellation)]
    public async Task CancelFor_IsAlwaysAccepted_AndMarkedLateFromTheDeadlineOn(int secondsFromDeadline, string? cause)
    {
        var (clock, service, workshopId, participant) = await ArrangeAsync(cutoffHours: 48);
        var registration = await _documents.FindAsync(workshopId, participant.Id, CancellationToken.None);
        var admin = await StoredUsers.InsertAsync(database.DataSource, Roles.Admin);
        clock.SetUtcNow(StartsAt.AddHours(-48).AddSeconds(secondsFromDeadline));

        var outcome = await service.CancelForAsync(workshopId, registration!.Id, new Caller(admin.Id, Roles.Admin), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        var stored = await _documents.FindByIdAsync(registration.Id, CancellationToken.None);
        Assert.Equal((RegistrationStatus.Cancelled, cause), (stored!.Status, stored.History[^1].Cause));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(721)]
    public void Load_RefusesACutoffOutOfBounds_NamingTheSetting(int hours)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Registrations:CancelCutoffHours"] = $"{hours}" })
            .Build();

        var refused = Assert.Throws<InvalidOperationException>(() => RegistrationOptions.Load(configuration));

        Assert.Contains("Registrations__CancelCutoffHours", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>A published workshop starting at <see cref="StartsAt"/> and one participant confirmed to it a week before.</summary>
    private async Task<(FakeTimeProvider Clock, RegistrationService Service, Guid WorkshopId, Caller Participant)> ArrangeAsync(int cutoffHours)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(StartsAt.AddDays(-7)));
        var trainer = await StoredUsers.InsertAsync(database.DataSource, Roles.Trainer);
        var workshopId = await WorkshopTestData.InsertAsync(database.DataSource, trainer.Id, status: "published", startsAt: StartsAt, capacity: 5);
        var user = await StoredUsers.InsertAsync(database.DataSource, Roles.Participant);
        var participant = new Caller(user.Id, user.Role);
        var seats = new SeatLedger(database.DataSource, clock, TestMetrics.Create());
        var waitingList = new WaitingList(_documents, seats, Mock.Of<IRegistrationNotifier>(), new MemoryActivityLog(), TestMetrics.Create(), clock, NullLogger<WaitingList>.Instance);
        var service = new RegistrationService(
            new WorkshopStore(database.DataSource), new UserStore(database.DataSource), _documents, seats, waitingList, Mock.Of<IRegistrationNotifier>(),
            new RegistrationOptions { CancelCutoffHours = cutoffHours }, new WorkshopFigures(new MemoryCommentStore(), _documents), TestMetrics.Create(), clock, NullLogger<RegistrationService>.Instance);
        Assert.True((await service.RegisterAsync(workshopId, participant, CancellationToken.None)).Succeeded);
        return (clock, service, workshopId, participant);
    }
}
