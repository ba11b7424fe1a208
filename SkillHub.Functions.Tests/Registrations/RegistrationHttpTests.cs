using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Registrations;

/// <summary>Registration flows and their rules over real HTTP, through the standalone host.</summary>
public sealed class RegistrationHttpTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Register_WithAFreeSeat_Answers201Confirmed_WithItsHistory()
    {
        var (workshopId, _) = await RegistrationTestData.PublishedWorkshopAsync(app, capacity: 2);
        var participant = await app.CreateUserAsync(Roles.Participant);

        var (status, body) = await RegistrationTestData.RegisterAsync(app, workshopId, participant);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("confirmed", body.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("waitlistPosition").ValueKind);
        Assert.Equal(participant.Id, body.GetProperty("userId").GetGuid());
        Assert.Single(body.GetProperty("history").EnumerateArray());
        Assert.Equal(1, await RegistrationTestData.SeatsTakenAsync(app, workshopId));
    }

    [Fact]
    public async Task Register_AnswersTheRegistrationExactlyAsItIsReadBackLater()
    {
        var (workshopId, _) = await RegistrationTestData.PublishedWorkshopAsync(app, capacity: 2);
        var participant = await app.CreateUserAsync(Roles.Participant);

        var (_, answered) = await RegistrationTestData.RegisterAsync(app, workshopId, participant);
        var read = await MineAsync(participant, workshopId);

        Assert.Equal(answered.GetProperty("createdAt").GetString(), read.GetProperty("createdAt").GetString());
        Assert.Equal(answered.GetProperty("history").ToString(), read.GetProperty("history").ToString());
    }

    [Fact]
    public async Task CancellingAConfirmedSeat_PromotesTheFirstOnTheWaitingList_AtOnce()
    {
        var (workshopId, _, people) = await RegistrationTestData.FilledWorkshopAsync(app, capacity: 1, count: 3);

        var (status, cancelled) = await RegistrationTestData.CancelOwnAsync(app, workshopId, people[0]);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        var second = await MineAsync(people[1], workshopId);
        var third = await MineAsync(people[2], workshopId);
        Assert.Equal("confirmed", second.GetProperty("status").GetString());
        Assert.Equal(Registration.PromotionReason, second.GetProperty("history").EnumerateArray().Last().GetProperty("reason").GetString());
        Assert.Equal("waitlisted", third.GetProperty("status").GetString());
        Assert.Equal(1, third.GetProperty("waitlistPosition").GetInt32());
        Assert.Equal(1, await RegistrationTestData.SeatsTakenAsync(app, workshopId));
    }

    [Fact]
    public async Task RaisingTheCapacity_PromotesTheWaitingListInOrder_AndLoweringItBelowTheConfirmedIsRefused()
    {
        var (workshopId, trainer, people) = await RegistrationTestData.FilledWorkshopAsync(app, capacity: 1, count: 4);

        using var raised = await RegistrationTestData.PatchCapacityAsync(app, trainer, workshopId, 3);
        Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        Assert.Equal(3, (await AppFixture.ReadJsonAsync(raised)).GetProperty("seatsTaken").GetInt32());
        Assert.Equal("confirmed", (await MineAsync(people[1], workshopId)).GetProperty("status").GetString());
        Assert.Equal("confirmed", (await MineAsync(people[2], workshopId)).GetProperty("status").GetString());
        Assert.Equal("waitlisted", (await MineAsync(people[3], workshopId)).GetProperty("status").GetString());

        using var lowered = await RegistrationTestData.PatchCapacityAsync(app, trainer, workshopId, 2);
        Assert.Equal(HttpStatusCode.Conflict, lowered.StatusCode);
        Assert.Equal(3, await RegistrationTestData.SeatsTakenAsync(app, workshopId));
    }

    [Fact]
    public async Task CancellingTheWorkshop_CancelsEveryActiveRegistration_WithTheReasonInItsHistory()
    {
        var (workshopId, trainer, people) = await RegistrationTestData.FilledWorkshopAsync(app, capacity: 1, count: 2);

        using var client = app.ClientFor(trainer);
        using var cancelled = await client.PostAsync($"/api/workshops/{workshopId}/cancel", AppFixture.Json(new { reason = "Trainer ill" }));

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        foreach (var person in people)
        {
            var mine = await MineAsync(person, workshopId);
            Assert.Equal("cancelled", mine.GetProperty("status").GetString());
            Assert.Equal("Trainer ill", mine.GetProperty("history").EnumerateArray().Last().GetProperty("reason").GetString());
            Assert.Equal("cancelled", mine.GetProperty("workshop").GetProperty("status").GetString());
        }

        Assert.Equal(0, await RegistrationTestData.SeatsTakenAsync(app, workshopId));
    }

    [Fact]
    public async Task ACancelledParticipant_RegistersAgain_OnTheSameRegistration_WithANewHistoryEntry()
    {
        var (workshopId, _) = await RegistrationTestData.PublishedWorkshopAsync(app, capacity: 2);
        var participant = await app.CreateUserAsync(Roles.Participant);
        var (_, first) = await RegistrationTestData.RegisterAsync(app, workshopId, participant);
        await RegistrationTestData.CancelOwnAsync(app, workshopId, participant);

        var (status, again) = await RegistrationTestData.RegisterAsync(app, workshopId, participant);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(first.GetProperty("id").GetGuid(), again.GetProperty("id").GetGuid());
        Assert.Equal(new[] { "confirmed", "cancelled", "confirmed" }, again.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task WorkshopRegistrations_JoinTheUsersFromPostgres_WithSummaryAndStatusFilter()
    {
        var (workshopId, trainer, people) = await RegistrationTestData.FilledWorkshopAsync(app, capacity: 1, count: 3);

        using var client = app.ClientFor(trainer);
        using var all = await client.GetAsync($"/api/workshops/{workshopId}/registrations");
        using var waiting = await client.GetAsync($"/api/workshops/{workshopId}/registrations?status=waitlisted");

        var body = await AppFixture.ReadJsonAsync(all);
        var summary = body.GetProperty("summary");
        Assert.Equal((1, 1, 2, 0, 0), (summary.GetProperty("capacity").GetInt32(), summary.GetProperty("confirmed").GetInt32(),
            summary.GetProperty("waitlisted").GetInt32(), summary.GetProperty("cancelled").GetInt32(), summary.GetProperty("availableSeats").GetInt32()));
        Assert.Equal(workshopId, body.GetProperty("workshop").GetProperty("id").GetGuid());
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(people.Select(p => p.Email), items.Select(i => i.GetProperty("user").GetProperty("email").GetString()));
        Assert.Equal(new int?[] { null, 1, 2 }, items.Select(i => i.GetProperty("waitlistPosition").ValueKind == JsonValueKind.Null ? (int?)null : i.GetProperty("waitlistPosition").GetInt32()));
        Assert.Equal(2, (await AppFixture.ReadJsonAsync(waiting)).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task History_ListsEveryEventOldestFirst_AndMyRegistrationsCarryTheWorkshopTitle()
    {
        var (workshopId, trainer) = await RegistrationTestData.PublishedWorkshopAsync(app, capacity: 1);
        var participant = await app.CreateUserAsync(Roles.Participant);
        await RegistrationTestData.RegisterAsync(app, workshopId, participant);
        await RegistrationTestData.CancelOwnAsync(app, workshopId, participant);

        using var client = app.ClientFor(trainer);
        using var history = await client.GetAsync($"/api/workshops/{workshopId}/history");
        var events = (await AppFixture.ReadJsonAsync(history)).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(new[] { "confirmed", "cancelled" }, events.Select(e => e.GetProperty("status").GetString()));
        Assert.True(events[0].GetProperty("at").GetDateTime() <= events[1].GetProperty("at").GetDateTime());
        Assert.Equal("Registration workshop", (await MineAsync(participant, workshopId)).GetProperty("workshop").GetProperty("title").GetString());
    }

    [Fact]
    public async Task RegistrationChanges_AreInTheActivityLog_WithTheRegistrationAsTarget()
    {
        var (workshopId, trainer) = await RegistrationTestData.PublishedWorkshopAsync(app, capacity: 1);
        var people = await RegistrationTestData.ParticipantsAsync(app, 2);
        var (_, first) = await RegistrationTestData.RegisterAsync(app, workshopId, people[0]);
        var (_, second) = await RegistrationTestData.RegisterAsync(app, workshopId, people[1]);
        using (var organiser = app.ClientFor(trainer))
        {
            using var cancelled = await organiser.DeleteAsync($"/api/workshops/{workshopId}/registrations/{first.GetProperty("id").GetGuid()}");
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        }

        using var admin = app.ClientFor(await app.CreateUserAsync(Roles.Admin));
        async Task<List<JsonElement>> EntriesAsync(JsonElement registration)
        {
            using var response = await admin.GetAsync($"/api/admin/activity?targetId={registration.GetProperty("id").GetGuid()}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await AppFixture.ReadJsonAsync(response)).GetProperty("items").EnumerateArray().ToList();
        }

        var ofFirst = await EntriesAsync(first);
        var ofSecond = await EntriesAsync(second);
        Assert.Equal(new[] { "registration.cancel", "registration.create" }, ofFirst.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(trainer.Id, ofFirst[0].GetProperty("actor").GetProperty("id").GetGuid());
        Assert.Equal(people[0].Id, ofFirst[1].GetProperty("actor").GetProperty("id").GetGuid());
        Assert.Equal(new[] { "registration.promote", "registration.create" }, ofSecond.Select(e => e.GetProperty("action").GetString()));
    }

    public static TheoryData<string, string, int> AccessMatrix() => new()
    {
        // route, caller, expected status
        { "register", "anonymous", 401 }, { "register", "trainer", 403 }, { "register", "admin", 403 },
        { "list", "anonymous", 401 }, { "list", "participant", 403 }, { "list", "other trainer", 403 }, { "list", "owner", 200 }, { "list", "admin", 200 },
        { "history", "anonymous", 401 }, { "history", "participant", 403 }, { "history", "other trainer", 403 }, { "history", "owner", 200 }, { "history", "admin", 200 },
        { "cancel by id", "anonymous", 401 }, { "cancel by id", "participant", 403 }, { "cancel by id", "other trainer", 403 }, { "cancel by id", "owner", 200 },
        { "cancel mine", "anonymous", 401 }, { "cancel mine", "trainer", 403 }, { "mine", "anonymous", 401 },
    };

    [Theory]
    [MemberData(nameof(AccessMatrix))]
    public async Task RegistrationRoutes_AnswerEachCallerAsTheContractSays(string route, string caller, int expected)
    {
        var (workshopId, owner) = await RegistrationTestData.PublishedWorkshopAsync(app, capacity: 2);
        var participant = await app.CreateUserAsync(Roles.Participant);
        var (_, registration) = await RegistrationTestData.RegisterAsync(app, workshopId, participant);
        var registrationId = registration.GetProperty("id").GetGuid();
        using var client = caller switch
        {
            "anonymous" => app.CreateClient(),
            "participant" => app.ClientFor(await app.CreateUserAsync(Roles.Participant)),
            "trainer" or "other trainer" => app.ClientFor(await app.CreateUserAsync(Roles.Trainer)),
            "owner" => app.ClientFor(owner),
            _ => app.ClientFor(await app.CreateUserAsync(Roles.Admin)),
        };
        using var request = route switch
        {
            "register" => new HttpRequestMessage(HttpMethod.Post, $"/api/workshops/{workshopId}/registrations"),
            "list" => new HttpRequestMessage(HttpMethod.Get, $"/api/workshops/{workshopId}/registrations"),
            "history" => new HttpRequestMessage(HttpMethod.Get, $"/api/workshops/{workshopId}/history"),
            "cancel by id" => new HttpRequestMessage(HttpMethod.Delete, $"/api/workshops/{workshopId}/registrations/{registrationId}"),
            "cancel mine" => new HttpRequestMessage(HttpMethod.Delete, $"/api/workshops/{workshopId}/registrations/me"),
            _ => new HttpRequestMessage(HttpMethod.Get, "/api/me/registrations"),
        };

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, (int)response.StatusCode);
        var stillActive = await app.Services.GetRequiredService<IRegistrationStore>().FindByIdAsync(registrationId, CancellationToken.None);
        Assert.Equal(route == "cancel by id" && expected == 200 ? "cancelled" : "confirmed", stillActive!.Status);
    }

    [Fact]
    public async Task BadRequests_AnswerTheRight4xx_AndChangeNeitherDatabase()
    {
        var (workshopId, owner) = await RegistrationTestData.PublishedWorkshopAsync(app, capacity: 5);
        var (otherWorkshopId, _) = await RegistrationTestData.PublishedWorkshopAsync(app, capacity: 5, owner);
        var participant = await app.CreateUserAsync(Roles.Participant);
        var (_, registration) = await RegistrationTestData.RegisterAsync(app, workshopId, participant);
        var before = await SnapshotAsync(workshopId);
        using var ownerClient = app.ClientFor(owner);

        Assert.Equal(HttpStatusCode.Conflict, (await RegistrationTestData.RegisterAsync(app, workshopId, participant)).Status);
        using (var elsewhere = await ownerClient.DeleteAsync($"/api/workshops/{otherWorkshopId}/registrations/{registration.GetProperty("id").GetGuid()}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        }

        using (var malformed = await ownerClient.DeleteAsync($"/api/workshops/{workshopId}/registrations/not-a-uuid"))
        {
            Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
            Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(before, await SnapshotAsync(workshopId));

        Assert.Equal(HttpStatusCode.OK, (await RegistrationTestData.CancelOwnAsync(app, workshopId, participant)).Status);
        var afterCancel = await SnapshotAsync(workshopId);
        var (twice, problem) = await RegistrationTestData.CancelOwnAsync(app, workshopId, participant);
        Assert.Equal(HttpStatusCode.Conflict, twice);
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
        Assert.Equal(afterCancel, await SnapshotAsync(workshopId));
    }

    [Theory]
    [InlineData("draft", HttpStatusCode.NotFound)]
    [InlineData("cancelled", HttpStatusCode.Conflict)]
    [InlineData("started", HttpStatusCode.Conflict)]
    public async Task Register_ToAWorkshopThatIsNotOpen_IsRefused_AndWritesNothing(string state, HttpStatusCode expected)
    {
        var (workshopId, _) = await RegistrationTestData.PublishedWorkshopAsync(app, capacity: 5);
        await using (var connection = await app.Database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(state switch
            {
                "draft" => "UPDATE workshops SET status = 'draft' WHERE id = @workshopId",
                "cancelled" => "UPDATE workshops SET status = 'cancelled', cancel_reason = 'x' WHERE id = @workshopId",
                _ => "UPDATE workshops SET starts_at = now() - interval '1 hour', ends_at = now() + interval '1 hour' WHERE id = @workshopId",
            }, new { workshopId });
        }

        var (status, _) = await RegistrationTestData.RegisterAsync(app, workshopId, await app.CreateUserAsync(Roles.Participant));

        Assert.Equal(expected, status);
        Assert.Equal((0, new RegistrationCounts(0, 0, 0)), await SnapshotAsync(workshopId));
    }

    private async Task<(int Seats, RegistrationCounts Counts)> SnapshotAsync(Guid workshopId) =>
        (await RegistrationTestData.SeatsTakenAsync(app, workshopId),
         await app.Services.GetRequiredService<IRegistrationStore>().CountAsync(workshopId, CancellationToken.None));

    private async Task<JsonElement> MineAsync(TestUser participant, Guid workshopId)
    {
        using var client = app.ClientFor(participant);
        using var response = await client.GetAsync("/api/me/registrations?pageSize=100");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await AppFixture.ReadJsonAsync(response)).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("workshop").GetProperty("id").GetGuid() == workshopId);
    }
}
