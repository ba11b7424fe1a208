using Ical.Net.DataTypes;
using SkillHub.Functions.Calendars;
using SkillHub.Functions.Workshops;

namespace SkillHub.Functions.Notifications;

/// <summary>
/// The calendar attachment (iTIP, RFC 5546): one event per registration, whose <c>UID</c> never changes
/// and whose <c>SEQUENCE</c> grows with every change of the workshop or of the registration, so a
/// calendar client updates or removes the event it has instead of adding a second one.
/// </summary>
public static class WorkshopInvitation
{
    public const string Request = "REQUEST";
    public const string Cancel = "CANCEL";

    public static string Uid(Guid registrationId) => $"{registrationId}@skillhub";

    /// <summary>The workshop's version plus the registration's history: both only grow, and every message-worthy change grows one.</summary>
    public static int Sequence(int workshopVersion, int historyCount) => workshopVersion + historyCount;

    public static string Create(string method, Guid registrationId, int sequence, NotifiedWorkshop workshop, string link, string organizer, Recipient attendee, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        ArgumentNullException.ThrowIfNull(attendee);
        var cancelled = method == Cancel;
        var invitation = CalendarEvents.Render(
            new WorkshopEvent(Uid(registrationId), sequence, workshop.Title, workshop.Location, workshop.StartsAt, workshop.EndsAt, link, cancelled,
                workshop.Status == WorkshopStatus.Cancelled ? workshop.CancelReason : null),
            now);
        invitation.Organizer = new Organizer($"mailto:{organizer}") { CommonName = "SkillHub" };
        invitation.Attendees.Add(new Attendee($"mailto:{attendee.Email}")
        {
            CommonName = attendee.DisplayName,
            Role = "REQ-PARTICIPANT",
            ParticipationStatus = cancelled ? "DECLINED" : "ACCEPTED",
        });
        return CalendarEvents.Serialize(CalendarEvents.CalendarOf([invitation], method));
    }
}
