namespace SkillHub.Functions.Infrastructure.Documents;

/// <summary>BSON dates are UTC milliseconds; in-memory stores keep times exactly as MongoDB would give them back.</summary>
public static class DocumentTime
{
    public static DateTime Milliseconds(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime();
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }
}
