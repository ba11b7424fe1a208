namespace SkillHub.Functions.Workshops;

/// <summary>
/// When a workshop takes registrations: published, and not started yet. The one definition, in C# for the
/// services and reconciliation, and as the SQL condition the seat ledger and <c>request_seat</c> apply with
/// the app's clock as a parameter (<c>@now</c>), so one test clock drives both (RegistrationWindowTests).
/// </summary>
public static class RegistrationWindow
{
    /// <summary>The same rule over a <c>workshops</c> row, with the time bound to <c>@now</c>.</summary>
    public const string SqlIsOpen = "status = 'published' AND starts_at > @now";

    public static bool IsOpen(string status, DateTime startsAt, DateTime now) =>
        status == WorkshopStatus.Published && !HasStarted(startsAt, now);

    /// <summary>From its start on, a workshop's registrations are final: no new seat, no cancellation by the participant.</summary>
    public static bool HasStarted(DateTime startsAt, DateTime now) => startsAt <= now;

    /// <summary>The instant from which a cancellation is late: <paramref name="cutoff"/> before the start (the start itself with no cutoff).</summary>
    public static DateTime CancellationDeadline(DateTime startsAt, TimeSpan cutoff) => startsAt - cutoff;

    /// <summary>A participant may no longer cancel on their own; the organiser still may, and their cancellation is marked late.</summary>
    public static bool IsLateCancellation(DateTime startsAt, TimeSpan cutoff, DateTime now) => CancellationDeadline(startsAt, cutoff) <= now;
}
