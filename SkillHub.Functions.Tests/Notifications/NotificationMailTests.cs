using System.Net;
using Ical.Net.DataTypes;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Notifications;
using SkillHub.Functions.Tests.Registrations;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Workshops;

namespace SkillHub.Functions.Tests.Notifications;

/// <summary>Each event's message, read back from the maildev the app really sent it to over SMTP.</summary>
public sealed class NotificationMailTests(MailAppFixture app) : IClassFixture<MailAppFixture>
{
    private static readonly DateTime StartsAt = WorkshopTestData.InDays(10, hour: 8);

    [Fact]
    public async Task Registering_SendsOneFrenchConfirmation_WithParisAndUtcTimes_TheLocation_TheLink_AndARequestInvitation()
    {
        var (workshopId, _) = await NotificationTestData.PublishedWorkshopAsync(app, 2, "Atelier SQL", StartsAt);
        var ann = await app.CreateUserAsync(Roles.Participant, displayName: "Ann");

        var (_, registration) = await RegistrationTestData.RegisterAsync(app, workshopId, ann);

        var mail = Assert.Single(await ReceivedOnceAsync(ann.Email, 1));
        Assert.Equal("Inscription confirmée : Atelier SQL", mail.Subject);
        Assert.StartsWith("Bonjour Ann,", mail.Text, StringComparison.Ordinal);
        Assert.Contains("est confirmée", mail.Text, StringComparison.Ordinal);
        Assert.Contains("(heure de Paris), soit", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"{StartsAt:HH:mm} à {StartsAt.AddHours(2):HH:mm} UTC", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Salle Lovelace, 3e étage", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"http://localhost:7071/api/workshops/{workshopId}", mail.Text, StringComparison.Ordinal);
        Assert.Contains("<p>Bonjour Ann,</p>", mail.Html, StringComparison.Ordinal);
        Assert.Contains($"registration.confirmed.{registration.GetProperty("id").GetGuid()}.0@skillhub.test", mail.MessageId, StringComparison.Ordinal);
        var (calendar, invitation) = await NotificationTestData.InvitationAsync(mail);
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal($"{registration.GetProperty("id").GetGuid()}@skillhub", invitation.Uid);
        Assert.Equal(new CalDateTime(StartsAt), invitation.Start);
        Assert.True(invitation.Start!.IsUtc);
        Assert.Equal("Salle Lovelace, 3e étage", invitation.Location);
    }

    [Fact]
    public async Task RegisteringToAFullWorkshop_SendsTheWaitingListMessage_WithThePosition_AndNoInvitation()
    {
        var (workshopId, _) = await NotificationTestData.PublishedWorkshopAsync(app, 1, "Atelier complet", StartsAt);
        var (first, second) = (await app.CreateUserAsync(Roles.Participant), await app.CreateUserAsync(Roles.Participant));
        await RegistrationTestData.RegisterAsync(app, workshopId, first);

        await RegistrationTestData.RegisterAsync(app, workshopId, second);

        var mail = Assert.Single(await ReceivedOnceAsync(second.Email, 1));
        Assert.Equal("Liste d'attente : Atelier complet", mail.Subject);
        Assert.Contains("en position 1.", mail.Text, StringComparison.Ordinal);
        Assert.Empty(mail.Attachments);
    }

    [Fact]
    public async Task CancellingAConfirmedSeat_SendsACancelToTheParticipant_AndAPromotionToTheFirstWaiting_UnderTheSameUids()
    {
        var (workshopId, _) = await NotificationTestData.PublishedWorkshopAsync(app, 1, "Atelier Git", StartsAt);
        var (leaving, waiting) = (await app.CreateUserAsync(Roles.Participant), await app.CreateUserAsync(Roles.Participant));
        await RegistrationTestData.RegisterAsync(app, workshopId, leaving);
        await RegistrationTestData.RegisterAsync(app, workshopId, waiting);
        var confirmation = (await Maildev.WaitForAsync(leaving.Email))[0];

        Assert.Equal(HttpStatusCode.OK, (await RegistrationTestData.CancelOwnAsync(app, workshopId, leaving)).Status);

        var cancelled = (await ReceivedOnceAsync(leaving.Email, 2))[1];
        Assert.Equal("Inscription annulée : Atelier Git", cancelled.Subject);
        Assert.Contains("comme vous l'avez demandé", cancelled.Text, StringComparison.Ordinal);
        var (cancelCalendar, cancelEvent) = await NotificationTestData.InvitationAsync(cancelled);
        var (_, requestEvent) = await NotificationTestData.InvitationAsync(confirmation);
        Assert.Equal("CANCEL", cancelCalendar.Method);
        Assert.Equal(requestEvent.Uid, cancelEvent.Uid);
        Assert.True(cancelEvent.Sequence > requestEvent.Sequence);

        var promoted = (await ReceivedOnceAsync(waiting.Email, 2))[1];
        Assert.Equal("Une place s'est libérée : Atelier Git", promoted.Subject);
        Assert.Equal("REQUEST", (await NotificationTestData.InvitationAsync(promoted)).Calendar.Method);
    }

    [Fact]
    public async Task TheOrganiserCancellingARegistration_TellsTheParticipantWhoCancelledIt_WithACancel()
    {
        var (workshopId, trainer) = await NotificationTestData.PublishedWorkshopAsync(app, 2, "Atelier Docker", StartsAt);
        var ann = await app.CreateUserAsync(Roles.Participant);
        var (_, registration) = await RegistrationTestData.RegisterAsync(app, workshopId, ann);

        using var client = app.ClientFor(trainer);
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/workshops/{workshopId}/registrations/{registration.GetProperty("id").GetGuid()}")).StatusCode);

        var mail = (await ReceivedOnceAsync(ann.Email, 2))[1];
        Assert.Equal("Inscription annulée : Atelier Docker", mail.Subject);
        Assert.Contains("L'organisateur de l'atelier « Atelier Docker » a annulé votre inscription.", mail.Text, StringComparison.Ordinal);
        Assert.Equal("CANCEL", (await NotificationTestData.InvitationAsync(mail)).Calendar.Method);
    }

    [Fact]
    public async Task CancellingTheWorkshop_TellsEachConfirmedAndWaitingRegistrantOnce_WithTheReason_AndNobodyElse()
    {
        var (workshopId, trainer) = await NotificationTestData.PublishedWorkshopAsync(app, 1, "Atelier annulé", StartsAt);
        var (confirmed, waiting, gone) = (await app.CreateUserAsync(Roles.Participant), await app.CreateUserAsync(Roles.Participant), await app.CreateUserAsync(Roles.Participant));
        await RegistrationTestData.RegisterAsync(app, workshopId, confirmed);
        await RegistrationTestData.RegisterAsync(app, workshopId, waiting);
        await RegistrationTestData.RegisterAsync(app, workshopId, gone);
        await RegistrationTestData.CancelOwnAsync(app, workshopId, gone);

        using var client = app.ClientFor(trainer);
        using var cancelled = await client.PostAsync($"/api/workshops/{workshopId}/cancel", AppFixture.Json(new { reason = "Formateur malade" }));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);

        foreach (var registrant in new[] { confirmed, waiting })
        {
            var mail = (await ReceivedOnceAsync(registrant.Email, 2))[1];
            Assert.Equal("Atelier annulé : Atelier annulé", mail.Subject);
            Assert.Contains("Motif : Formateur malade.", mail.Text, StringComparison.Ordinal);
            Assert.Equal("CANCEL", (await NotificationTestData.InvitationAsync(mail)).Calendar.Method);
        }

        Assert.DoesNotContain(await ReceivedOnceAsync(gone.Email, 2), m => m.Subject.StartsWith("Atelier annulé", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rescheduling_TellsConfirmedParticipantsWhoWantUpdates_WithTheSameUidAHigherSequenceAndTheNewStart()
    {
        var (workshopId, trainer) = await NotificationTestData.PublishedWorkshopAsync(app, 2, "Atelier déplacé", StartsAt);
        var (told, optedOut, waiting) = (await app.CreateUserAsync(Roles.Participant), await app.CreateUserAsync(Roles.Participant), await app.CreateUserAsync(Roles.Participant));
        using (var preferences = new HttpRequestMessage(HttpMethod.Patch, "/api/me/notifications") { Content = AppFixture.Json(new { workshopUpdates = false }) })
        {
            using var client = app.ClientFor(optedOut);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(preferences)).StatusCode);
        }

        foreach (var person in new[] { told, optedOut, waiting })
        {
            await RegistrationTestData.RegisterAsync(app, workshopId, person);
        }

        var confirmation = (await Maildev.WaitForAsync(told.Email))[0];
        var moved = StartsAt.AddDays(1);
        using (var change = new HttpRequestMessage(HttpMethod.Patch, $"/api/workshops/{workshopId}")
        {
            Content = AppFixture.Json(new { startsAt = WorkshopTestData.Timestamp(moved), endsAt = WorkshopTestData.Timestamp(moved.AddHours(2)) }),
        })
        {
            change.Headers.TryAddWithoutValidation("If-Match", "*");
            using var client = app.ClientFor(trainer);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(change)).StatusCode);
        }

