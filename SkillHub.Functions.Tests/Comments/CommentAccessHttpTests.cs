using System.Net;
using SkillHub.Functions.Comments;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Workshops;

namespace SkillHub.Functions.Tests.Comments;

/// <summary>Every comment route, called by every kind of caller, over real HTTP; and the rating rule.</summary>
public sealed class CommentAccessHttpTests(AppFixture app) : IClassFixture<AppFixture>
{
    public enum Actor
    {
        Anonymous,
        Author,
        OtherParticipant,
        Owner,
        OtherTrainer,
        Admin,
    }

    private const string Published = "published";
    private const string Draft = "draft";
    private const string Changed = "Changed by the caller";

    /// <summary>Route, caller, state of the workshop, and the status the contract implies.</summary>
    public static TheoryData<string, Actor, string, int> Matrix { get; } = BuildMatrix();

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Route_AnswersEachCallerWhatTheContractSays_AndRefusalsChangeNothing(string route, Actor actor, string state, int expected)
    {
        var owner = await app.CreateUserAsync(Roles.Trainer);
        var author = await app.CreateUserAsync(Roles.Participant, displayName: "The author");
        var caller = actor switch
        {
            Actor.Anonymous => null,
            Actor.Author => author,
            Actor.Owner => owner,
            Actor.OtherParticipant => await app.CreateUserAsync(Roles.Participant),
            Actor.OtherTrainer => await app.CreateUserAsync(Roles.Trainer),
            _ => await app.CreateUserAsync(Roles.Admin),
        };
        var workshopId = await CommentTestData.WorkshopAsync(app, owner.Id, state);
        // Arranged in the store: on a draft, the author could not have posted it through the API.
        var comment = new Comment(Guid.CreateVersion7(), workshopId, new CommentAuthor(author.Id, "The author"), "Written by the author", null,
            DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(-5));
        await CommentTestData.Store(app).InsertAsync(comment, CancellationToken.None);
        var stored = await CommentTestData.FindAsync(app, comment.Id);
        using var client = caller is null ? app.CreateClient() : app.ClientFor(caller);
        using var request = route switch
        {
            "GET list" => new HttpRequestMessage(HttpMethod.Get, CommentTestData.CommentsOf(workshopId)),
            "POST" => new HttpRequestMessage(HttpMethod.Post, CommentTestData.CommentsOf(workshopId)) { Content = AppFixture.Json(new { body = "Posted by the caller" }) },
            "PATCH" => CommentTestData.Patch(workshopId, comment.Id, AppFixture.Json(new { body = Changed })),
            _ => new HttpRequestMessage(HttpMethod.Delete, CommentTestData.CommentAt(workshopId, comment.Id)),
        };

        using var response = await client.SendAsync(request);

        if (expected >= 400)
        {
            await WorkshopTestData.AssertProblemAsync(response, (HttpStatusCode)expected);
            Assert.Equal(stored, await CommentTestData.FindAsync(app, comment.Id));
            Assert.Equal(1, await CommentTestData.CountAsync(app, workshopId));
            return;
        }

        Assert.True(expected == (int)response.StatusCode, $"Expected {expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var after = await CommentTestData.FindAsync(app, comment.Id);
        switch (route)
        {
            case "GET list":
                var listed = (await AppFixture.ReadJsonAsync(response)).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid());
                Assert.Equal([comment.Id], listed);
                break;
            case "POST":
                Assert.Equal(2, await CommentTestData.CountAsync(app, workshopId));
                Assert.Equal(caller!.Id, (await AppFixture.ReadJsonAsync(response)).GetProperty("author").GetProperty("id").GetGuid());
                break;
            case "PATCH":
                Assert.Equal(Changed, after!.Body);
                break;
            default:
                Assert.Equal((true, (Guid?)caller!.Id), (after!.Hidden, after.HiddenBy));
                Assert.Equal(0, await CommentTestData.CountAsync(app, workshopId));
                break;
        }
    }

