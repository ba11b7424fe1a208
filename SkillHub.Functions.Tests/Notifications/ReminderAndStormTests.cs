using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Notifications;
using SkillHub.Functions.Tests.Registrations;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Notifications;

/// <summary>Reminders before a workshop starts, and a burst of cancellations promoting a long waiting list, read back from maildev.</summary>
public sealed class ReminderAndStormTests(MailAppFixture app) : IClassFixture<MailAppFixture>
{
    [Fact]
    public async Task Reminders_GoOncePerConfirmedParticipant_NotToTheWaitingCancelledOrOptedOut_NorForACancelledWorkshop()
    {
        var startsAt = DateTime.UtcNow.AddHours(3);
        var (workshopId, _) = await NotificationTestData.PublishedWorkshopAsync(app, 3, "Atelier bientôt", startsAt);
        var (cancelledId, trainer) = await NotificationTestData.PublishedWorkshopAsync(app, 3, "Atelier annulé bientôt", startsAt);
        // Both start within the reminder window already: hold their reminders until everyone has registered,
        // as if the reminder time came only now (the reminders go to whoever is confirmed at that time).
        await HoldRemindersAsync(true, workshopId, cancelledId);
        var people = await RegistrationTestData.ParticipantsAsync(app, 6);
        var (confirmed, promoted, gone, optedOut, waiting, ofCancelled) = (people[0], people[1], people[2], people[3], people[4], people[5]);
        using (var client = app.ClientFor(optedOut))
        using (var patch = new HttpRequestMessage(HttpMethod.Patch, "/api/me/notifications") { Content = AppFixture.Json(new { reminders = false }) })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(patch)).StatusCode);
        }

        foreach (var person in new[] { confirmed, gone, optedOut, promoted, waiting })
        {
            await RegistrationTestData.RegisterAsync(app, workshopId, person);
        }

        await RegistrationTestData.CancelOwnAsync(app, workshopId, gone);
        await RegistrationTestData.RegisterAsync(app, cancelledId, ofCancelled);
        using (var client = app.ClientFor(trainer))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/workshops/{cancelledId}/cancel", AppFixture.Json(new { reason = "Salle indisponible" }))).StatusCode);
        }

        await HoldRemindersAsync(false, workshopId, cancelledId);
        var sender = app.Services.GetRequiredService<NotificationSender>();
        await sender.RunAsync(CancellationToken.None);
        await sender.RunAsync(CancellationToken.None);

        foreach (var reminded in new[] { confirmed, promoted })
        {
            await NotificationTestData.WaitUntilNothingPendingAsync(app, reminded.Email);
            var reminder = Assert.Single(await Maildev.ReceivedByAsync(reminded.Email), m => m.Subject.StartsWith("Rappel : Atelier bientôt", StringComparison.Ordinal));
            Assert.Contains("(heure de Paris)", reminder.Text, StringComparison.Ordinal);
            Assert.Empty(reminder.Attachments);
        }

        foreach (var other in new[] { gone, optedOut, waiting, ofCancelled })
        {
            await NotificationTestData.WaitUntilNothingPendingAsync(app, other.Email);
            Assert.DoesNotContain(await Maildev.ReceivedByAsync(other.Email), m => m.Subject.StartsWith("Rappel", StringComparison.Ordinal));
        }
    }

    /// <summary>Marks the workshops' reminders as written (held), or as not yet written (released).</summary>
    private async Task HoldRemindersAsync(bool hold, params Guid[] workshops)
    {
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE workshops SET reminders_at = CASE WHEN @hold THEN now() END WHERE id = ANY(@workshops)", new { hold, workshops });
    }

    [Fact]
    public async Task FiftyParallelCancellations_OnAFullWorkshop_SendEachPromotedParticipantExactlyOnePromotion_AndNobodyElseOne()
    {
        const int seats = 50;
        var (workshopId, _, people) = await RegistrationTestData.FilledWorkshopAsync(app, seats, 2 * seats + 10);
        var (leaving, waiting) = (people.Take(seats).ToList(), people.Skip(seats).ToList());

        var answers = await Task.WhenAll(leaving.Select(person => RegistrationTestData.CancelOwnAsync(app, workshopId, person)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        await app.Services.GetRequiredService<NotificationSender>().RunAsync(CancellationToken.None);
        foreach (var person in waiting)
        {
            await NotificationTestData.WaitUntilNothingPendingAsync(app, person.Email);
        }

        var promotions = await Task.WhenAll(waiting.Select(async person =>
            (await Maildev.ReceivedByAsync(person.Email)).Count(m => m.Subject.StartsWith("Une place s'est libérée", StringComparison.Ordinal))));
        Assert.Equal(Enumerable.Repeat(1, seats).Concat(Enumerable.Repeat(0, waiting.Count - seats)), promotions);
        foreach (var person in leaving)
        {
            Assert.DoesNotContain(await Maildev.ReceivedByAsync(person.Email), m => m.Subject.StartsWith("Une place", StringComparison.Ordinal));
        }
    }
}
