namespace SkillHub.Functions.Notifications;

/// <summary>
/// Dates as a French reader expects them: Europe/Paris local time, with UTC beside it. The app runs
/// with invariant globalization, so the day and month names are written here.
/// </summary>
public static class ParisTime
{
    private static readonly string[] Days = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];

    private static readonly string[] Months =
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    /// <summary>The time zone, read from the system's time zone data; start-up fails clearly without it.</summary>
    public static TimeZoneInfo Zone { get; } = FindZone();

    /// <summary>"le mardi 3 décembre 2026 de 10:00 à 12:00 (heure de Paris), soit de 09:00 à 11:00 UTC".</summary>
    public static string Span(DateTime startsAt, DateTime endsAt)
    {
        var (start, end) = (Local(startsAt), Local(endsAt));
        var paris = start.Date == end.Date
            ? $"le {Day(start)} de {Clock(start)} à {Clock(end)}"
            : $"du {Day(start)} à {Clock(start)} au {Day(end)} à {Clock(end)}";
        var (utcStart, utcEnd) = (Utc(startsAt), Utc(endsAt));
        var utc = utcStart.Date == utcEnd.Date && utcStart.Date == start.Date
            ? $"de {Clock(utcStart)} à {Clock(utcEnd)} UTC"
            : $"du {Day(utcStart)} à {Clock(utcStart)} au {Day(utcEnd)} à {Clock(utcEnd)} UTC";
        return $"{paris} (heure de Paris), soit {utc}";
    }

    /// <summary>"le mardi 3 décembre 2026 à 10:00 (heure de Paris)".</summary>
    public static string Moment(DateTime at)
    {
        var local = Local(at);
        return $"le {Day(local)} à {Clock(local)} (heure de Paris)";
    }

    private static DateTime Local(DateTime at) => TimeZoneInfo.ConvertTimeFromUtc(Utc(at), Zone);

    private static DateTime Utc(DateTime at) => at.Kind == DateTimeKind.Utc ? at : DateTime.SpecifyKind(at, DateTimeKind.Utc);

    private static string Day(DateTime day) => $"{Days[(int)day.DayOfWeek]} {(day.Day == 1 ? "1er" : day.Day.ToString(System.Globalization.CultureInfo.InvariantCulture))} {Months[day.Month - 1]} {day.Year}";

    private static string Clock(DateTime at) => at.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (TimeZoneNotFoundException exception)
        {
            throw new InvalidOperationException("The Europe/Paris time zone is missing: install the system's time zone data (tzdata).", exception);
        }
    }
}
