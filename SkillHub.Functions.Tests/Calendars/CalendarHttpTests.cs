using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Json;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Notifications;
using SkillHub.Functions.Tests.Registrations;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Workshops;

namespace SkillHub.Functions.Tests.Calendars;

/// <summary>
/// The calendars over real HTTP, read as a calendar client reads them (parsed with Ical.Net): a
/// workshop's .ics, and the private feed, whose events are the e-mailed invitations' (maildev).
/// </summary>
public sealed class CalendarHttpTests(MailAppFixture app) : IClassFixture<MailAppFixture>
{
    private const string PublicUrl = "http://localhost:7071";

    private static readonly DateTime StartsAt = WorkshopTestData.InDays(12, hour: 13);

    [Fact]
    public async Task WorkshopCalendar_IsOneUtcEvent_WhoseUidStaysAndWhoseSequenceFollowsTheVersion_CancelledOnceTheWorkshopIs()
    {
        var (workshopId, trainer) = await NotificationTestData.PublishedWorkshopAsync(app, 5, "Atelier calendrier", StartsAt);
        using var anonymous = app.CreateClient();
        using var asTrainer = app.ClientFor(trainer);

        var (published, text) = await WorkshopEventAsync(anonymous, workshopId);
        using (var patch = WorkshopTestData.Patch(workshopId, new { title = "Atelier calendrier, revu" }, "*"))
        {
            Assert.Equal(HttpStatusCode.OK, (await asTrainer.SendAsync(patch)).StatusCode);
        }

        var (patched, _) = await WorkshopEventAsync(anonymous, workshopId);
        Assert.Equal(HttpStatusCode.OK, (await asTrainer.PostAsync($"/api/workshops/{workshopId}/cancel", WorkshopTestData.CancelBody("Salle indisponible"))).StatusCode);
        var (cancelled, _) = await WorkshopEventAsync(anonymous, workshopId);

        Assert.Equal($"workshop-{workshopId}@skillhub", published.Uid);
        Assert.Equal((published.Uid, published.Uid), (patched.Uid, cancelled.Uid));
        Assert.Equal([2, 3, 4], new[] { published.Sequence, patched.Sequence, cancelled.Sequence });
        Assert.Equal(("Atelier calendrier", "Atelier calendrier, revu"), (published.Summary, patched.Summary));
        Assert.Equal(("CONFIRMED", "CONFIRMED", "CANCELLED"), (published.Status, patched.Status, cancelled.Status));
        Assert.Contains("Salle indisponible", cancelled.Description, StringComparison.Ordinal);
        Assert.True(published.Start!.IsUtc && published.End!.IsUtc);
        Assert.Contains($"DTSTART:{StartsAt:yyyyMMdd'T'HHmmss}Z", text, StringComparison.Ordinal);
        Assert.Contains($"DTEND:{StartsAt.AddHours(2):yyyyMMdd'T'HHmmss}Z", text, StringComparison.Ordinal);
        Assert.Contains("PRODID:-//SkillHub//Ateliers//FR", text, StringComparison.Ordinal);
        Assert.Equal(new Uri($"{PublicUrl}/api/workshops/{workshopId}"), published.Url);
        Assert.Equal("Salle Lovelace, 3e étage", published.Location);
        Assert.NotNull(published.DtStamp);
    }

