namespace SkillHub.Functions.Infrastructure.Documents;

/// <summary>
/// BSON dates are UTC milliseconds. A time bound for the document store is cut to that before it is
/// written, so what a write answers is what a later read returns, from MongoDB and memory alike.
/// </summary>
public static class DocumentTime
{
    public static DateTime Truncate(DateTime value)
    {
        var utc = Utc(value);
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }

    /// <summary>
    /// The first millisecond at or after <paramref name="value"/>: a lower bound finer than a
    /// millisecond, rounded up, admits exactly the stored times that are not before it. Sent as it
    /// is, the driver would cut it down and MongoDB would admit the millisecond before.
    /// </summary>
    public static DateTime FirstMillisecondFrom(DateTime value)
    {
        var truncated = Truncate(value);
        return truncated < Utc(value) ? truncated.AddMilliseconds(1) : truncated;
    }

    public static DateTime Now(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Truncate(clock.GetUtcNow().UtcDateTime);
    }

    private static DateTime Utc(DateTime value) =>
        value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime();
}
