namespace SkillHub.Functions.Infrastructure.Documents;

/// <summary>
/// BSON dates are UTC milliseconds. A time bound for the document store is cut to that before it is
/// written, so what a write answers is what a later read returns, from MongoDB and memory alike.
/// </summary>
public static class DocumentTime
{
    public static DateTime Truncate(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime();
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }

    public static DateTime Now(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Truncate(clock.GetUtcNow().UtcDateTime);
    }
}
