using Microsoft.Extensions.Time.Testing;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Auth;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Workshops;

namespace SkillHub.Functions.Tests.Workshops;

/// <summary>
/// "Open for registration" is defined once (RegistrationWindow): the seat ledger's statements, the
/// request_seat function and the C# rule answer alike for every status and every side of the start,
/// under one test clock that is neither the database's now() nor the real time.
/// </summary>
public sealed class RegistrationWindowTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    /// <summary>Years before the real clock: a rule that read now() in SQL would find every workshop here started.</summary>
    private static readonly DateTime Now = new(2021, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string, int> Combinations()
    {
        var combinations = new TheoryData<string, int>();
        foreach (var status in WorkshopStatus.All)
        {
            foreach (var minutesFromNow in new[] { -60, 0, 60 })
            {
                combinations.Add(status, minutesFromNow);
            }
        }

        return combinations;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task RequestSeat_TakesASeat_ExactlyWhenTheRuleSaysOpen(string status, int minutesFromNow)
    {
        var (ledger, workshopId, open) = await ArrangeAsync(status, minutesFromNow);

        var request = await ledger.RequestSeatAsync(workshopId, CancellationToken.None);

        Assert.Equal(open, request is { Confirmed: true });
        Assert.Equal(open, request is not null);
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task TakeFreeSeat_Succeeds_ExactlyWhenTheRuleSaysOpen(string status, int minutesFromNow)
    {
        var (ledger, workshopId, open) = await ArrangeAsync(status, minutesFromNow);

        var taken = await ledger.TakeFreeSeatAsync(workshopId, CancellationToken.None);

        Assert.Equal(open, taken);
    }

    private async Task<(SeatLedger Ledger, Guid WorkshopId, bool Open)> ArrangeAsync(string status, int minutesFromNow)
    {
        var trainer = await StoredUsers.InsertAsync(database.DataSource, Roles.Trainer);
        var startsAt = Now.AddMinutes(minutesFromNow);
        var workshopId = await WorkshopTestData.InsertAsync(database.DataSource, trainer.Id, status: status, startsAt: startsAt);
        var ledger = new SeatLedger(database.DataSource, new FakeTimeProvider(new DateTimeOffset(Now)), TestMetrics.Create());
        return (ledger, workshopId, RegistrationWindow.IsOpen(status, startsAt, Now));
    }
}
