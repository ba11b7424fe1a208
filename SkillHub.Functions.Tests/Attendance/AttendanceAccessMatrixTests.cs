using System.Net;
using SkillHub.Functions.Comments;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Comments;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Workshops;
using static SkillHub.Functions.Tests.Attendance.AttendanceTestData;

namespace SkillHub.Functions.Tests.Attendance;

/// <summary>Every attendance route, called by every kind of caller, on a workshop under way; and the figures each caller sees on the workshop.</summary>
public sealed class AttendanceAccessMatrixTests(ClockedAppFixture app) : IClassFixture<ClockedAppFixture>
{
    public enum Actor
    {
        Anonymous,
        Participant,
        OtherParticipant,
        Owner,
        OtherTrainer,
        Admin,
    }

    public static TheoryData<string, Actor, int> Matrix { get; } = BuildMatrix();

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Route_AnswersEachCallerWhatTheContractSays_AndRefusalsMarkNothing(string route, Actor actor, int expected)
    {
        var owner = await app.CreateUserAsync(Roles.Trainer);
        var participant = await app.CreateUserAsync(Roles.Participant);
        var workshopId = await WorkshopAsync(app, owner.Id, ClockedAppFixture.Now.AddHours(-1));
        var registration = await RegisterAsync(app, workshopId, participant.Id);
        var caller = actor switch
        {
            Actor.Anonymous => null,
            Actor.Participant => participant,
            Actor.Owner => owner,
            Actor.OtherParticipant => await app.CreateUserAsync(Roles.Participant),
            Actor.OtherTrainer => await app.CreateUserAsync(Roles.Trainer),
            _ => await app.CreateUserAsync(Roles.Admin),
        };
        using var client = caller is null ? app.CreateClient() : app.ClientFor(caller);
        using var request = route switch
        {
            "PUT attendance" => Put(workshopId, new { registrationId = registration.Id, attendance = RegistrationAttendance.Attended }),
            "GET code" => new HttpRequestMessage(HttpMethod.Get, CodeOf(workshopId)),
            "POST check-in" => new HttpRequestMessage(HttpMethod.Post, CheckInOf(workshopId)) { Content = AppFixture.Json(new { code = CodeFor(app, workshopId) }) },
            _ => new HttpRequestMessage(HttpMethod.Get, SheetOf(workshopId)),
        };

        using var response = await client.SendAsync(request);

        if (expected >= 400)
        {
            await WorkshopTestData.AssertProblemAsync(response, (HttpStatusCode)expected);
            Assert.Equal((null, 1), await StateAsync(app, registration.Id));
            return;
        }

        Assert.True(expected == (int)response.StatusCode, $"Expected {expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var marks = route is "PUT attendance" or "POST check-in";
        Assert.Equal(marks ? RegistrationAttendance.Attended : null, (await ReadAsync(app, registration.Id)).Attendance);
    }

    [Fact]
    public async Task Workshop_ShowsEveryoneItsRating_AndOnlyItsTrainerAndAdminsItsAttendance()
    {
        var owner = await app.CreateUserAsync(Roles.Trainer);
        var workshopId = await WorkshopAsync(app, owner.Id, ClockedAppFixture.Now.AddDays(-1));
        foreach (var attendance in new[] { RegistrationAttendance.Attended, RegistrationAttendance.Attended, RegistrationAttendance.Absent, null })
        {
            await RegisterAsync(app, workshopId, (await app.CreateUserAsync(Roles.Participant)).Id, attendance: attendance);
        }

        await RegisterAsync(app, workshopId, (await app.CreateUserAsync(Roles.Participant)).Id, RegistrationStatus.Waitlisted);
        var comments = CommentTestData.Store(app);
        var now = ClockedAppFixture.Now;
        foreach (var (rating, hidden) in new[] { (4, false), (5, false), (1, true) })
        {
            await comments.InsertAsync(new Comment(Guid.CreateVersion7(), workshopId, new CommentAuthor(Guid.CreateVersion7(), "Someone"), "Rated", rating, now, now, hidden), CancellationToken.None);
        }

        var anonymous = await AppFixture.ReadJsonAsync(await app.CreateClient().GetAsync($"/api/workshops/{workshopId}"));
        using var ownerClient = app.ClientFor(owner);
        var managed = await AppFixture.ReadJsonAsync(await ownerClient.GetAsync($"/api/workshops/{workshopId}"));
        using var adminClient = app.ClientFor(await app.CreateUserAsync(Roles.Admin));
        var listed = (await AppFixture.ReadJsonAsync(await adminClient.GetAsync($"/api/workshops?trainerId={owner.Id}"))).GetProperty("items")[0];
        var summary = (await AppFixture.ReadJsonAsync(await ownerClient.GetAsync($"/api/workshops/{workshopId}/registrations"))).GetProperty("summary");

        foreach (var shown in new[] { anonymous, managed, listed })
        {
            Assert.Equal((4.5, 2), (shown.GetProperty("rating").GetProperty("average").GetDouble(), shown.GetProperty("rating").GetProperty("count").GetInt32()));
        }

        Assert.Equal(System.Text.Json.JsonValueKind.Null, anonymous.GetProperty("attendance").ValueKind);
        foreach (var counts in new[] { managed.GetProperty("attendance"), listed.GetProperty("attendance"), summary.GetProperty("attendance") })
        {
            Assert.Equal((2, 1, 0, 1), (counts.GetProperty("attended").GetInt32(), counts.GetProperty("absent").GetInt32(), counts.GetProperty("excused").GetInt32(), counts.GetProperty("unmarked").GetInt32()));
        }
    }

    private static TheoryData<string, Actor, int> BuildMatrix()
    {
        var matrix = new TheoryData<string, Actor, int>();
        foreach (var route in new[] { "PUT attendance", "GET code", "GET sheet" })
        {
            matrix.Add(route, Actor.Anonymous, 401);
            matrix.Add(route, Actor.Participant, 403);
            matrix.Add(route, Actor.OtherParticipant, 403);
            matrix.Add(route, Actor.Owner, 200);
            matrix.Add(route, Actor.OtherTrainer, 403);
            matrix.Add(route, Actor.Admin, 200);
        }

        matrix.Add("POST check-in", Actor.Anonymous, 401);
        matrix.Add("POST check-in", Actor.Participant, 200);
        matrix.Add("POST check-in", Actor.OtherParticipant, 403);
        matrix.Add("POST check-in", Actor.Owner, 403);
        matrix.Add("POST check-in", Actor.OtherTrainer, 403);
        matrix.Add("POST check-in", Actor.Admin, 403);
        return matrix;
    }
}
