namespace SkillHub.Functions.Comments;

/// <summary>The ratings of a workshop's shown comments: their sum and how many, so the tallies of several workshops add up.</summary>
public sealed record RatingTally(long Sum, int Count)
{
    public static readonly RatingTally None = new(0, 0);

    /// <summary>The mean rating to two decimals; null when no one rated.</summary>
    public double? Average => Count == 0 ? null : Math.Round((double)Sum / Count, 2, MidpointRounding.AwayFromZero);

    public RatingTally Add(RatingTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Sum + other.Sum, Count + other.Count);
    }
}
