using System.Diagnostics;

namespace SkillHub.Bench;

/// <summary>One run of a load: throughput and latency percentiles.</summary>
public sealed record RunStats(double PerSecond, double P50Ms, double P99Ms, long Operations, long Failures);

/// <summary>The median of each figure over the repeated runs of one measurement.</summary>
public sealed record Medians(double PerSecond, double P50Ms, double P99Ms, long Failures, int Runs)
{
    public static Medians Of(IReadOnlyList<RunStats> runs) => new(
        Median(runs.Select(r => r.PerSecond)),
        Median(runs.Select(r => r.P50Ms)),
        Median(runs.Select(r => r.P99Ms)),
        runs.Sum(r => r.Failures),
        runs.Count);

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>
/// A closed-loop load generator: <c>concurrency</c> workers each start the next operation as soon as
/// their previous one is answered, and every operation's latency is taken with Stopwatch timestamps.
/// </summary>
public static class Load
{
    /// <summary>Operations for a fixed time; each gets a sequence number.</summary>
    public static Task<RunStats> ForAsync(TimeSpan duration, int concurrency, Func<long, Task<bool>> operation)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return RunAsync(concurrency, _ => Stopwatch.GetTimestamp() < stopAt, operation);
    }

    /// <summary>Exactly <paramref name="count"/> operations, numbered 0 to count - 1, shared by the workers.</summary>
    public static Task<RunStats> CountAsync(long count, int concurrency, Func<long, Task<bool>> operation) =>
        RunAsync(concurrency, sequence => sequence < count, operation);

    /// <summary>Runs a measurement <paramref name="runs"/> times after one warm-up run, and keeps the medians.</summary>
    public static async Task<Medians> RepeatAsync(int runs, Func<Task<RunStats>> run) =>
        (await AlternateAsync(runs, run))[0];

    /// <summary>
    /// Several sides of one measurement (the app, its peer, the floor...), run in turn (one warm-up
    /// round, then <paramref name="runs"/> rounds), so that whatever else the machine does weighs on
    /// all alike; the medians in the order of the sides.
    /// </summary>
    public static async Task<IReadOnlyList<Medians>> AlternateAsync(int runs, params Func<Task<RunStats>>[] sides)
    {
        ArgumentNullException.ThrowIfNull(sides);
        var measured = sides.Select(_ => new List<RunStats>(runs)).ToArray();
        for (var round = 0; round <= runs; round++)
        {
            for (var side = 0; side < sides.Length; side++)
            {
                var run = await sides[side]();
                if (round > 0)
                {
                    measured[side].Add(run);
                }
            }
        }

        return [.. measured.Select(Medians.Of)];
    }

    private static async Task<RunStats> RunAsync(int concurrency, Func<long, bool> more, Func<long, Task<bool>> operation)
    {
        long next = -1;
        long failures = 0;
        var latencies = new List<long>[concurrency];
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            await Task.Yield();
            var mine = latencies[worker] = new List<long>(4096);
            while (true)
            {
                var sequence = Interlocked.Increment(ref next);
                if (!more(sequence))
                {
                    return;
                }

                var begin = Stopwatch.GetTimestamp();
                var ok = await operation(sequence);
                mine.Add(Stopwatch.GetTimestamp() - begin);
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new RunStats(all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), all.Length, failures);
    }

    private static double Percentile(long[] sortedTicks, double quantile)
    {
        if (sortedTicks.Length == 0)
        {
            return double.NaN;
        }

        var index = (int)Math.Ceiling(quantile * sortedTicks.Length) - 1;
        return sortedTicks[Math.Clamp(index, 0, sortedTicks.Length - 1)] * 1000.0 / Stopwatch.Frequency;
    }
}
