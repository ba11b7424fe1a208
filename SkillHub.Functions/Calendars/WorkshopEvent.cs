using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace SkillHub.Functions.Calendars;

/// <summary>
/// A workshop as one calendar event (RFC 5545). <see cref="Uid"/> names the event for good and
/// <see cref="Sequence"/> only grows, so a calendar updates the event it holds instead of adding one.
/// </summary>
public sealed record WorkshopEvent(
    string Uid, int Sequence, string Title, string Location, DateTime StartsAt, DateTime EndsAt, string Link, bool Cancelled, string? CancellationReason);

/// <summary>The one place a <c>VEVENT</c> is rendered: the e-mailed invitations, the workshop's .ics and the private feed.</summary>
public static class CalendarEvents
{
    public const string ProductId = "-//SkillHub//Ateliers//FR";

    public static CalendarEvent Render(WorkshopEvent workshop, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        return new CalendarEvent
        {
            Uid = workshop.Uid,
            Sequence = workshop.Sequence,
            Summary = workshop.Title,
            Location = workshop.Location,
            Description = workshop.CancellationReason is { } reason ? $"Atelier annulé : {reason}\n{workshop.Link}" : workshop.Link,
            Url = new Uri(workshop.Link),
            Start = new CalDateTime(Utc(workshop.StartsAt)),
            End = new CalDateTime(Utc(workshop.EndsAt)),
            DtStamp = new CalDateTime(Utc(now)),
            Status = workshop.Cancelled ? "CANCELLED" : "CONFIRMED",
        };
    }

    /// <summary>A calendar of these events; <paramref name="method"/> for an iTIP message, <paramref name="name"/> for a subscribed feed.</summary>
    public static Calendar CalendarOf(IEnumerable<CalendarEvent> events, string? method = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        var calendar = new Calendar { ProductId = ProductId };
        if (method is not null)
        {
            calendar.Method = method;
        }

        if (name is not null)
        {
            calendar.AddProperty("X-WR-CALNAME", name);
        }

        foreach (var calendarEvent in events)
        {
            calendar.Events.Add(calendarEvent);
        }

        return calendar;
    }

    public static string Serialize(Calendar calendar) =>
        new CalendarSerializer().SerializeToString(calendar) ?? throw new InvalidOperationException("The calendar did not serialize.");

    private static DateTime Utc(DateTime at) => at.Kind == DateTimeKind.Utc ? at : DateTime.SpecifyKind(at, DateTimeKind.Utc);
}
