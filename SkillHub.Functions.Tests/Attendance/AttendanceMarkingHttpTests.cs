using System.Net;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Workshops;
using static SkillHub.Functions.Tests.Attendance.AttendanceTestData;

namespace SkillHub.Functions.Tests.Attendance;

/// <summary>PUT /api/workshops/{id}/attendance over real HTTP, under a test clock: the window at its edges, all-or-nothing validation.</summary>
public sealed class AttendanceMarkingHttpTests(ClockedAppFixture app) : IClassFixture<ClockedAppFixture>
{
    private static readonly DateTime Now = ClockedAppFixture.Now;

    /// <summary>The workshop's start relative to now, and whether marking is open: an hour before the start to seven days after the end (3 h later).</summary>
    public static TheoryData<TimeSpan, bool> Edges { get; } = WindowEdges(TimeSpan.FromHours(1), TimeSpan.FromDays(7) + TimeSpan.FromHours(3));

    [Theory]
    [MemberData(nameof(Edges))]
    public async Task Put_IsOpenFromAnHourBeforeTheStart_ToSevenDaysAfterTheEnd_AndOutsideAnswers409SayingWhen(TimeSpan startsIn, bool open)
    {
        var (workshopId, trainer, registration) = await ArrangeAsync(Now + startsIn);
        using var client = app.ClientFor(trainer);

        using var response = await client.SendAsync(Put(workshopId, new { registrationId = registration.Id, attendance = RegistrationAttendance.Absent }));

        if (!open)
        {
            var problem = await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.Conflict);
            Assert.StartsWith("Attendance can be marked from ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal((null, 1), await StateAsync(app, registration.Id));
            return;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = Assert.Single((await AppFixture.ReadJsonAsync(response)).GetProperty("items").EnumerateArray());
        Assert.Equal(RegistrationAttendance.Absent, item.GetProperty("attendance").GetString());
        var stored = await ReadAsync(app, registration.Id);
        Assert.Equal(RegistrationAttendance.Absent, stored.Attendance);
        var entry = stored.History[^1];
        Assert.Equal((HistoryEntry.AttendanceMarked, RegistrationAttendance.Absent, trainer.Id, RegistrationStatus.Confirmed), (entry.Cause, entry.Attendance, entry.By, entry.Status));
    }

    [Fact]
    public async Task Put_MarksSeveral_UnmarksWithNull_AndLeavesNoEntryForAnUnchangedMark()
    {
        var (workshopId, trainer, first) = await ArrangeAsync(Now.AddHours(-1));
        var second = await RegisterAsync(app, workshopId, (await app.CreateUserAsync(Roles.Participant)).Id, attendance: RegistrationAttendance.Absent);
        var third = await RegisterAsync(app, workshopId, (await app.CreateUserAsync(Roles.Participant)).Id, attendance: RegistrationAttendance.Excused);
        using var client = app.ClientFor(trainer);

        using var response = await client.SendAsync(Put(workshopId,
            new { registrationId = first.Id, attendance = RegistrationAttendance.Attended },
            new { registrationId = second.Id, attendance = (string?)null },
            new { registrationId = third.Id, attendance = RegistrationAttendance.Excused }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await AppFixture.ReadJsonAsync(response);
        Assert.Equal([first.Id, second.Id, third.Id], body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        Assert.Empty(body.GetProperty("notMarked").EnumerateArray());
        Assert.Equal((RegistrationAttendance.Attended, 2), await StateAsync(app, first.Id));
        Assert.Equal(((string?)null, 2), await StateAsync(app, second.Id));
        Assert.Equal((RegistrationAttendance.Excused, 1), await StateAsync(app, third.Id));
    }

    public static TheoryData<string, string> BadRegistrations { get; } = new()
    {
        { RegistrationStatus.Waitlisted, "items[1].registrationId" },
        { RegistrationStatus.Cancelled, "items[1].registrationId" },
        { "another workshop's", "items[1].registrationId" },
        { "unknown", "items[1].registrationId" },
    };

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task Put_NamingARegistrationThatHasNoAttendanceHere_Answers422NamingTheItem_AndMarksNothing(string which, string field)
    {
        var (workshopId, trainer, good) = await ArrangeAsync(Now.AddHours(-1));
        var participant = await app.CreateUserAsync(Roles.Participant);
        var badId = which switch
        {
            "unknown" => Guid.CreateVersion7(),
            "another workshop's" => (await RegisterAsync(app, await WorkshopAsync(app, trainer.Id, Now.AddHours(-1)), participant.Id)).Id,
            _ => (await RegisterAsync(app, workshopId, participant.Id, which)).Id,
        };
        using var client = app.ClientFor(trainer);

        using var response = await client.SendAsync(Put(workshopId,
            new { registrationId = good.Id, attendance = RegistrationAttendance.Attended },
            new { registrationId = badId, attendance = RegistrationAttendance.Attended }));

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, field);
        Assert.Equal((null, 1), await StateAsync(app, good.Id));
    }

    [Fact]
    public async Task Put_WithAnUnknownValue_ADuplicate_OrAMissingId_Answers422NamingEachItem_AndMarksNothing()
    {
        var (workshopId, trainer, registration) = await ArrangeAsync(Now.AddHours(-1));
        using var client = app.ClientFor(trainer);

        using var response = await client.SendAsync(Put(workshopId,
            new { registrationId = registration.Id, attendance = "present" },
            new { registrationId = registration.Id, attendance = RegistrationAttendance.Attended },
            new { attendance = RegistrationAttendance.Attended }));

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "items[0].attendance", "items[1].registrationId", "items[2].registrationId");
        Assert.Equal((null, 1), await StateAsync(app, registration.Id));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task Put_WithNoItemOrTooMany_Answers422(int count)
    {
        var (workshopId, trainer, registration) = await ArrangeAsync(Now.AddHours(-1));
        using var client = app.ClientFor(trainer);
        var items = Enumerable.Range(0, count).Select(_ => (object)new { registrationId = Guid.CreateVersion7(), attendance = RegistrationAttendance.Attended }).ToArray();

        using var response = await client.SendAsync(Put(workshopId, items));

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "items");
        Assert.Equal((null, 1), await StateAsync(app, registration.Id));
    }

    [Fact]
    public async Task Put_OnACancelledWorkshop_Answers409()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var workshopId = await WorkshopAsync(app, trainer.Id, Now.AddHours(-1), status: "cancelled");
        using var client = app.ClientFor(trainer);

        using var response = await client.SendAsync(Put(workshopId, new { registrationId = Guid.CreateVersion7(), attendance = RegistrationAttendance.Attended }));

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.Conflict);
    }

    private async Task<(Guid WorkshopId, TestUser Trainer, Registration Registration)> ArrangeAsync(DateTime startsAt)
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var workshopId = await WorkshopAsync(app, trainer.Id, startsAt);
        var participant = await app.CreateUserAsync(Roles.Participant);
        return (workshopId, trainer, await RegisterAsync(app, workshopId, participant.Id));
    }
}
