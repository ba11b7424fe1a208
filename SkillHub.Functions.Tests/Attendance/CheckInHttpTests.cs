using System.Net;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Workshops;
using static SkillHub.Functions.Tests.Attendance.AttendanceTestData;

namespace SkillHub.Functions.Tests.Attendance;

/// <summary>POST /api/workshops/{id}/check-in over real HTTP, under a test clock: the window at its edges, the code, the brute-force lock.</summary>
public sealed class CheckInHttpTests(ClockedAppFixture app) : IClassFixture<ClockedAppFixture>
{
    private static readonly DateTime Now = ClockedAppFixture.Now;

    /// <summary>The workshop's start relative to now, and whether check-in is open: half an hour before the start to the end (3 h later).</summary>
    public static TheoryData<TimeSpan, bool> Edges { get; } = WindowEdges(TimeSpan.FromMinutes(30), TimeSpan.FromHours(3));

    [Theory]
    [MemberData(nameof(Edges))]
    public async Task CheckIn_IsOpenFromHalfAnHourBeforeTheStart_ToTheEnd_AndOutsideAnswers409SayingWhen_CountingNothing(TimeSpan startsIn, bool open)
    {
        var (workshopId, participant, registration) = await ArrangeAsync(Now + startsIn);

        var (status, body) = await CheckInAsync(app, participant, workshopId, CodeFor(app, workshopId));

        if (!open)
        {
            Assert.Equal(HttpStatusCode.Conflict, status);
            Assert.StartsWith("Check-in is open from ", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal((null, 1), await StateAsync(app, registration.Id));
            Assert.Null(await WrongCodesAsync(app, workshopId, participant.Id));
            return;
        }

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(RegistrationAttendance.Attended, body.GetProperty("attendance").GetString());
        var stored = await ReadAsync(app, registration.Id);
        Assert.Equal((RegistrationAttendance.Attended, participant.Id, HistoryEntry.AttendanceMarked), (stored.Attendance, stored.History[^1].By, stored.History[^1].Cause));
    }

    [Fact]
    public async Task CheckIn_IgnoresCaseAndSpaces_IsIdempotent_AndGivesTheRightCodesAttemptBack()
    {
        var (workshopId, participant, registration) = await ArrangeAsync(Now);
        var code = $"  {CodeFor(app, workshopId).ToLowerInvariant()} ";

        var first = await CheckInAsync(app, participant, workshopId, code);
        var second = await CheckInAsync(app, participant, workshopId, code);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.Status, second.Status));
        Assert.Equal((RegistrationAttendance.Attended, 2), await StateAsync(app, registration.Id));
        Assert.Equal(0, await WrongCodesAsync(app, workshopId, participant.Id));
    }

    [Theory]
    [InlineData(RegistrationAttendance.Absent)]
    [InlineData(RegistrationAttendance.Excused)]
    public async Task CheckIn_DuringTheWindow_OverridesTheOrganisersEarlierMark(string marked)
    {
        var (workshopId, participant, registration) = await ArrangeAsync(Now, marked);

        var (status, _) = await CheckInAsync(app, participant, workshopId, CodeFor(app, workshopId));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(RegistrationAttendance.Attended, (await ReadAsync(app, registration.Id)).Attendance);
    }

    [Fact]
    public async Task CheckIn_WithAWrongCode_Answers403_CountsIt_AndChangesNeitherTheRegistrationNorTheWorkshop()
    {
        var (workshopId, participant, registration) = await ArrangeAsync(Now);
        var workshopBefore = await WorkshopTestData.ReadAsync(app.Database.DataSource, workshopId);

        var (status, body) = await CheckInAsync(app, participant, workshopId, WrongCode(workshopId));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("Wrong check-in code.", body.GetProperty("detail").GetString());
        Assert.Equal((null, 1), await StateAsync(app, registration.Id));
        Assert.Equal(workshopBefore, await WorkshopTestData.ReadAsync(app.Database.DataSource, workshopId));
        Assert.Equal(1, await WrongCodesAsync(app, workshopId, participant.Id));
    }

    [Fact]
    public async Task CheckIn_AnotherWorkshopsCode_IsAWrongCode()
    {
        var (workshopId, participant, _) = await ArrangeAsync(Now);
        var other = await WorkshopAsync(app, (await app.CreateUserAsync(Roles.Trainer)).Id, Now);

        var (status, _) = await CheckInAsync(app, participant, workshopId, CodeFor(app, other));

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task CheckIn_AfterTenWrongCodes_RefusesEvenTheRightOne_With429_WhileOtherParticipantsStillCheckIn()
    {
        var (workshopId, guesser, registration) = await ArrangeAsync(Now);
        var neighbour = await app.CreateUserAsync(Roles.Participant);
        var neighbours = await RegisterAsync(app, workshopId, neighbour.Id);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await CheckInAsync(app, guesser, workshopId, WrongCode(workshopId))).Status);
        }

        using var client = app.ClientFor(guesser);
        using var locked = await client.PostAsync(CheckInOf(workshopId), AppFixture.Json(new { code = CodeFor(app, workshopId) }));
        await WorkshopTestData.AssertProblemAsync(locked, HttpStatusCode.TooManyRequests);
        Assert.True(locked.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal((null, 1), await StateAsync(app, registration.Id));
        Assert.Equal(HttpStatusCode.OK, (await CheckInAsync(app, neighbour, workshopId, CodeFor(app, workshopId))).Status);
        Assert.Equal(RegistrationAttendance.Attended, (await ReadAsync(app, neighbours.Id)).Attendance);
    }

    [Fact]
    public async Task CheckIn_ManyParallelWrongCodes_NeverCompareMoreThanTheAllowance()
    {
        var (workshopId, guesser, _) = await ArrangeAsync(Now);

        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => CheckInAsync(app, guesser, workshopId, WrongCode(workshopId))));

        Assert.Equal(10, answers.Count(a => a.Status == HttpStatusCode.Forbidden));
        Assert.Equal(20, answers.Count(a => a.Status == HttpStatusCode.TooManyRequests));
        Assert.Equal(10, await WrongCodesAsync(app, workshopId, guesser.Id));
    }

    public static TheoryData<string?> NoSeat { get; } = [null, RegistrationStatus.Waitlisted, RegistrationStatus.Cancelled];

    [Theory]
    [MemberData(nameof(NoSeat))]
    public async Task CheckIn_WithoutAConfirmedRegistration_Answers403_EvenWithTheRightCode(string? status)
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var workshopId = await WorkshopAsync(app, trainer.Id, Now);
        var participant = await app.CreateUserAsync(Roles.Participant);
        if (status is not null)
        {
            await RegisterAsync(app, workshopId, participant.Id, status);
        }

        var (answered, body) = await CheckInAsync(app, participant, workshopId, CodeFor(app, workshopId));

        Assert.Equal(HttpStatusCode.Forbidden, answered);
        Assert.Contains("confirmed registration", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckIn_WithoutACode_Answers422()
    {
        var (workshopId, participant, registration) = await ArrangeAsync(Now);
        using var client = app.ClientFor(participant);

        using var response = await client.PostAsync(CheckInOf(workshopId), AppFixture.Json(new { code = (string?)null }));

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "code");
        Assert.Equal((null, 1), await StateAsync(app, registration.Id));
    }

    [Fact]
    public async Task Code_IsSixUnambiguousCharacters_TheSameAtEveryCall_WithTheWindowItIsValidIn()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var startsAt = Now.AddDays(3);
        var workshopId = await WorkshopAsync(app, trainer.Id, startsAt);
        using var client = app.ClientFor(trainer);

        var first = await AppFixture.ReadJsonAsync(await client.GetAsync(CodeOf(workshopId)));
        var second = await AppFixture.ReadJsonAsync(await client.GetAsync(CodeOf(workshopId)));

        var code = first.GetProperty("code").GetString()!;
        Assert.Equal(code, second.GetProperty("code").GetString());
        Assert.Matches("^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$", code);
        Assert.Equal(startsAt.AddMinutes(-30), first.GetProperty("validFrom").GetDateTime().ToUniversalTime());
        Assert.Equal(startsAt.AddHours(3), first.GetProperty("validUntil").GetDateTime().ToUniversalTime());
    }

    private string WrongCode(Guid workshopId) => CodeFor(app, workshopId) == "ZZZZZZ" ? "YYYYYY" : "ZZZZZZ";

    private async Task<(Guid WorkshopId, TestUser Participant, Registration Registration)> ArrangeAsync(DateTime startsAt, string? attendance = null)
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var workshopId = await WorkshopAsync(app, trainer.Id, startsAt);
        var participant = await app.CreateUserAsync(Roles.Participant);
        return (workshopId, participant, await RegisterAsync(app, workshopId, participant.Id, attendance: attendance));
    }
}
