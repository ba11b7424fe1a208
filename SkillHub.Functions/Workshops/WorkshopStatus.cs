namespace SkillHub.Functions.Workshops;

public static class WorkshopStatus
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Cancelled = "cancelled";

    public static IReadOnlyList<string> All { get; } = [Draft, Published, Cancelled];
}
