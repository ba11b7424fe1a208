using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Workshops;

namespace SkillHub.Functions.Tests.Registrations;

/// <summary>An app whose participants may cancel until 48 hours before a workshop starts.</summary>
public sealed class CancelCutoffAppFixture : AppFixture
{
    public const int CutoffHours = 48;

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Registrations:CancelCutoffHours", $"{CutoffHours}")];
}

/// <summary><c>Registrations__CancelCutoffHours</c> over real HTTP: the participant is refused late, the organiser is not.</summary>
public sealed class CancelCutoffHttpTests(CancelCutoffAppFixture app) : IClassFixture<CancelCutoffAppFixture>
{
    [Fact]
    public async Task CancelMine_InsideTheCutoff_Answers409SayingUntilWhenAndThatTheOrganiserStillCan()
    {
        var (workshopId, _, startsAt, people) = await WorkshopSoonAsync(capacity: 1, count: 1);

        using var client = app.ClientFor(people[0]);
        using var response = await client.DeleteAsync($"/api/workshops/{workshopId}/registrations/me");

        var problem = await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.Conflict);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains(WorkshopTestData.Timestamp(startsAt.AddHours(-CancelCutoffAppFixture.CutoffHours)), detail, StringComparison.Ordinal);
        Assert.Contains("organiser", detail, StringComparison.Ordinal);
        Assert.Equal(RegistrationStatus.Confirmed, (await StoredAsync(workshopId, people[0]))!.Status);
    }

    [Fact]
    public async Task CancelMine_BeforeTheCutoff_IsAccepted()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var workshopId = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published", startsAt: WorkshopTestData.InDays(5));
        var participant = await app.CreateUserAsync(Roles.Participant);
        Assert.Equal(HttpStatusCode.Created, (await RegistrationTestData.RegisterAsync(app, workshopId, participant)).Status);

        var (status, body) = await RegistrationTestData.CancelOwnAsync(app, workshopId, participant);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("cancelled", body.GetProperty("status").GetString());
        Assert.Null((await StoredAsync(workshopId, participant))!.History[^1].Cause);
    }

    [Fact]
    public async Task CancelByTheOrganiser_InsideTheCutoff_IsAccepted_MarkedLate_AndTheSeatGoesToTheWaitingList()
    {
        var (workshopId, trainer, _, people) = await WorkshopSoonAsync(capacity: 1, count: 2);
        var first = await StoredAsync(workshopId, people[0]);

        using var client = app.ClientFor(trainer);
        using var response = await client.DeleteAsync($"/api/workshops/{workshopId}/registrations/{first!.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cancelled = await StoredAsync(workshopId, people[0]);
        Assert.Equal((RegistrationStatus.Cancelled, HistoryEntry.LateCancellation), (cancelled!.Status, cancelled.History[^1].Cause));
        Assert.Equal(RegistrationStatus.Confirmed, (await StoredAsync(workshopId, people[1]))!.Status);
        Assert.Equal(1, await RegistrationTestData.SeatsTakenAsync(app, workshopId));
    }

    /// <summary>A published workshop starting in a day (inside the cutoff), with <paramref name="count"/> participants registered in order.</summary>
    private async Task<(Guid WorkshopId, TestUser Trainer, DateTime StartsAt, List<TestUser> People)> WorkshopSoonAsync(int capacity, int count)
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var startsAt = WorkshopTestData.InDays(1, hour: DateTime.UtcNow.Hour);
        var workshopId = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published", startsAt: startsAt, capacity: capacity);
        var people = await RegistrationTestData.ParticipantsAsync(app, count);
        foreach (var person in people)
        {
            Assert.Equal(HttpStatusCode.Created, (await RegistrationTestData.RegisterAsync(app, workshopId, person)).Status);
        }

        return (workshopId, trainer, startsAt, people);
    }

    private Task<Registration?> StoredAsync(Guid workshopId, TestUser participant) =>
        app.Services.GetRequiredService<IRegistrationStore>().FindAsync(workshopId, participant.Id, CancellationToken.None);
}