    [Fact]
    public async Task List_WithAnInvalidToken_Answers401_EvenThoughAnonymousCallersMayList()
    {
        var owner = await app.CreateUserAsync(Roles.Trainer);
        var workshopId = await CommentTestData.WorkshopAsync(app, owner.Id);
        using var client = app.CreateClient("not-a-jwt");

        using var response = await client.GetAsync(CommentTestData.CommentsOf(workshopId));

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task List_ByAnonymousCaller_OfADraftCancelledBeforeItWasPublished_Answers404()
    {
        var owner = await app.CreateUserAsync(Roles.Trainer);
        var workshopId = await WorkshopTestData.InsertAsync(app.Database.DataSource, owner.Id, status: "cancelled", neverPublished: true);

        using var response = await app.CreateClient().GetAsync(CommentTestData.CommentsOf(workshopId));

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_ByAnonymousCaller_OfAWorkshopCancelledAfterPublication_Answers200_AsItsPageStaysVisible()
    {
        var owner = await app.CreateUserAsync(Roles.Trainer);
        var workshopId = await CommentTestData.WorkshopAsync(app, owner.Id, "cancelled");

        using var response = await app.CreateClient().GetAsync(CommentTestData.CommentsOf(workshopId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // ---- the rating rule ----

    public static TheoryData<string?> NotConfirmed { get; } = [null, RegistrationStatus.Waitlisted, RegistrationStatus.Cancelled, "confirmed elsewhere"];

    [Theory]
    [MemberData(nameof(NotConfirmed))]
    public async Task Post_WithARating_WithoutAConfirmedRegistration_Answers403_AndWritesNothing(string? registration)
    {
        var (workshopId, participant) = await ParticipantAsync(registration);
        using var client = app.ClientFor(participant);

        using var response = await client.PostAsync(CommentTestData.CommentsOf(workshopId), AppFixture.Json(new { body = "Five stars", rating = 5 }));

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(0, await CommentTestData.CountAsync(app, workshopId));
    }

    [Theory]
    [MemberData(nameof(NotConfirmed))]
    public async Task Post_WithoutARating_NeedsNoRegistration(string? registration)
    {
        var (workshopId, participant) = await ParticipantAsync(registration);
        using var client = app.ClientFor(participant);

        using var response = await client.PostAsync(CommentTestData.CommentsOf(workshopId), AppFixture.Json(new { body = "Looks interesting" }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public async Task Post_WithARating_FromAnAttendee_AfterTheEnd_Answers201(int rating)
    {
        var (workshopId, participant) = await ParticipantAsync(RegistrationAttendance.Attended);
        using var client = app.ClientFor(participant);

        using var response = await client.PostAsync(CommentTestData.CommentsOf(workshopId), AppFixture.Json(new { body = "Rated", rating }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await AppFixture.ReadJsonAsync(response)).GetProperty("id").GetGuid();
        Assert.Equal(rating, (await CommentTestData.FindAsync(app, id))!.Rating);
    }

    public static TheoryData<string?> NotAttended { get; } = [RegistrationAttendance.Absent, RegistrationAttendance.Excused, null];

    [Theory]
    [MemberData(nameof(NotAttended))]
    public async Task Post_WithARating_FromAConfirmedParticipantNotMarkedAttended_AfterTheEnd_Answers403SayingSo_AndWritesNothing(string? attendance)
    {
        var (workshopId, participant) = await ParticipantAsync(null);
        var registration = await CommentTestData.RegisterAsync(app, workshopId, participant.Id, attendance: attendance);
        Assert.Equal(attendance, registration.Attendance);
        using var client = app.ClientFor(participant);

        using var response = await client.PostAsync(CommentTestData.CommentsOf(workshopId), AppFixture.Json(new { body = "Five stars", rating = 5 }));

        var problem = await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("marked as attended", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CommentTestData.CountAsync(app, workshopId));
    }

    [Fact]
    public async Task Post_WithARating_FromAnAttendee_BeforeTheEnd_Answers403SayingWhen_AndWritesNothing()
    {
        var owner = await app.CreateUserAsync(Roles.Trainer);
        // Under way: started an hour ago, ends in two; the participant checked in.
        var workshopId = await WorkshopTestData.InsertAsync(app.Database.DataSource, owner.Id, status: "published", startsAt: DateTime.UtcNow.AddHours(-1));
        var participant = await app.CreateUserAsync(Roles.Participant);
        await CommentTestData.RegisterAsync(app, workshopId, participant.Id, attendance: RegistrationAttendance.Attended);
        using var client = app.ClientFor(participant);

        using var response = await client.PostAsync(CommentTestData.CommentsOf(workshopId), AppFixture.Json(new { body = "Great so far", rating = 5 }));

        var problem = await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("once the workshop has ended", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CommentTestData.CountAsync(app, workshopId));
    }

    [Theory]
    [InlineData(Roles.Trainer)]
    [InlineData(Roles.Admin)]
    public async Task Post_WithARating_ByTheOwningTrainerOrAnAdmin_Answers403(string role)
    {
        var owner = await app.CreateUserAsync(Roles.Trainer);
        var workshopId = await CommentTestData.WorkshopAsync(app, owner.Id);
        var caller = role == Roles.Trainer ? owner : await app.CreateUserAsync(Roles.Admin);
        using var client = app.ClientFor(caller);

        using var response = await client.PostAsync(CommentTestData.CommentsOf(workshopId), AppFixture.Json(new { body = "My own workshop is great", rating = 5 }));

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(0, await CommentTestData.CountAsync(app, workshopId));
    }

    [Fact]
    public async Task Patch_AddingARating_WithoutAConfirmedRegistration_Answers403_AndChangesNothing()
    {
        var (workshopId, participant) = await ParticipantAsync(RegistrationStatus.Waitlisted);
        using var client = app.ClientFor(participant);
        var id = await CommentTestData.PostAsync(client, workshopId, "No rating yet");
        var before = await CommentTestData.FindAsync(app, id);
        using var patch = CommentTestData.Patch(workshopId, id, AppFixture.Json(new { body = "Now rated", rating = 4 }));

        using var response = await client.SendAsync(patch);

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(before, await CommentTestData.FindAsync(app, id));
    }

    [Fact]
    public async Task Patch_SendingBackTheSameRating_AfterTheRegistrationWasCancelled_Answers200()
    {
        var owner = await app.CreateUserAsync(Roles.Trainer);
        var workshopId = await CommentTestData.WorkshopAsync(app, owner.Id);
        var participant = await app.CreateUserAsync(Roles.Participant);
        var comment = new Comment(Guid.CreateVersion7(), workshopId, new CommentAuthor(participant.Id, "Test participant"), "Rated while confirmed", 4,
            DateTime.UtcNow, DateTime.UtcNow);
        await CommentTestData.Store(app).InsertAsync(comment, CancellationToken.None);
        await CommentTestData.RegisterAsync(app, workshopId, participant.Id, RegistrationStatus.Cancelled);
        using var client = app.ClientFor(participant);
        using var same = CommentTestData.Patch(workshopId, comment.Id, AppFixture.Json(new { body = "Reworded", rating = 4 }));
        using var changed = CommentTestData.Patch(workshopId, comment.Id, AppFixture.Json(new { rating = 5 }));

        using var sameResponse = await client.SendAsync(same);
        using var changedResponse = await client.SendAsync(changed);

        Assert.Equal(HttpStatusCode.OK, sameResponse.StatusCode);
        await WorkshopTestData.AssertProblemAsync(changedResponse, HttpStatusCode.Forbidden);
        Assert.Equal(("Reworded", (int?)4), ((await CommentTestData.FindAsync(app, comment.Id))!.Body, (await CommentTestData.FindAsync(app, comment.Id))!.Rating));
    }

    [Fact]
    public async Task Patch_AddingARating_FromAnAttendee_AfterTheEnd_Answers200()
    {
        var (workshopId, participant) = await ParticipantAsync(RegistrationAttendance.Attended);
        using var client = app.ClientFor(participant);
        var id = await CommentTestData.PostAsync(client, workshopId, "Rated later");
        using var patch = CommentTestData.Patch(workshopId, id, AppFixture.Json(new { rating = 2 }));

        using var response = await client.SendAsync(patch);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await AppFixture.ReadJsonAsync(response)).GetProperty("rating").GetInt32());
    }

    [Fact]
    public async Task Post_ByADisabledAccountWhoseTokenHasNotExpired_Answers401_AndWritesNothing()
    {
        var (workshopId, participant) = await ParticipantAsync(null);
        await WorkshopTestData.ExecuteAsync(app.Database.DataSource, "UPDATE users SET disabled = true WHERE id = @id", new { id = participant.Id });
        using var client = app.ClientFor(participant);

        using var response = await client.PostAsync(CommentTestData.CommentsOf(workshopId), AppFixture.Json(new { body = "Still here?" }));

        // The gate sees the account disabled (the token's session no longer admits it).
        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(0, await CommentTestData.CountAsync(app, workshopId));
    }

    /// <summary>A published workshop that has ended and a participant holding the given registration (none when null; <c>attended</c>: confirmed and marked so).</summary>
    private async Task<(Guid WorkshopId, TestUser Participant)> ParticipantAsync(string? registration)
    {
        var owner = await app.CreateUserAsync(Roles.Trainer);
        var workshopId = await CommentTestData.EndedWorkshopAsync(app, owner.Id);
        var participant = await app.CreateUserAsync(Roles.Participant);
        switch (registration)
        {
            case null:
                break;
            case RegistrationAttendance.Attended:
                await CommentTestData.RegisterAsync(app, workshopId, participant.Id, attendance: RegistrationAttendance.Attended);
                break;
            case "confirmed elsewhere":
                await CommentTestData.RegisterAsync(app, await CommentTestData.WorkshopAsync(app, owner.Id), participant.Id);
                break;
            default:
                await CommentTestData.RegisterAsync(app, workshopId, participant.Id, registration);
                break;
        }

        return (workshopId, participant);
    }

    private static TheoryData<string, Actor, string, int> BuildMatrix()
    {
        var data = new TheoryData<string, Actor, string, int>();
        foreach (var route in new[] { "GET list", "POST", "PATCH", "DELETE" })
        {
            foreach (var state in new[] { Published, Draft })
            {
                foreach (var actor in Enum.GetValues<Actor>())
                {
                    var maySee = state == Published || actor is Actor.Owner or Actor.Admin;
                    var expected = route switch
                    {
                        "GET list" => maySee ? 200 : 404,
                        _ when actor == Actor.Anonymous => 401,
                        _ when !maySee => 404,
                        "POST" => 201,
                        "PATCH" => actor == Actor.Author ? 200 : 403,
                        _ => actor is Actor.Author or Actor.Owner or Actor.Admin ? 204 : 403,
                    };
                    data.Add(route, actor, state, expected);
                }
            }
        }

        return data;
    }
}
