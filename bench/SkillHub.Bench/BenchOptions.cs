namespace SkillHub.Bench;

/// <summary>How big each measurement is: the sizes, or small ones for a quick look.</summary>
public sealed record Sizes(
    int Workshops,
    int ContentionParticipants,
    int ContentionWorkshops,
    int ContentionSeats,
    int ListSmall,
    int ListLarge,
    int ExportRows,
    int Runs,
    TimeSpan Duration)
{
    public static Sizes Full { get; } = new(10_000, 2_000, 100, 10, 100, 10_000, 1_000_000, 5, TimeSpan.FromSeconds(2));

    public static Sizes Quick { get; } = new(1_000, 200, 10, 10, 100, 1_000, 100_000, 5, TimeSpan.FromSeconds(0.4));
}

public sealed record BenchOptions(bool Quick, string AppDll, string PgDump, string Output, string Command, string Commit)
{
    public const string Usage =
        """
        SkillHub.Bench: run by scripts/bench.sh, which sets SKILLHUB_BENCH_POSTGRES.
          --app PATH       SkillHub.Functions.dll to start (standalone host)
          --pg-dump PATH   pg_dump of the server's version
          --out PATH       where to write the results (markdown)
          --quick          small sizes, short runs
          --command TEXT   the command line to record in the results
          --commit TEXT    the commit to record in the results
        """;

    public Sizes Sizes => Quick ? Sizes.Quick : Sizes.Full;

    public static BenchOptions? Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        bool quick = false;
        string? app = null, pgDump = null, output = null, command = null, commit = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--quick": quick = true; break;
                case "--app": app = Next(); break;
                case "--pg-dump": pgDump = Next(); break;
                case "--out": output = Next(); break;
                case "--command": command = Next(); break;
                case "--commit": commit = Next(); break;
                default: return null;
            }
        }

        return app is null || pgDump is null || output is null
            ? null
            : new BenchOptions(quick, app, pgDump, output, command ?? "scripts/bench.sh", commit ?? "unknown");
    }
}
