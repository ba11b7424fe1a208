using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Infrastructure.Sql;
using SkillHub.Functions.Workshops;

namespace SkillHub.Bench;

/// <summary>
/// Every measurement, in order: start-up, read routes beside the ASP.NET Core peer
/// (bench/SkillHub.Bench.Peer) and their SQL floor, what the session check and the notification
/// outbox cost, the registration list as it grows, the statistics, contended registrations beside
/// the peer and the raw conditional UPDATE, memory after the load, and the export beside pg_dump.
/// </summary>
public sealed partial class Bench(BenchOptions options, string adminConnectionString)
{
    // Named after this run, so that two runs on one server (a test and a user) never drop each other's.
    private readonly string _apiDatabase = $"skillhub_bench_{options.RunId}_api";
    private readonly string _exportDatabase = $"skillhub_bench_{options.RunId}_export";
    private const int StartUps = 5;
    private const int ContentionConcurrency = 64;
    private static readonly int[] Concurrencies = [1, 16, 64];

    private readonly Sizes _sizes = options.Sizes;
    private readonly Report _report = new();
    private List<string[]> _duties = [];
    private readonly string _signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    public async Task<string> RunAsync()
    {
        var apiConnection = ConnectionTo(_apiDatabase);
        Step($"Database {_apiDatabase}: {_sizes.Workshops} workshops, {_sizes.ContentionParticipants + _sizes.ListLarge} participants");
        await Seeding.CreateDatabaseAsync(adminConnectionString, _apiDatabase);
        new Migrator(apiConnection, NullLogger<Migrator>.Instance).Migrate();
        await using var data = Database.CreateDataSource(apiConnection);
        var (trainers, participants) = await Seeding.UsersAsync(data, 10, _sizes.ContentionParticipants + _sizes.ListLarge);
        var workshops = await Seeding.WorkshopsAsync(data, _sizes.Workshops, trainers.Length, 20, 1, "list");
        await Seeding.AnalyzeAsync(data);
        var serverVersion = await ServerVersionAsync(data);

        var tokens = Tokens();
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = apiConnection,
            ["Jwt__SigningKey"] = _signingKey,
            ["Backup__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            ["Jwt__AccessTokenMinutes"] = "1440",
            ["SkillHub__DocumentStore"] = "memory",
            ["Logging__LogLevel__Default"] = "Warning",
            ["AZURE_FUNCTIONS_ENVIRONMENT"] = "Production",
        };

        await using var app = await StartUpAsync(environment);
        Step("Starting the peer (bench/SkillHub.Bench.Peer) on the same database and settings");
        await using var peer = await AppProcess.StartAsync(options.PeerDll, environment);
        using var client = ClientFor(app);
        using var peerClient = ClientFor(peer);

        // Tokens the app's own issuer mints, each in a session of its own, as a login would give.
        var trainerToken = tokens.Issue(trainers[0], Roles.Trainer, (await Seeding.SessionsAsync(data, [trainers[0]])).Single()).Token;
        var participantSessions = await Seeding.SessionsAsync(data, participants);
        var participantTokens = participants.Select((p, i) => tokens.Issue(p, Roles.Participant, participantSessions[i]).Token).ToArray();
        if (options.Measures("reads"))
        {
            await ReadsAsync(client, peerClient, data, workshops, new Caller(participants[^1], Roles.Participant), participantTokens[^1]);
        }

        if (options.Measures("duties") || options.Measures("contention"))
        {
            _duties = _report.Section(
                "What two of the app's duties cost, priced on the peer where each can be left out (requests/s)",
                "Duty", "With", "Without", "With / without");
        }

        if (options.Measures("duties"))
        {
            await SessionCheckCostAsync(peerClient, workshops, participantTokens[^1]);
        }

        if (options.Measures("registration-list"))
        {
            await RegistrationListAsync(client, data, trainerToken, participantTokens[_sizes.ContentionParticipants..]);
        }

        if (options.Measures("statistics"))
        {
            await StatisticsAsync(client, data, trainers[0], trainerToken, participants[_sizes.ContentionParticipants..], participantTokens[_sizes.ContentionParticipants..]);
        }

        if (options.Measures("contention"))
        {
            await ContentionAsync(client, peerClient, data, participantTokens[.._sizes.ContentionParticipants]);
        }

        if (options.Only is null)
        {
            // Memory after the whole load only: one section leaves the process in no comparable state.
            await Task.Delay(TimeSpan.FromSeconds(1));
            var rssAfterLoad = app.ResidentMegabytes();
            _report.Section("Memory", "When", "Resident (VmRSS)").Add(["after the load", Report.N(rssAfterLoad) + " MB"]);
            _report.Target("Resident memory after the load", rssAfterLoad, " MB", 200, atLeast: false);
        }

        await app.DisposeAsync();
        if (options.Measures("export"))
        {
            await ExportAsync();
        }

        var context = new (string, string)[]
        {
            ("Date (UTC)", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
            ("Commit", options.Commit),
            ("Command", $"`{options.Command}`"),
            ("Cores (nproc)", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)),
            ("Memory", MemoryTotal()),
            ("PostgreSQL", serverVersion),
            (".NET", Environment.Version.ToString()),
            ("Mode", options.Mode switch
            {
                BenchOptions.Quick => "quick (smaller sizes, shorter runs: not the issue's figures)",
                BenchOptions.Smoke => "smoke (tiny sizes, one run: proves the steps run, measures nothing)",
                _ => "full",
            } + (options.Only is { } only ? $"; start-up and {only} only" : "")),
            ("Method", $"closed-loop HttpClient workers; each figure is the median of {_sizes.Runs} runs of {_sizes.Duration.TotalSeconds:0.#} s (or of a fixed batch) after one warm-up run"),
        };
        return _report.ToMarkdown(context);
    }

