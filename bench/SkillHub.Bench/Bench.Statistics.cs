using System.Globalization;
using System.Net;
using System.Text.Json;
using Npgsql;

namespace SkillHub.Bench;

public sealed partial class Bench
{
    private const int StatisticsSeats = 50;

    /// <summary>
    /// The statistics routes over <see cref="Sizes.ListLarge"/> confirmed registrations: each of the list's
    /// participants takes a seat in one of the trainer's workshops of 50 seats; the workshops end, the
    /// trainer marks every seat through the attendance route (<see cref="AttendanceOf"/>), attendees rate
    /// (<see cref="RatingOf"/>), and the workshops are spread over the last 300 days before the trainer's
    /// figures and the participants' own are read.
    /// </summary>
    private async Task StatisticsAsync(
        HttpClient client, NpgsqlDataSource data, Guid trainer, string trainerToken, Guid[] participants, string[] participantTokens)
    {
        var count = participantTokens.Length;
        var workshops = await Seeding.WorkshopsAsync(data, (count + StatisticsSeats - 1) / StatisticsSeats, 1, StatisticsSeats, 600, "stats");
        Step($"Registering {count} participants to {workshops.Length} workshops of {StatisticsSeats} seats, marking their attendance, rating");
        var batch = await Load.CountAsync(count, 16, i =>
            SendAsync(client, HttpMethod.Post, $"api/workshops/{workshops[i / StatisticsSeats]}/registrations", participantTokens[i], HttpStatusCode.Created));
        ThrowOnFailures(batch, "registrations while filling the held workshops");

        await Seeding.HoldInThePastAsync(data, workshops, spreadDays: 1);
        var index = participants.Select((id, n) => (id, n)).ToDictionary(p => p.id, p => p.n);
        var marked = await Load.CountAsync(workshops.Length, 4, w =>
            MarkAttendanceAsync(client, workshops[w], (int)Math.Min(StatisticsSeats, count - (w * StatisticsSeats)), trainerToken, index));
        ThrowOnFailures(marked, "attendance markings");
        var rated = await Load.CountAsync(count, 16, i => RatingOf((int)i) is int rating
            ? SendAsync(client, HttpMethod.Post, $"api/workshops/{workshops[i / StatisticsSeats]}/comments", participantTokens[i], HttpStatusCode.Created,
                new { body = "Bench rating", rating })
            : Task.FromResult(true));
        ThrowOnFailures(rated, "ratings");

        await Seeding.HoldInThePastAsync(data, workshops, spreadDays: 300);
        var statsUrl = $"api/trainers/{trainer}/stats";
        await CheckStatisticsAsync(client, statsUrl, trainerToken, workshops.Length, count);
        var rows = _report.Section(
            $"Statistics over {count:N0} confirmed registrations in {workshops.Length} held workshops, attendance marked, {Enumerable.Range(0, count).Count(n => RatingOf(n) is not null):N0} ratings (requests/s; latency in ms)",
            "Route", "Concurrency", "rps", "p50", "p99");
        foreach (var concurrency in new[] { 1, 16 })
        {
            Step($"GET /api/trainers/{{id}}/stats and GET /api/me/attendance, concurrency {concurrency}");
            var stats = await Load.RepeatAsync(_sizes.Runs, () => Load.ForAsync(_sizes.Duration, concurrency, _ => GetAsync(client, statsUrl, trainerToken)));
            var attendance = await Load.RepeatAsync(_sizes.Runs, () =>
                Load.ForAsync(_sizes.Duration, concurrency, i => GetAsync(client, "api/me/attendance", participantTokens[i % count])));
            foreach (var (route, run) in new[] { ("GET /api/trainers/{id}/stats", stats), ("GET /api/me/attendance", attendance) })
            {
                rows.Add([route, concurrency.ToString(CultureInfo.InvariantCulture), Report.N(run.PerSecond, 0), Report.N(run.P50Ms, 2), Report.N(run.P99Ms, 2) + Failures(run)]);
            }
        }
    }

    /// <summary>Six in ten attend, two are absent, one is excused, one is left unmarked.</summary>
    private static string? AttendanceOf(int participant) => (participant % 10) switch
    {
        < 6 => "attended",
        < 8 => "absent",
        8 => "excused",
        _ => null,
    };

    /// <summary>One attendee in three rates, from 1 to 5.</summary>
    private static int? RatingOf(int participant) =>
        AttendanceOf(participant) == "attended" && participant % 3 == 0 ? 1 + (participant % 5) : null;

    /// <summary>Reads the workshop's confirmed seats as its trainer would, and marks them all in one request.</summary>
    private static async Task<bool> MarkAttendanceAsync(HttpClient client, Guid workshop, int seats, string trainerToken, Dictionary<Guid, int> participantIndex)
    {
        using var list = await SendForJsonAsync(client, HttpMethod.Get, $"api/workshops/{workshop}/registrations?status=confirmed&pageSize=100", trainerToken, null);
        var items = list.RootElement.GetProperty("items").EnumerateArray()
            .Select(r => new
            {
                registrationId = r.GetProperty("id").GetGuid(),
                attendance = AttendanceOf(participantIndex[r.GetProperty("user").GetProperty("id").GetGuid()]),
            })
            .ToList();
        if (items.Count != seats)
        {
            throw new InvalidOperationException($"Workshop {workshop} lists {items.Count} confirmed seats; expected {seats}.");
        }

        return await SendAsync(client, HttpMethod.Put, $"api/workshops/{workshop}/attendance", trainerToken, HttpStatusCode.OK, new { items });
    }

    /// <summary>A figure that counted the wrong workshops, seats, attendees or ratings would make every latency meaningless: the bench stops.</summary>
    private static async Task CheckStatisticsAsync(HttpClient client, string url, string token, int workshops, int confirmed)
    {
        var participants = Enumerable.Range(0, confirmed).ToList();
        var ratings = participants.Select(RatingOf).OfType<int>().ToList();
        var expected = new
        {
            workshops,
            confirmed,
            attended = participants.Count(n => AttendanceOf(n) == "attended"),
            ratings = ratings.Count,
            average = Math.Round(ratings.Average(), 2, MidpointRounding.AwayFromZero),
        };
        using var stats = await SendForJsonAsync(client, HttpMethod.Get, url, token, null);
        var root = stats.RootElement;
        var rating = root.GetProperty("rating");
        var actual = new
        {
            workshops = root.GetProperty("workshops").GetInt32(),
            confirmed = root.GetProperty("confirmed").GetInt32(),
            attended = root.GetProperty("attended").GetInt32(),
            ratings = rating.GetProperty("count").GetInt32(),
            average = rating.GetProperty("average").GetDouble(),
        };
        if (!actual.Equals(expected))
        {
            throw new InvalidOperationException($"GET {url} answered {root}; expected {expected}.");
        }
    }

    private static async Task<JsonDocument> SendForJsonAsync(HttpClient client, HttpMethod method, string url, string token, object? body)
    {
        using var request = Request(method, url, token, body);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{method} {url} answered {(int)response.StatusCode} {text}");
        }

        return JsonDocument.Parse(text);
    }

    private static void ThrowOnFailures(RunStats batch, string what)
    {
        if (batch.Failures > 0)
        {
            throw new InvalidOperationException($"{batch.Failures} {what} failed.");
        }
    }
}
