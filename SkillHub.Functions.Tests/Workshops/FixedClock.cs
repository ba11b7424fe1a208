namespace SkillHub.Functions.Tests.Workshops;

/// <summary>A clock that always reads the same instant.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
