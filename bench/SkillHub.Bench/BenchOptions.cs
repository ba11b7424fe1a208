namespace SkillHub.Bench;

/// <summary>How big each measurement is: the sizes, small ones for a quick look, or tiny ones that only prove every step runs.</summary>
public sealed record Sizes(
    int Workshops,
    int ContentionParticipants,
    int ContentionWorkshops,
    int ContentionSeats,
    int ListSmall,
    int ListLarge,
    int ExportRows,
    int Runs,
    TimeSpan Duration,
    int PoolSize)
{
    public static Sizes Full { get; } = new(10_000, 2_000, 100, 10, 100, 10_000, 1_000_000, 5, TimeSpan.FromSeconds(2), 24);

    public static Sizes Quick { get; } = new(1_000, 200, 10, 10, 100, 1_000, 100_000, 5, TimeSpan.FromSeconds(0.4), 24);

    public static Sizes Smoke { get; } = new(200, 40, 4, 10, 60, 200, 2_000, 1, TimeSpan.FromSeconds(0.1), 8);
}

public sealed record BenchOptions(string Mode, string AppDll, string PeerDll, string PgDump, string Output, string Command, string Commit, string RunId, string? Only = null)
{
    public const string Usage =
        """
        SkillHub.Bench: run by scripts/bench.sh, which sets SKILLHUB_BENCH_POSTGRES.
          --app PATH       SkillHub.Standalone.dll to start (the standalone host)
          --peer PATH      SkillHub.Bench.Peer.dll to start beside it (the ASP.NET Core minimal API peer)
          --pg-dump PATH   pg_dump of the server's version
          --out PATH       where to write the results (markdown)
          --quick          small sizes, short runs
          --smoke          tiny sizes, one run each: proves every step works, measures nothing
          --command TEXT   the command line to record in the results
          --commit TEXT    the commit to record in the results
          --run-id ID      names this run's databases skillhub_bench_ID_* (lowercase letters and digits)
          --only SECTION   start-up and one section only, for a profile: reads, duties, registration-list,
                           statistics, contention or export
        """;

    public const string Full = "full";
    public const string Quick = "quick";
    public const string Smoke = "smoke";

    /// <summary>The sections <c>--only</c> may name, in the order a whole run measures them.</summary>
    public static IReadOnlyList<string> Sections { get; } = ["reads", "duties", "registration-list", "statistics", "contention", "export"];

    /// <summary>Whether this run measures <paramref name="section"/>.</summary>
    public bool Measures(string section) => Only is null || Only == section;

    public Sizes Sizes => Mode switch
    {
        Quick => Sizes.Quick,
        Smoke => Sizes.Smoke,
        _ => Sizes.Full,
    };

    public static BenchOptions? Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var mode = Full;
        string? app = null, peer = null, pgDump = null, output = null, command = null, commit = null, only = null;
        var runId = "run";
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--quick": mode = Quick; break;
                case "--smoke": mode = Smoke; break;
                case "--app": app = Next(); break;
                case "--peer": peer = Next(); break;
                case "--pg-dump": pgDump = Next(); break;
                case "--out": output = Next(); break;
                case "--command": command = Next(); break;
                case "--commit": commit = Next(); break;
                case "--run-id": runId = Next(); break;
                case "--only": only = Next(); break;
                default: return null;
            }
        }

        return app is null || peer is null || pgDump is null || output is null || !runId.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
               || (only is not null && !Sections.Contains(only))
            ? null
            : new BenchOptions(mode, app, peer, pgDump, output, command ?? "scripts/bench.sh", commit ?? "unknown", runId, only);
    }
}
