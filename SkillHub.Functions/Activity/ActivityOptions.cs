namespace SkillHub.Functions.Activity;

/// <summary>How long the activity log keeps an entry (setting <c>Activity__RetentionDays</c>).</summary>
public sealed class ActivityOptions
{
    public const string Section = "Activity";

    /// <summary>A little over a year: a full year of audit trail, and the same weeks of the year before, to compare.</summary>
    public int RetentionDays { get; set; } = 400;

    public TimeSpan Retention => TimeSpan.FromDays(RetentionDays);

    public ActivityOptions Validate() => RetentionDays is >= 1 and <= 36_500
        ? this
        : throw new InvalidOperationException($"Activity__RetentionDays must be a whole number of days from 1 to 36500, not {RetentionDays}.");
}