    [Theory]
    [InlineData("published", "anonymous", 200)]
    [InlineData("published", "participant", 200)]
    [InlineData("published", "other participant", 200)]
    [InlineData("published", "owner", 200)]
    [InlineData("published", "other trainer", 200)]
    [InlineData("published", "admin", 200)]
    [InlineData("draft", "anonymous", 404)]
    [InlineData("draft", "participant", 404)]
    [InlineData("draft", "owner", 200)]
    [InlineData("draft", "other trainer", 404)]
    [InlineData("draft", "admin", 200)]
    [InlineData("cancelled draft", "anonymous", 404)]
    [InlineData("cancelled draft", "owner", 200)]
    public async Task WorkshopCalendar_AnswersWhoeverMaySeeTheWorkshop_AndHidesItFromTheRestAs404(string state, string who, int expected)
    {
        var (workshopId, owner) = await NotificationTestData.PublishedWorkshopAsync(app, 5, "Atelier visible", StartsAt);
        var participant = await app.CreateUserAsync(Roles.Participant);
        Assert.Equal(HttpStatusCode.Created, (await RegistrationTestData.RegisterAsync(app, workshopId, participant)).Status);
        if (state != "published")
        {
            // As if it had never been published (a draft), and then cancelled.
            await WorkshopTestData.ExecuteAsync(app.Database.DataSource, state == "draft"
                ? "UPDATE workshops SET status = 'draft', published_at = NULL WHERE id = @workshopId"
                : "UPDATE workshops SET status = 'cancelled', cancel_reason = 'x', published_at = NULL WHERE id = @workshopId", new { workshopId });
        }

        using var client = who switch
        {
            "anonymous" => app.CreateClient(),
            "participant" => app.ClientFor(participant),
            "other participant" => app.ClientFor(await app.CreateUserAsync(Roles.Participant)),
            "owner" => app.ClientFor(owner),
            "other trainer" => app.ClientFor(await app.CreateUserAsync(Roles.Trainer)),
            _ => app.ClientFor(await app.CreateUserAsync(Roles.Admin)),
        };

        using var response = await client.GetAsync($"/api/workshops/{workshopId}/calendar.ics");

        if (expected == 404)
        {
            await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.NotFound);
            return;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(Calendar.Load(await response.Content.ReadAsStringAsync())!.Events);
    }

