using Microsoft.Extensions.Time.Testing;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Statistics;
using SkillHub.Functions.Tests.Auth;
using SkillHub.Functions.Tests.Support;
using SkillHub.Standalone.Documents;
using static SkillHub.Functions.Registrations.RegistrationAttendance;

namespace SkillHub.Functions.Tests.Statistics;

/// <summary>The edges of the periods, to the millisecond, on a clock that stands still: real PostgreSQL, the in-memory document stores.</summary>
public sealed class StatisticsServiceTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTime Now = new(2026, 6, 15, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime YearAgo = Now.AddYears(-1);

    private readonly MemoryRegistrationStore _registrations = new();
    private readonly MemoryCommentStore _comments = new();

    private StatisticsService Service => new(new StatisticsStore(database.DataSource), _registrations, _comments, new FakeTimeProvider(new DateTimeOffset(Now)));

    private StatisticsTestData Data => new(database.DataSource, _registrations, _comments);

    [Fact]
    public async Task ForParticipant_CountsWorkshopsStartedFromTwelveMonthsAgoToTheInstantUntilNow_AndLateCancellationsFromThen()
    {
        var trainer = await StoredUsers.InsertAsync(database.DataSource, Roles.Trainer);
        var participant = Guid.CreateVersion7();
        var data = Data;
        foreach (var (starts, mark) in new[] { (YearAgo, Attended), (YearAgo.AddMilliseconds(-1), Absent), (Now, Excused), (Now.AddMilliseconds(1), Absent) })
        {
            await data.RegisterAsync(await data.WorkshopAsync(trainer.Id, starts), mark, participant);
        }

        foreach (var at in new[] { YearAgo, YearAgo.AddMilliseconds(-1) })
        {
            await data.CancelledLateAsync(await data.WorkshopAsync(trainer.Id, at.AddHours(2)), participant, at);
        }

        var answer = await Service.ForParticipantAsync(new Caller(participant, Roles.Participant), CancellationToken.None);

        Assert.Equal(new MyAttendanceResponse(1, 0, 1, 1, YearAgo), answer);
    }

    [Fact]
    public async Task ForTrainer_ByDefault_CountsWorkshopsStartingFromTwelveMonthsAgo_ThatHaveEndedByNow()
    {
        var trainer = await StoredUsers.InsertAsync(database.DataSource, Roles.Trainer);
        // Each test workshop lasts three hours; the capacities tell which were counted.
        foreach (var (starts, capacity) in new[] { (YearAgo, 1), (YearAgo.AddMilliseconds(-1), 2), (Now.AddHours(-3), 4), (Now.AddHours(-3).AddMilliseconds(1), 8) })
        {
            await Data.WorkshopAsync(trainer.Id, starts, capacity);
        }

        var query = new QueryParameters(new Microsoft.AspNetCore.Http.QueryCollection());
        var stats = await Service.ForTrainerAsync(trainer.Id, new Caller(trainer.Id, Roles.Trainer), ReportingPeriod.Read(query, null, null, Now), CancellationToken.None);

        Assert.Null(query.ToProblem());
        Assert.Equal((2, 5L), (stats.Value!.Workshops, stats.Value.SeatsOffered));
    }
}
