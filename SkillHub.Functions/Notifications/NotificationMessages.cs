using System.Net;
using System.Text;
using System.Text.Json;
using MimeKit;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Workshops;

namespace SkillHub.Functions.Notifications;

/// <summary>Who a message goes to, as the users table says when it is sent.</summary>
public sealed record Recipient(Guid Id, string Email, string DisplayName, bool Disabled, bool Reminders, bool WorkshopUpdates, bool Erased);

/// <summary>The workshop a message is about, as it stands when the message is sent.</summary>
public sealed record NotifiedWorkshop(Guid Id, string Title, DateTime StartsAt, DateTime EndsAt, string Location, string Status, string? CancelReason, int Version);

/// <summary>What a message is about, read when it is sent.</summary>
public sealed record MessageSubject(Recipient To, NotifiedWorkshop? Workshop, Registration? Registration, int? Position);

/// <summary>A message ready to send, or the reason it must not be.</summary>
public sealed record ComposedMessage(MimeMessage? Message, string? Subject, string? SkipReason)
{
    public static ComposedMessage Skip(string reason) => new(null, null, reason);
}

/// <summary>
/// Each event's message, in French: plain text and HTML from the same lines, the workshop's details
/// (dates in Paris time and UTC, location, link) and, where a date is concerned, its invitation.
/// Never a token, except the reset link in the reset message.
/// </summary>
public sealed class NotificationMessages(NotificationOptions options, SmtpOptions smtp, Auth.PasswordResetTokens resetTokens, TimeProvider clock)
{
    public static TimeSpan ResetLinkLifetime { get; } = TimeSpan.FromMinutes(30);

    public ComposedMessage Compose(PendingNotification notification, MessageSubject about)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(about);
        if (about.To.Erased)
        {
            return ComposedMessage.Skip(Users.ErasedAccount.SkipReason);
        }