    [Fact]
    public async Task Feed_HoldsTheConfirmedWorkshopsInItsWindow_AndTheCancelledOnesAsCancelled_UnderTheInvitationsUidAndSequence()
    {
        var ann = await app.CreateUserAsync(Roles.Participant, displayName: "Ann");
        var confirmed = await RegisteredAsync(ann, "Confirmé", StartsAt);
        var invitation = (await NotificationTestData.InvitationAsync((await Maildev.WaitForAsync(ann.Email))[0])).Event;
        var cancelledWorkshop = await RegisteredAsync(ann, "Atelier annulé", StartsAt.AddDays(1));
        var cancelledByAnn = await RegisteredAsync(ann, "Annulé par Ann", StartsAt.AddDays(2));
        var tooFar = await RegisteredAsync(ann, "Dans plus d'un an", WorkshopTestData.InDays(370));
        var longAgo = await RegisteredAsync(ann, "Il y a longtemps", StartsAt.AddDays(3));
        var (full, _) = await NotificationTestData.PublishedWorkshopAsync(app, 1, "Complet", StartsAt.AddDays(4));
        Assert.Equal(HttpStatusCode.Created, (await RegistrationTestData.RegisterAsync(app, full, await app.CreateUserAsync(Roles.Participant))).Status);
        Assert.Equal("waitlisted", (await RegistrationTestData.RegisterAsync(app, full, ann)).Body.GetProperty("status").GetString());
        using (var trainer = app.ClientFor(cancelledWorkshop.Trainer))
        {
            Assert.Equal(HttpStatusCode.OK, (await trainer.PostAsync($"/api/workshops/{cancelledWorkshop.WorkshopId}/cancel", WorkshopTestData.CancelBody("Formateur malade"))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await RegistrationTestData.CancelOwnAsync(app, cancelledByAnn.WorkshopId, ann)).Status);
        await WorkshopTestData.ExecuteAsync(app.Database.DataSource,
            "UPDATE workshops SET starts_at = now() - interval '31 days', ends_at = now() - interval '31 days' + interval '2 hours' WHERE id = @id",
            new { id = longAgo.WorkshopId });

        var url = await CreateFeedAsync(ann);
        var (calendar, text) = await FeedAsync(url);

        Assert.Equal(
            [(WorkshopUidOf(confirmed), "CONFIRMED", "Confirmé"), (WorkshopUidOf(cancelledWorkshop), "CANCELLED", "Atelier annulé")],
            calendar.Events.Select(e => (e.Uid, e.Status, e.Summary)));
        var feedEvent = calendar.Events[0]!;
        Assert.Equal((invitation.Uid, invitation.Sequence), (feedEvent.Uid, feedEvent.Sequence));
        Assert.Contains("Formateur malade", calendar.Events[1]!.Description, StringComparison.Ordinal);
        Assert.True(feedEvent.Start!.IsUtc);
        Assert.Contains("X-WR-CALNAME:", text, StringComparison.Ordinal);
        Assert.DoesNotContain(tooFar.RegistrationId.ToString(), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_AnswersWithACalendarThatNoCacheKeeps_UnderAFileName()
    {
        var url = await CreateFeedAsync(await app.CreateUserAsync(Roles.Participant));

        using var response = await app.CreateClient().GetAsync(PathOf(url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal("skillhub.ics", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Empty(Calendar.Load(await response.Content.ReadAsStringAsync())!.Events);
    }

    [Fact]
    public async Task CreateFeed_AnswersAnUnguessableAddressUnderThePublicUrl_StoredOnlyAsItsHash()
    {
        var ann = await app.CreateUserAsync(Roles.Participant);

        var url = await CreateFeedAsync(ann);

        Assert.StartsWith($"{PublicUrl}/api/calendar/", url, StringComparison.Ordinal);
        var token = TokenOf(url);
        Assert.Equal(32, Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + "=").Length);
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        var stored = await connection.QuerySingleAsync<byte[]>("SELECT token_hash FROM calendar_feeds WHERE user_id = @id", new { id = ann.Id });
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(token)), stored);
        Assert.NotEqual(Encoding.UTF8.GetBytes(token), stored);
    }

    [Fact]
    public async Task AReplacedFeed_AUnknownToken_AMalformedOne_ARevokedFeed_AndADisabledAccountsFeed_Answer404()
    {
        var ann = await app.CreateUserAsync(Roles.Participant);
        var first = await CreateFeedAsync(ann);
        var second = await CreateFeedAsync(ann);
        using var anonymous = app.CreateClient();

        await WorkshopTestData.AssertProblemAsync(await anonymous.GetAsync(PathOf(first)), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(PathOf(second))).StatusCode);
        await WorkshopTestData.AssertProblemAsync(await anonymous.GetAsync($"/api/calendar/{OpaqueTokens.New()}.ics"), HttpStatusCode.NotFound);
        await WorkshopTestData.AssertProblemAsync(await anonymous.GetAsync("/api/calendar/not-a-token.ics"), HttpStatusCode.NotFound);

        using (var client = app.ClientFor(ann))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/me/calendar-feed")).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/me/calendar-feed")).StatusCode);
        }

        await WorkshopTestData.AssertProblemAsync(await anonymous.GetAsync(PathOf(second)), HttpStatusCode.NotFound);

        var bob = await app.CreateUserAsync(Roles.Participant);
        var bobs = await CreateFeedAsync(bob);
        await WorkshopTestData.ExecuteAsync(app.Database.DataSource, "UPDATE users SET disabled = true WHERE id = @id", new { id = bob.Id });
        await WorkshopTestData.AssertProblemAsync(await anonymous.GetAsync(PathOf(bobs)), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("anonymous", 401, 401)]
    [InlineData(Roles.Participant, 201, 204)]
    [InlineData(Roles.Trainer, 201, 204)]
    [InlineData(Roles.Admin, 201, 204)]
    public async Task FeedRoutes_AnswerEachCallerAsTheContractSays(string who, int create, int delete)
    {
        using var client = who == "anonymous" ? app.CreateClient() : app.ClientFor(await app.CreateUserAsync(who));

        using var created = await client.PostAsync("/api/me/calendar-feed", null);
        using var deleted = await client.DeleteAsync("/api/me/calendar-feed");

        Assert.Equal((create, delete), ((int)created.StatusCode, (int)deleted.StatusCode));
    }

    [Fact]
    public async Task TheFeedAddress_OpensTheOwnersFeedWhoeverHoldsIt_AndABearerTokenChangesNothing()
    {
        var ann = await app.CreateUserAsync(Roles.Participant);
        var registered = await RegisteredAsync(ann, "Le mien", StartsAt);
        var path = PathOf(await CreateFeedAsync(ann));

        foreach (var client in new[] { app.CreateClient(), app.ClientFor(ann), app.ClientFor(await app.CreateUserAsync(Roles.Participant)), app.ClientFor(await app.CreateUserAsync(Roles.Admin)) })
        {
            using (client)
            {
                using var response = await client.GetAsync(path);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal([WorkshopUidOf(registered)], Calendar.Load(await response.Content.ReadAsStringAsync())!.Events.Select(e => e.Uid));
            }
        }
    }

    [Fact]
    public async Task TheFeedToken_NeverReachesTheActivityLog_WhichRecordsTheFeedsCreationAndRevocationAgainstTheCaller()
    {
        var ann = await app.CreateUserAsync(Roles.Participant);
        var url = await CreateFeedAsync(ann);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync(PathOf(url))).StatusCode);
        using (var client = app.ClientFor(ann))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/me/calendar-feed")).StatusCode);
        }

        var entries = (await app.Services.GetRequiredService<IActivityLog>()
            .QueryAsync(new ActivityQuery(ActorId: ann.Id), new PageRequest(1, PageRequest.MaxPageSize), CancellationToken.None)).Items;

        Assert.Equal(["calendar.feed.revoke", "calendar.feed.create"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(("user", ann.Id.ToString()), (e.Target.Type, e.Target.Id)));
        var all = (await app.Services.GetRequiredService<IActivityLog>()
            .QueryAsync(new ActivityQuery(), new PageRequest(1, PageRequest.MaxPageSize), CancellationToken.None)).Items;
        Assert.DoesNotContain(TokenOf(url), JsonSerializer.Serialize(all, JsonDefaults.Options), StringComparison.Ordinal);
    }

    private async Task<(CalendarEvent Event, string Text)> WorkshopEventAsync(HttpClient client, Guid workshopId)
    {
        using var response = await client.GetAsync($"/api/workshops/{workshopId}/calendar.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal($"atelier-{workshopId}.ics", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var text = await response.Content.ReadAsStringAsync();
        return (Assert.Single(Calendar.Load(text)!.Events), text);
    }

    private async Task<(Calendar Calendar, string Text)> FeedAsync(string url)
    {
        using var response = await app.CreateClient().GetAsync(PathOf(url));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        return (Calendar.Load(text)!, text);
    }

    private async Task<string> CreateFeedAsync(TestUser user)
    {
        using var client = app.ClientFor(user);
        using var response = await client.PostAsync("/api/me/calendar-feed", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await AppFixture.ReadJsonAsync(response)).GetProperty("url").GetString()!;
    }

    /// <summary>A published workshop starting at <paramref name="startsAt"/>, and the participant confirmed to it.</summary>
    private async Task<(Guid WorkshopId, TestUser Trainer, Guid RegistrationId)> RegisteredAsync(TestUser participant, string title, DateTime startsAt)
    {
        var (workshopId, trainer) = await NotificationTestData.PublishedWorkshopAsync(app, 5, title, startsAt);
        var (status, body) = await RegistrationTestData.RegisterAsync(app, workshopId, participant);
        Assert.Equal(HttpStatusCode.Created, status);
        return (workshopId, trainer, body.GetProperty("id").GetGuid());
    }

    private static string WorkshopUidOf((Guid WorkshopId, TestUser Trainer, Guid RegistrationId) registered) => $"{registered.RegistrationId}@skillhub";

    private static string PathOf(string url) => new Uri(url).AbsolutePath;

    private static string TokenOf(string url) => PathOf(url)["/api/calendar/".Length..^".ics".Length];
}
