using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Comments;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Statistics;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Workshops;
using static SkillHub.Functions.Registrations.RegistrationAttendance;

namespace SkillHub.Functions.Tests.Statistics;

/// <summary>GET /api/trainers/{id}/stats and GET /api/me/attendance over real HTTP, against figures computed by hand.</summary>
public sealed class StatisticsHttpTests(AppFixture app) : IClassFixture<AppFixture>
{
    private StatisticsTestData Data => new(
        app.Database.DataSource, app.Services.GetRequiredService<IRegistrationStore>(), app.Services.GetRequiredService<ICommentStore>());

    [Fact]
    public async Task TrainerStats_CountOnlyTheTrainersPublishedWorkshopsThatEndedInTheLastTwelveMonths_ConfirmedSeatsOnly()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var other = await app.CreateUserAsync(Roles.Trainer);
        var data = Data;
        var first = await data.WorkshopAsync(trainer.Id, DaysAgo(60), capacity: 10);
        foreach (var mark in new[] { Attended, Attended, Attended, Absent, Excused, null })
        {
            await data.RegisterAsync(first, mark);
        }

        await data.RegisterAsync(first, status: RegistrationStatus.Cancelled);
        await data.RegisterAsync(first, status: RegistrationStatus.Waitlisted);
        await data.RateAsync(first, 5);
        await data.RateAsync(first, 4);
        await data.RateAsync(first, 1, hidden: true);
        var second = await data.WorkshopAsync(trainer.Id, DaysAgo(30), capacity: 5);
        foreach (var mark in new[] { Attended, Attended, Absent })
        {
            await data.RegisterAsync(second, mark);
        }

        await data.RateAsync(second, 3);
        // None of these count: cancelled, draft, not over yet, begun before the year, another trainer's.
        foreach (var (starts, status) in new[] { (DaysAgo(20), "cancelled"), (DaysAgo(10), "draft"), (DateTime.UtcNow.AddHours(-1), "published"), (DaysAgo(400), "published") })
        {
            var ignored = await data.WorkshopAsync(trainer.Id, starts, capacity: 7, status: status);
            await data.RegisterAsync(ignored, status == "cancelled" ? null : Attended);
            await data.RateAsync(ignored, 1);
        }

        var theirs = await data.WorkshopAsync(other.Id, DaysAgo(15), capacity: 50);
        await data.RegisterAsync(theirs, Absent);
        await data.RateAsync(theirs, 1);

        var stats = await StatsAsync(trainer, trainer.Id);

