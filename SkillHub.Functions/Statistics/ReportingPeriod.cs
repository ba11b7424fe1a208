using SkillHub.Functions.Infrastructure.Http;

namespace SkillHub.Functions.Statistics;

/// <summary>The instants [From, To) whose workshop starts a statistic counts.</summary>
public sealed record ReportingPeriod(DateTime From, DateTime To)
{
    /// <summary>Five years of 365.25 days: what one request may aggregate.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(1_827);

    /// <summary>
    /// From <paramref name="from"/> (by default twelve months before the end) to <paramref name="to"/>
    /// (by default now); a range that is empty, reversed or longer than <see cref="Longest"/> is an error of <c>to</c>.
    /// </summary>
    public static ReportingPeriod Read(QueryParameters query, DateTime? from, DateTime? to, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(query);
        var end = to ?? now;
        var start = from ?? TwelveMonthsBefore(end);
        if (start >= end)
        {
            query.Fail("to", "Must be after from (to defaults to now).");
        }
        else if (end - start > Longest)
        {
            query.Fail("to", "At most 5 years (1827 days) after from: ask a shorter range.");
        }

        return new ReportingPeriod(start, end);
    }

    public static DateTime TwelveMonthsBefore(DateTime end) => end.Year > 1 ? end.AddYears(-1) : DateTime.MinValue;
}
