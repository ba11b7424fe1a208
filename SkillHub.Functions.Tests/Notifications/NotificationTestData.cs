using System.Net;
using Dapper;
using Ical.Net;
using Ical.Net.CalendarComponents;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Workshops;

namespace SkillHub.Functions.Tests.Notifications;

/// <summary>The app sending through the maildev that scripts/test.sh starts.</summary>
public class MailAppFixture : AppFixture
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => Maildev.SmtpSettings;
}

/// <summary>Workshops made for mail tests, and what maildev received about them.</summary>
internal static class NotificationTestData
{
    public static async Task<(Guid Id, TestUser Trainer)> PublishedWorkshopAsync(AppFixture app, int capacity, string title, DateTime startsAt)
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(trainer);
        var body = WorkshopTestData.CreateBody(title: title, capacity: capacity);
        body["startsAt"] = WorkshopTestData.Timestamp(startsAt);
        body["endsAt"] = WorkshopTestData.Timestamp(startsAt.AddHours(2));
        body["location"] = "Salle Lovelace, 3e étage";
        using var created = await client.PostAsync("/api/workshops", AppFixture.Json(body));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await AppFixture.ReadJsonAsync(created)).GetProperty("id").GetGuid();
        using var published = await client.PostAsync($"/api/workshops/{id}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return (id, trainer);
    }

    /// <summary>The single calendar attachment of a message, parsed.</summary>
    public static async Task<(Calendar Calendar, CalendarEvent Event)> InvitationAsync(ReceivedMail mail)
    {
        var attachment = Assert.Single(mail.Attachments);
        Assert.Equal("text/calendar", attachment.ContentType);
        var calendar = Calendar.Load(await Maildev.AttachmentAsync(mail, attachment)) ?? throw new InvalidOperationException("No calendar.");
        return (calendar, Assert.Single(calendar.Events));
    }

    /// <summary>The outbox rows of one recipient: event and status.</summary>
    public static async Task<List<(string Event, string Status)>> OutboxAsync(AppFixture app, string recipient)
    {
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<(string, string)>(
            "SELECT event, status FROM notifications WHERE recipient = @recipient ORDER BY created_at", new { recipient })).AsList();
    }

    /// <summary>Waits (at most 30 s) until no message to <paramref name="recipient"/> is pending: each was sent, skipped or failed.</summary>
    public static async Task WaitUntilNothingPendingAsync(AppFixture app, string recipient)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<(string Event, string Status)> rows;
        while ((rows = await OutboxAsync(app, recipient)).Any(r => r.Status == "pending") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.DoesNotContain(rows, r => r.Status == "pending");
    }
}