        var mail = (await ReceivedOnceAsync(told.Email, 2))[1];
        Assert.Equal("Atelier modifié : Atelier déplacé", mail.Subject);
        Assert.Contains("Auparavant : le", mail.Text, StringComparison.Ordinal);
        var (calendar, updated) = await NotificationTestData.InvitationAsync(mail);
        var (_, original) = await NotificationTestData.InvitationAsync(confirmation);
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal(original.Uid, updated.Uid);
        Assert.True(updated.Sequence > original.Sequence);
        Assert.Equal(new CalDateTime(moved), updated.Start);

        Assert.DoesNotContain(await ReceivedOnceAsync(optedOut.Email, 1), m => m.Subject.StartsWith("Atelier modifié", StringComparison.Ordinal));
        Assert.DoesNotContain(await ReceivedOnceAsync(waiting.Email, 1), m => m.Subject.StartsWith("Atelier modifié", StringComparison.Ordinal));
    }

    /// <summary>
    /// Waits for <paramref name="count"/> messages and for the outbox to hold nothing pending for the
    /// address, runs one more sending pass and checks that nothing else arrived: exactly these were sent.
    /// </summary>
    private async Task<IReadOnlyList<ReceivedMail>> ReceivedOnceAsync(string address, int count)
    {
        await Maildev.WaitForAsync(address, count);
        await NotificationTestData.WaitUntilNothingPendingAsync(app, address);
        await app.Services.GetRequiredService<NotificationSender>().RunAsync(CancellationToken.None);
        var received = await Maildev.ReceivedByAsync(address);
        Assert.Equal(count, received.Count);
        return received;
    }
}