    public async Task DropDatabasesAsync()
    {
        foreach (var name in new[] { _apiDatabase, _exportDatabase })
        {
            await Seeding.DropDatabaseAsync(adminConnectionString, name);
        }
    }

    private static void Step(string text) =>
        Console.WriteLine($"==> {DateTime.UtcNow:HH:mm:ss} {text}");

    private static async Task<string> ServerVersionAsync(NpgsqlDataSource data)
    {
        await using var connection = await data.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string>("SHOW server_version") ?? "unknown";
    }

    private static string MemoryTotal()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var kilobytes = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return Report.N(kilobytes / 1024.0 / 1024.0) + " GiB";
    }

    /// <summary>
    /// The app, the peer and the floor get the same pool size (<see cref="Sizes.PoolSize"/>): the
    /// three together stay below PostgreSQL's default 100 connections, and 2 cores gain nothing
    /// from more sessions; the smoke run, which the tests run beside others, takes fewer.
    /// </summary>
    private string ConnectionTo(string database) =>
        new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database, MaxPoolSize = _sizes.PoolSize }.ConnectionString;

    /// <summary>The app's own token issuer, with the key the app is started with.</summary>
    private AccessTokens Tokens() =>
        new(new JwtOptions { AccessTokenMinutes = 1440 }, new SymmetricSecurityKey(Convert.FromBase64String(_signingKey)), TimeProvider.System);

    private static HttpClient ClientFor(AppProcess server) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 256,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    {
        BaseAddress = server.BaseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>Starts the app <see cref="StartUps"/> times; the last one stays up for the load.</summary>
    private async Task<AppProcess> StartUpAsync(Dictionary<string, string> environment)
    {
        Step($"Start-up, {StartUps} times");
        var startUps = new List<double>();
        var idle = new List<double>();
        for (var i = 0; ; i++)
        {
            var app = await AppProcess.StartAsync(options.AppDll, environment);
            startUps.Add(app.StartUp.TotalMilliseconds);
            await Task.Delay(TimeSpan.FromSeconds(1));
            idle.Add(app.ResidentMegabytes());
            if (i == StartUps - 1)
            {
                var startUp = Medians.Median(startUps);
                var rss = Medians.Median(idle);
                var rows = _report.Section("Start-up", "Measure", $"Median of {StartUps}", "All runs");
                rows.Add(["Process start → first 200 of /api/health", Report.N(startUp, 0) + " ms", string.Join(", ", startUps.Select(s => Report.N(s, 0)))]);
                rows.Add(["Resident memory at idle (1 s after)", Report.N(rss) + " MB", string.Join(", ", idle.Select(s => Report.N(s, 0)))]);
                _report.Target("Start-up to first 200", startUp / 1000, " s", 1.5, atLeast: false);
                return app;
            }

            await app.DisposeAsync();
        }
    }

    /// <summary>
    /// Each read route on the app, on its ASP.NET Core peer (the same services behind minimal API
    /// endpoints and JwtBearer) and as the bare SQL the route runs (the floor), in turn.
    /// </summary>
    private async Task ReadsAsync(HttpClient app, HttpClient peer, NpgsqlDataSource data, Guid[] workshops, Caller participant, string participantToken)
    {
        var store = new WorkshopStore(data);
        var today = DateTime.UtcNow.Date;
        var query = new WorkshopQuery(today.AddDays(30), today.AddDays(300), null, Seeding.SearchWord, null, null, false);
        var listUrl = $"api/workshops?from={Iso(query.From!.Value)}&to={Iso(query.To!.Value)}&q={Seeding.SearchWord}&pageSize=20";
        var page = new PageRequest(1, 20);
        string WorkshopUrl(long i) => $"api/workshops/{workshops[i % workshops.Length]}";
        var reads = new (string Route, string Caller, Func<long, string> Url, string? Token, Func<long, Task<bool>> Floor)[]
        {
            ("GET /api/workshops?from&to&q", "anonymous", _ => listUrl, null,
                async _ => (await store.ListAsync(query, null, page, CancellationToken.None)).Items.Count == 20),
            ("GET /api/workshops/{id}", "anonymous", WorkshopUrl, null,
                async i => await store.FindVisibleAsync(workshops[i % workshops.Length], null, CancellationToken.None) is not null),
            ("GET /api/workshops/{id}", "bearer", WorkshopUrl, participantToken,
                async i => await store.FindVisibleAsync(workshops[i % workshops.Length], participant, CancellationToken.None) is not null),
        };
        var rows = _report.Section(
            "Read routes: the app, its ASP.NET Core peer and the SQL floor (requests/s; latency in ms)",
            "Route", "Caller", "Concurrency", "App rps", "App p50", "App p99", "Peer rps", "Peer p50", "Peer p99", "Floor rps", "App / peer", "App / floor");
        foreach (var read in reads)
        {
            foreach (var concurrency in Concurrencies)
            {
                Step($"{read.Route} ({read.Caller}), concurrency {concurrency}");
                var measured = await Load.AlternateAsync(
                    _sizes.Runs,
                    () => Load.ForAsync(_sizes.Duration, concurrency, i => GetAsync(app, read.Url(i), read.Token)),
                    () => Load.ForAsync(_sizes.Duration, concurrency, i => GetAsync(peer, read.Url(i), read.Token)),
                    () => Load.ForAsync(_sizes.Duration, concurrency, read.Floor));
                AddRead(rows, read.Route, read.Caller, concurrency, measured[0], measured[1], measured[2]);
            }
        }
    }

    /// <summary>
    /// What the session check costs an authenticated read, priced on the peer, whose /peer/no-session
    /// routes leave it out (the outbox is priced with the contended registrations).
    /// </summary>
    private async Task SessionCheckCostAsync(HttpClient peer, Guid[] workshops, string participantToken)
    {
        const int concurrency = 16;
        Step($"GET /api/workshops/{{id}} (bearer) on the peer, with and without the session check, concurrency {concurrency}");
        var measured = await Load.AlternateAsync(
            _sizes.Runs,
            () => Load.ForAsync(_sizes.Duration, concurrency, i => GetAsync(peer, $"api/workshops/{workshops[i % workshops.Length]}", participantToken)),
            () => Load.ForAsync(_sizes.Duration, concurrency, i => GetAsync(peer, $"peer/no-session/workshops/{workshops[i % workshops.Length]}", participantToken)));
        AddDuty("Session check (GET /api/workshops/{id}, bearer, concurrency 16)", measured[0], measured[1]);
    }

    private void AddDuty(string duty, Medians with, Medians without) =>
        _duties.Add([duty, Report.N(with.PerSecond, 0), Report.N(without.PerSecond, 0), Report.N(with.PerSecond / without.PerSecond, 2) + Failures(with, without)]);

    private void AddRead(List<string[]> rows, string route, string caller, int concurrency, Medians app, Medians peer, Medians floor)
    {
        var toPeer = app.PerSecond / peer.PerSecond;
        var toFloor = app.PerSecond / floor.PerSecond;
        rows.Add([route, caller, concurrency.ToString(CultureInfo.InvariantCulture),
            Report.N(app.PerSecond, 0), Report.N(app.P50Ms, 2), Report.N(app.P99Ms, 2),
            Report.N(peer.PerSecond, 0), Report.N(peer.P50Ms, 2), Report.N(peer.P99Ms, 2),
            Report.N(floor.PerSecond, 0), Report.N(toPeer, 2), Report.N(toFloor, 2) + Failures(app, peer, floor)]);
        if (concurrency == 16)
        {
            _report.Target($"{route} ({caller}): app / peer at concurrency 16", toPeer, "", 0.9, atLeast: true);
            if (caller == "anonymous")
            {
                _report.Target($"{route}: app / floor at concurrency 16", toFloor, "", 0.8, atLeast: true);
            }
        }
    }

    /// <summary>One workshop's registrations, read at <see cref="Sizes.ListSmall"/> then grown to <see cref="Sizes.ListLarge"/>.</summary>
    private async Task RegistrationListAsync(HttpClient client, NpgsqlDataSource data, string trainerToken, string[] participantTokens)
    {
        var workshop = (await Seeding.WorkshopsAsync(data, 1, 1, 50, 500, "roster")).Single();
        var rows = _report.Section(
            "GET /api/workshops/{id}/registrations (trainer, concurrency 1; latency in ms)",
            "Registrations", "Page", "rps", "p50", "p99");
        var registered = 0;
        var p50 = new Dictionary<string, double>();
        foreach (var total in new[] { _sizes.ListSmall, _sizes.ListLarge })
        {
            Step($"Registering {total - registered} participants to one workshop (50 seats), then reading its list");
            var from = registered;
            var batch = await Load.CountAsync(total - registered, 16, i =>
                SendAsync(client, HttpMethod.Post, $"api/workshops/{workshop}/registrations", participantTokens[from + i], HttpStatusCode.Created));
            if (batch.Failures > 0)
            {
                throw new InvalidOperationException($"{batch.Failures} registrations failed while filling the list.");
            }

            registered = total;
            var lastPage = (total + 19) / 20;
            foreach (var (name, pageNumber) in new[] { ("first", 1), ($"late ({lastPage})", lastPage) })
            {
                var url = $"api/workshops/{workshop}/registrations?page={pageNumber}&pageSize=20";
                var run = await Load.RepeatAsync(_sizes.Runs, () => Load.ForAsync(_sizes.Duration, 1, _ => GetAsync(client, url, trainerToken)));
                rows.Add([total.ToString("N0", CultureInfo.InvariantCulture), name, Report.N(run.PerSecond, 0), Report.N(run.P50Ms, 2), Report.N(run.P99Ms, 2) + Failures(run)]);
                p50[$"{total}:{(pageNumber == 1 ? "first" : "late")}"] = run.P50Ms;
            }
        }

        foreach (var which in new[] { "first", "late" })
        {
            _report.Target(
                $"Registration list p50, {which} page: {_sizes.ListLarge} / {_sizes.ListSmall} registrations",
                p50[$"{_sizes.ListLarge}:{which}"] / p50[$"{_sizes.ListSmall}:{which}"], "x", 1.3, atLeast: false);
        }
    }

    /// <summary>
    /// Participants register to a few small workshops at once, on the app, on the peer, on the peer
    /// without the notification outbox, and as the raw conditional UPDATE; fresh workshops for every run.
    /// </summary>
    private async Task ContentionAsync(HttpClient app, HttpClient peer, NpgsqlDataSource data, string[] participantTokens)
    {
        var count = _sizes.ContentionParticipants;
        var size = _sizes.ContentionWorkshops;
        Step($"POST registrations: {count} participants, {size} workshops of {_sizes.ContentionSeats} seats, concurrency {ContentionConcurrency}");
        var round = 0;
        async Task<Guid[]> FreshWorkshopsAsync(string side) =>
            await Seeding.WorkshopsAsync(data, size, 10, _sizes.ContentionSeats, 400, $"contention-{side}-{round++}-");

        Func<Task<RunStats>> Posting(string side, HttpClient client, string prefix) => async () =>
        {
            var workshops = await FreshWorkshopsAsync(side);
            return await Load.CountAsync(count, ContentionConcurrency, i =>
                SendAsync(client, HttpMethod.Post, $"{prefix}/workshops/{workshops[i % size]}/registrations", participantTokens[i], HttpStatusCode.Created));
        };

        async Task<RunStats> FloorAsync()
        {
            var workshops = await FreshWorkshopsAsync("floor");
            return await Load.CountAsync(count, ContentionConcurrency, async i =>
            {
                // The one statement the saga's guarantee rests on (see request_seat in sql/0009).
                await using var connection = await data.OpenConnectionAsync();
                await connection.ExecuteAsync(
                    "UPDATE workshops SET seats_taken = seats_taken + 1 WHERE id = @id AND status = 'published' AND seats_taken < capacity",
                    new { id = workshops[i % size] });
                return true;
            });
        }

        var measured = await Load.AlternateAsync(
            _sizes.Runs, Posting("app", app, "api"), Posting("peer", peer, "api"), Posting("peer-no-outbox", peer, "peer/no-outbox"), FloorAsync);
        var (onApp, onPeer, withoutOutbox, floor) = (measured[0], measured[1], measured[2], measured[3]);
        string[] Row(string side, Medians m) => [side, Report.N(m.PerSecond, 0), Report.N(m.P50Ms, 2), Report.N(m.P99Ms, 2) + Failures(m)];
        _report.Section(
            $"POST /api/workshops/{{id}}/registrations under contention ({count} participants, {size} workshops of {_sizes.ContentionSeats} seats, concurrency {ContentionConcurrency})",
            "Side", "Registrations/s", "p50 (ms)", "p99 (ms)")
            .AddRange([
                Row("App (POST)", onApp),
                Row("Peer (POST, ASP.NET Core minimal API)", onPeer),
                Row("Floor (raw conditional UPDATE)", floor),
                ["App / peer", Report.N(onApp.PerSecond / onPeer.PerSecond, 2), "", ""],
                ["App / floor", Report.N(onApp.PerSecond / floor.PerSecond, 2), "", ""],
            ]);
        AddDuty($"Notification outbox (contended POST registrations, concurrency {ContentionConcurrency})", onPeer, withoutOutbox);
        _report.Target("Contended registrations: app / peer", onApp.PerSecond / onPeer.PerSecond, "", 0.8, atLeast: true);
        _report.Target("Contended registrations: app / raw UPDATE", onApp.PerSecond / floor.PerSecond, "", 0.5, atLeast: true);
    }

    /// <summary>The app's export (PostgresExport) and pg_dump of the same database, alternately.</summary>
    private async Task ExportAsync()
    {
        var connection = ConnectionTo(_exportDatabase);
        Step($"Database {_exportDatabase}: {_sizes.ExportRows:N0} rows");
        await Seeding.CreateDatabaseAsync(adminConnectionString, _exportDatabase);
        new Migrator(connection, NullLogger<Migrator>.Instance).Migrate();
        await using var data = Database.CreateDataSource(connection);
        var rows = await Seeding.ExportRowsAsync(data, _sizes.ExportRows);
        var folder = Directory.CreateTempSubdirectory("skillhub-bench-");
        try
        {
            var target = Path.Combine(folder.FullName, "dump.sql");
            var export = new PostgresExport(data);
            var app = new List<(double Seconds, long Bytes)>();
            var dump = new List<(double Seconds, long Bytes)>();
            for (var run = 0; run <= _sizes.Runs; run++)
            {
                Step($"Export run {run} of {_sizes.Runs} (0 is the warm-up)");
                var exported = await TimeAsync(target, async () =>
                {
                    await using var file = File.Create(target);
                    await export.ExportAsync(file, CancellationToken.None);
                });
                var dumped = await TimeAsync(target, () => PgDumpAsync(connection, target));
                if (run > 0)
                {
                    app.Add(exported);
                    dump.Add(dumped);
                }
            }

            var section = _report.Section($"Backup export of {rows:N0} rows", "Tool", "Seconds (median)", "MB", "MB/s");
            var appSeconds = Medians.Median(app.Select(r => r.Seconds));
            var dumpSeconds = Medians.Median(dump.Select(r => r.Seconds));
            foreach (var (tool, seconds, bytes) in new[] { ("App (PostgresExport)", appSeconds, app[^1].Bytes), ("pg_dump (plain)", dumpSeconds, dump[^1].Bytes) })
            {
                section.Add([tool, Report.N(seconds, 2), Report.N(bytes / 1e6), Report.N(bytes / 1e6 / seconds)]);
            }

            _report.Target("Export time: pg_dump / app (≥ 1 means at least as fast)", dumpSeconds / appSeconds, "", 1.0, atLeast: true);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(double Seconds, long Bytes)> TimeAsync(string target, Func<Task> action)
    {
        var started = Stopwatch.GetTimestamp();
        await action();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var bytes = new FileInfo(target).Length;
        File.Delete(target);
        return (seconds, bytes);
    }

    /// <summary>pg_dump in plain format; the password goes through PGPASSWORD, never the command line.</summary>
    private async Task PgDumpAsync(string connectionString, string target)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var info = new ProcessStartInfo(options.PgDump)
        {
            ArgumentList = { "--no-password", "-h", builder.Host!, "-p", builder.Port.ToString(CultureInfo.InvariantCulture), "-U", builder.Username!, "-f", target, builder.Database! },
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["PGPASSWORD"] = builder.Password;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("pg_dump did not start.");
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_dump failed ({process.ExitCode}): {errors}");
        }
    }

    private static Task<bool> GetAsync(HttpClient client, string url, string? token) =>
        SendAsync(client, HttpMethod.Get, url, token, HttpStatusCode.OK);

    private static async Task<bool> SendAsync(HttpClient client, HttpMethod method, string url, string? token, HttpStatusCode expected, object? body = null)
    {
        using var request = Request(method, url, token, body);
        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == expected;
    }

    private static HttpRequestMessage Request(HttpMethod method, string url, string? token, object? body)
    {
        var request = new HttpRequestMessage(method, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    private static string Failures(params Medians[] measures) =>
        measures.Sum(m => m.Failures) is var failed and > 0 ? $" ({failed} failed requests)" : "";

    private static string Iso(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