        Assert.Equal(2, stats.GetProperty("workshops").GetInt32());
        Assert.Equal(15, stats.GetProperty("seatsOffered").GetInt64());
        Assert.Equal(9, stats.GetProperty("confirmed").GetInt32());
        Assert.Equal(0.6, stats.GetProperty("fillRate").GetDouble());
        Assert.Equal(5, stats.GetProperty("attended").GetInt32());
        Assert.Equal(0.5556, stats.GetProperty("attendanceRate").GetDouble());
        Assert.Equal(0.2222, stats.GetProperty("noShowRate").GetDouble());
        Assert.Equal(4.0, stats.GetProperty("rating").GetProperty("average").GetDouble());
        Assert.Equal(3, stats.GetProperty("rating").GetProperty("count").GetInt32());
        Assert.Equal(stats.GetRawText(), (await StatsAsync(await app.CreateUserAsync(Roles.Admin), trainer.Id)).GetRawText());
    }

    [Fact]
    public async Task TrainerStats_CountAWorkshopStartingAtFrom_AndNoneStartingAtTo()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var from = DaysAgo(100);
        var to = DaysAgo(50);
        foreach (var (starts, capacity) in new[] { (from.AddSeconds(-1), 1), (from, 2), (to.AddSeconds(-1), 4), (to, 8) })
        {
            await Data.WorkshopAsync(trainer.Id, starts, capacity);
        }

        var stats = await StatsAsync(trainer, trainer.Id, $"?from={Iso(from)}&to={Iso(to)}");

        Assert.Equal((2, 6L), (stats.GetProperty("workshops").GetInt32(), stats.GetProperty("seatsOffered").GetInt64()));
    }

    [Fact]
    public async Task TrainerStats_WithNothingToDivideBy_AnswerNullRatesAndNoAverage()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);

        var none = await StatsAsync(trainer, trainer.Id);
        await Data.WorkshopAsync(trainer.Id, DaysAgo(5), capacity: 12);
        var empty = await StatsAsync(trainer, trainer.Id);

        Assert.Equal(
            """{"workshops":0,"seatsOffered":0,"confirmed":0,"fillRate":null,"attended":0,"attendanceRate":null,"noShowRate":null,"rating":{"average":null,"count":0}}""",
            none.GetRawText());
        Assert.Equal(
            """{"workshops":1,"seatsOffered":12,"confirmed":0,"fillRate":0,"attended":0,"attendanceRate":null,"noShowRate":null,"rating":{"average":null,"count":0}}""",
            empty.GetRawText());
    }

    [Fact]
    public async Task TrainerStats_AreForTheTrainerAndAdmins_OthersAreRefused_AndAnAdminAskingAboutNoTrainerIsTold404()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var admin = await app.CreateUserAsync(Roles.Admin);
        var participant = await app.CreateUserAsync(Roles.Participant);
        var otherTrainer = await app.CreateUserAsync(Roles.Trainer);
        var path = $"/api/trainers/{trainer.Id}/stats";

        using var anonymous = await app.Client.GetAsync(path);
        await HttpProblem.AssertAsync(anonymous, 401);
        foreach (var refused in new[] { participant, otherTrainer })
        {
            using var client = app.ClientFor(refused);
            using var response = await client.GetAsync(path);
            await HttpProblem.AssertAsync(response, 403);
        }

        using (var client = app.ClientFor(otherTrainer))
        using (var unknown = await client.GetAsync($"/api/trainers/{Guid.NewGuid()}/stats"))
        {
            await HttpProblem.AssertAsync(unknown, 403);
        }

        foreach (var notATrainer in new[] { Guid.NewGuid(), participant.Id, admin.Id })
        {
            using var client = app.ClientFor(admin);
            using var response = await client.GetAsync($"/api/trainers/{notATrainer}/stats");
            await HttpProblem.AssertAsync(response, 404);
        }

        await StatsAsync(trainer, trainer.Id);
        await StatsAsync(admin, trainer.Id);
    }

    [Theory]
    [InlineData("?from=yesterday", "from")]
    [InlineData("?to=2026-01-01T00:00:00", "to")]
    [InlineData("?from=2026-01-01T00:00:00Z&from=2026-02-01T00:00:00Z", "from")]
    [InlineData("?from=2026-06-01T00:00:00Z&to=2026-06-01T00:00:00Z", "to")]
    [InlineData("?from=2026-06-02T00:00:00Z&to=2026-06-01T00:00:00Z", "to")]
    [InlineData("?from=2020-01-01T00:00:00Z&to=2025-01-02T00:00:01Z", "to")]
    [InlineData("?from=0001-01-01T00:00:00Z", "to")]
    [InlineData("?to=0001-01-01T00:00:00Z", "to")]
    public async Task TrainerStats_WithABadQueryParameter_AnswerA400NamingIt(string query, string field)
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(trainer);

        using var response = await client.GetAsync($"/api/trainers/{trainer.Id}/stats{query}");

        var problem = await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal("Bad query parameter", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task TrainerStats_OverTheLongestRange_AreAnswered()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var to = DateTime.UtcNow.Date;

        await StatsAsync(trainer, trainer.Id, $"?from={Iso(to - ReportingPeriod.Longest)}&to={Iso(to)}");
    }

    [Fact]
    public async Task TrainerStats_OverMoreWorkshopsThanOneRequestAggregates_AnswerA422AskingForAShorterRange()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        await WorkshopTestData.ExecuteAsync(app.Database.DataSource,
            """
            INSERT INTO workshops (id, title, trainer_id, starts_at, ends_at, location, capacity, status)
            SELECT gen_random_uuid(), 'Held ' || i, @trainer, now() - interval '200 days' + i * interval '1 minute',
                   now() - interval '199 days' + i * interval '1 minute', 'Room 1', 10, 'published'
              FROM generate_series(1, @count) i
            """,
            new { trainer = trainer.Id, count = StatisticsService.MaxWorkshops + 1 });
        using var client = app.ClientFor(trainer);

        using var response = await client.GetAsync($"/api/trainers/{trainer.Id}/stats");
        var shorter = await StatsAsync(trainer, trainer.Id, $"?from={Iso(DaysAgo(150))}");

        var problem = await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "to");
        Assert.Contains("shorter", problem.GetProperty("errors").GetProperty("to")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, shorter.GetProperty("workshops").GetInt32());
    }

    [Fact]
    public async Task MyAttendance_CountsTheCallersConfirmedSeatsOfWorkshopsStartedInTheLastTwelveMonths_AndTheirLateCancellations()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var participant = await app.CreateUserAsync(Roles.Participant);
        var other = await app.CreateUserAsync(Roles.Participant);
        var data = Data;
        foreach (var (starts, mark) in new[] { (DaysAgo(60), Attended), (DaysAgo(30), Absent), (DaysAgo(2), Excused), (DaysAgo(400), Attended) })
        {
            var workshop = await data.WorkshopAsync(trainer.Id, starts);
            await data.RegisterAsync(workshop, mark, participant.Id);
            await data.RegisterAsync(workshop, Attended, other.Id);
        }

        await data.RegisterAsync(await data.WorkshopAsync(trainer.Id, DaysAgo(-10)), userId: participant.Id);
        await data.RegisterAsync(await data.WorkshopAsync(trainer.Id, DaysAgo(3), status: "draft"), Attended, participant.Id);
        await data.CancelledLateAsync(await data.WorkshopAsync(trainer.Id, DaysAgo(20)), participant.Id, DaysAgo(20).AddHours(-2));
        await data.CancelledLateAsync(await data.WorkshopAsync(trainer.Id, DaysAgo(380)), participant.Id, DaysAgo(380).AddHours(-2));
        var before = DateTime.UtcNow;

        using var client = app.ClientFor(participant);
        using var response = await client.GetAsync("/api/me/attendance");
        var after = DateTime.UtcNow;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "GET /api/me/attendance lacks Cache-Control: no-store");
        var attendance = await AppFixture.ReadJsonAsync(response);
        Assert.Equal((1, 1, 1, 1), (
            attendance.GetProperty("attended").GetInt32(), attendance.GetProperty("absent").GetInt32(),
            attendance.GetProperty("excused").GetInt32(), attendance.GetProperty("lateCancellations").GetInt32()));
        var since = attendance.GetProperty("since").GetDateTime().ToUniversalTime();
        Assert.InRange(since, before.AddYears(-1), after.AddYears(-1));
    }

    [Fact]
    public async Task MyAttendance_IsForAnySignedInCaller_AboutThemselvesOnly()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var participant = await app.CreateUserAsync(Roles.Participant);
        await Data.RegisterAsync(await Data.WorkshopAsync(trainer.Id, DaysAgo(7)), Attended, participant.Id);

        using var anonymous = await app.Client.GetAsync("/api/me/attendance");
        await HttpProblem.AssertAsync(anonymous, 401);
        foreach (var (caller, attended) in new[] { (participant, 1), (await app.CreateUserAsync(Roles.Participant), 0), (trainer, 0), (await app.CreateUserAsync(Roles.Admin), 0) })
        {
            using var client = app.ClientFor(caller);
            using var response = await client.GetAsync("/api/me/attendance");
            var answer = await AppFixture.ReadJsonAsync(response);
            Assert.Equal(attended, answer.GetProperty("attended").GetInt32());
        }
    }

    private static DateTime DaysAgo(int days) => WorkshopTestData.InDays(-days);

    private static string Iso(DateTime utc) => Uri.EscapeDataString(utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    private async Task<JsonElement> StatsAsync(TestUser caller, Guid trainerId, string query = "")
    {
        using var client = app.ClientFor(caller);
        using var response = await client.GetAsync($"/api/trainers/{trainerId}/stats{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