        if (about.To.Disabled)
        {
            return ComposedMessage.Skip("The account is disabled.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (notification.Event == NotificationEvents.PasswordReset)
        {
            return notification.CreatedAt + ResetLinkLifetime <= now
                ? ComposedMessage.Skip("The reset link expired before it could be sent.")
                : Build(notification, about.To, PasswordReset(notification), null);
        }

        if (about.Workshop is not { } workshop || about.Registration is not { } registration)
        {
            return ComposedMessage.Skip("The workshop or the registration no longer exists.");
        }

        if (Irrelevant(notification.Event, about, now) is { } reason)
        {
            return ComposedMessage.Skip(reason);
        }

        var body = WorkshopBody(notification, about, workshop, registration);
        return Build(notification, about.To, body, body.CalendarMethod is { } method
            ? WorkshopInvitation.Create(method, registration.Id, WorkshopInvitation.Sequence(workshop.Version, registration.History.Count),
                workshop, WorkshopLink(workshop.Id), smtp.Sender.Address, about.To, now)
            : null);
    }

    public string WorkshopLink(Guid workshopId) => options.WorkshopLink(workshopId);

    /// <summary>Why a message that was right when written no longer is; null when it still is.</summary>
    private static string? Irrelevant(string @event, MessageSubject about, DateTime now) => @event switch
    {
        NotificationEvents.Reminder when !about.To.Reminders => "Reminders are turned off.",
        NotificationEvents.Reminder when about.Workshop!.Status != WorkshopStatus.Published => "The workshop is cancelled.",
        NotificationEvents.Reminder when about.Workshop!.StartsAt <= now => "The workshop has started.",
        NotificationEvents.Reminder when about.Registration!.Status != RegistrationStatus.Confirmed => "The registration is no longer confirmed.",
        NotificationEvents.WorkshopChanged when !about.To.WorkshopUpdates => "Workshop updates are turned off.",
        NotificationEvents.WorkshopChanged when about.Registration!.Status != RegistrationStatus.Confirmed => "The registration is no longer confirmed.",
        _ => null,
    };

    private MessageBody WorkshopBody(PendingNotification notification, MessageSubject about, NotifiedWorkshop workshop, Registration registration)
    {
        var title = $"« {workshop.Title} »";
        var details = Details(workshop);
        return notification.Event switch
        {
            NotificationEvents.Confirmed => new($"Inscription confirmée : {workshop.Title}",
                [$"Votre inscription à l'atelier {title} est confirmée. L'invitation jointe l'ajoute à votre agenda."], details, WorkshopInvitation.Request),
            NotificationEvents.Waitlisted => new($"Liste d'attente : {workshop.Title}",
                [about.Position is { } position
                    ? $"L'atelier {title} est complet : vous êtes sur la liste d'attente, en position {position}."
                    : $"L'atelier {title} est complet : vous êtes sur la liste d'attente.",
                 "Si une place se libère, elle vous revient automatiquement, dans l'ordre d'arrivée, et un message vous le dira."], details, null),
            NotificationEvents.Promoted => new($"Une place s'est libérée : {workshop.Title}",
                [$"Une place s'est libérée : votre inscription à l'atelier {title} est confirmée. L'invitation jointe l'ajoute à votre agenda."], details, WorkshopInvitation.Request),
            NotificationEvents.Cancelled => new($"Inscription annulée : {workshop.Title}",
                [CancelledBy(notification, registration) == registration.UserId
                    ? $"Votre inscription à l'atelier {title} est annulée, comme vous l'avez demandé."
                    : $"L'organisateur de l'atelier {title} a annulé votre inscription.",
                 "Vous pouvez vous inscrire de nouveau tant que l'atelier n'a pas commencé."], details, WorkshopInvitation.Cancel),
            NotificationEvents.WorkshopCancelled => new($"Atelier annulé : {workshop.Title}",
                [$"L'atelier {title} est annulé. Motif : {workshop.CancelReason ?? "non précisé"}.",
                 "Votre inscription est annulée ; vous n'avez rien à faire."], details, WorkshopInvitation.Cancel),
            NotificationEvents.WorkshopChanged => new($"Atelier modifié : {workshop.Title}",
                [$"L'atelier {title} a changé. Voici ses nouvelles informations ; l'invitation jointe met votre agenda à jour.",
                 Previously(notification.Data)], details, WorkshopInvitation.Request, OptOut: "les modifications d'ateliers"),
            NotificationEvents.Reminder => new($"Rappel : {workshop.Title} {ParisTime.Moment(workshop.StartsAt)}",
                [$"Rappel : l'atelier {title} commence {ParisTime.Moment(workshop.StartsAt)}. À bientôt !"], details, null, OptOut: "les rappels"),
            _ => throw new InvalidOperationException($"No message for event {notification.Event}."),
        };
    }

    private MessageBody PasswordReset(PendingNotification notification)
    {
        var resetId = JsonDocument.Parse(notification.Data).RootElement.GetProperty("resetId").GetGuid();
        var link = options.PasswordResetUrl.Replace("{token}", Uri.EscapeDataString(resetTokens.Create(resetId)), StringComparison.Ordinal);
        return new("Réinitialisation de votre mot de passe SkillHub",
            ["Quelqu'un, sans doute vous, a demandé à réinitialiser le mot de passe de votre compte SkillHub.",
             "Ce lien choisit un nouveau mot de passe ; il sert une seule fois, pendant 30 minutes :",
             "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe ne change pas."],
            [new("Lien", link, IsLink: true)], null);
    }

    private List<Detail> Details(NotifiedWorkshop workshop) =>
    [
        new("Atelier", workshop.Title),
        new("Quand", ParisTime.Span(workshop.StartsAt, workshop.EndsAt)),
        new("Lieu", workshop.Location),
        new("Page de l'atelier", WorkshopLink(workshop.Id), IsLink: true),
    ];

    private static string Previously(string data)
    {
        var previous = JsonDocument.Parse(data).RootElement;
        return $"Auparavant : {ParisTime.Span(previous.GetProperty("startsAt").GetDateTime(), previous.GetProperty("endsAt").GetDateTime())}, "
            + $"à « {previous.GetProperty("location").GetString()} ».";
    }

    private static Guid? CancelledBy(PendingNotification notification, Registration registration)
    {
        var index = JsonDocument.Parse(notification.Data).RootElement.TryGetProperty("entry", out var entry) ? entry.GetInt32() : registration.History.Count - 1;
        return index < registration.History.Count ? registration.History[index].By : null;
    }

    private ComposedMessage Build(PendingNotification notification, Recipient to, MessageBody body, string? calendar)
    {
        var message = new MimeMessage
        {
            Subject = body.Subject,
            MessageId = MessageId(notification.MessageKey),
        };
        message.From.Add(smtp.Sender);
        message.To.Add(new MailboxAddress(to.DisplayName, to.Email));
        var builder = new BodyBuilder { TextBody = Text(to, body), HtmlBody = Html(to, body) };
        if (calendar is not null && body.CalendarMethod is { } method)
        {
            var type = new ContentType("text", "calendar") { Charset = "utf-8" };
            type.Parameters.Add("method", method);
            builder.Attachments.Add(method == WorkshopInvitation.Cancel ? "annulation.ics" : "invitation.ics", Encoding.UTF8.GetBytes(calendar), type);
        }

        message.Body = builder.ToMessageBody();
        return new ComposedMessage(message, body.Subject, null);
    }

    /// <summary>The outbox key as a Message-ID: a retry after a crash carries the same one, so it can be recognised.</summary>
    private string MessageId(string key) => $"{key.Replace(':', '.')}@{smtp.Sender.Domain}";

    private static string Text(Recipient to, MessageBody body)
    {
        var text = new StringBuilder().Append("Bonjour ").Append(to.DisplayName).Append(",\n\n");
        foreach (var paragraph in body.Paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
        }

        foreach (var detail in body.Details)
        {
            text.Append(detail.Label).Append(" : ").Append(detail.Value).Append('\n');
        }

        text.Append('\n');
        if (body.OptOut is { } optOut)
        {
            text.Append("Pour ne plus recevoir ").Append(optOut).Append(", changez vos préférences de notification dans votre compte SkillHub.\n\n");
        }

        return text.Append("— SkillHub\n").ToString();
    }

    private static string Html(Recipient to, MessageBody body)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"></head><body>")
            .Append("<p>Bonjour ").Append(WebUtility.HtmlEncode(to.DisplayName)).Append(",</p>");
        foreach (var paragraph in body.Paragraphs)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
        }

        html.Append("<dl>");
        foreach (var detail in body.Details)
        {
            var value = WebUtility.HtmlEncode(detail.Value);
            html.Append("<dt>").Append(WebUtility.HtmlEncode(detail.Label)).Append("</dt><dd>")
                .Append(detail.IsLink ? $"<a href=\"{value}\">{value}</a>" : value).Append("</dd>");
        }

        html.Append("</dl>");
        if (body.OptOut is { } optOut)
        {
            html.Append("<p>Pour ne plus recevoir ").Append(WebUtility.HtmlEncode(optOut)).Append(", changez vos préférences de notification dans votre compte SkillHub.</p>");
        }

        return html.Append("<p>— SkillHub</p></body></html>").ToString();
    }

    private sealed record Detail(string Label, string Value, bool IsLink = false);

    private sealed record MessageBody(string Subject, IReadOnlyList<string> Paragraphs, IReadOnlyList<Detail> Details, string? CalendarMethod, string? OptOut = null);
}
