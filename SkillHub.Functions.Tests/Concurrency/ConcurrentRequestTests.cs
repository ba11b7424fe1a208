using System.Net;
using Dapper;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Workshops;

namespace SkillHub.Functions.Tests.Concurrency;

/// <summary>Many parallel requests against one resource: the database decides, exactly once.</summary>
public sealed class ConcurrentRequestTests(ConcurrentRequestTests.SmallThrottleApp app) : IClassFixture<ConcurrentRequestTests.SmallThrottleApp>
{
    /// <summary>Sign-ups unthrottled, and a hashing queue that outlasts a burst: here the database alone decides.</summary>
    public sealed class SmallThrottleApp : AppFixture
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [
            new("LoginThrottle:AccountMaxFailures", "5"), new("LoginThrottle:AddressMaxFailures", "10000"),
            new("RegisterThrottle:MaxPerAddress", "10000"), new("Passwords:QueueWaitMilliseconds", "60000"),
        ];
    }

    [Fact]
    public async Task ParallelRegistrationsOfOneEmail_CreateExactlyOneAccount()
    {
        const int Attempts = 40;
        var email = $"race-{Guid.NewGuid():N}@example.test";
        var responses = await Task.WhenAll(Enumerable.Range(0, Attempts).Select(async i =>
        {
            using var client = app.CreateClient();
            // Alternate the case: uniqueness is on lower(email).
            var body = new { email = i % 2 == 0 ? email : email.ToUpperInvariant(), password = "a long enough passphrase", displayName = $"Racer {i}" };
            using var response = await client.PostAsync("/api/auth/register", AppFixture.Json(body));
            return response.StatusCode;
        }));

        Assert.Equal(1, responses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(Attempts - 1, responses.Count(s => s == HttpStatusCode.Conflict));
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM users WHERE lower(email) = lower(@email)", new { email }));
    }

    [Fact]
    public async Task ParallelPatchesWithOneETag_LetExactlyOneThrough()
    {
        const int Attempts = 30;
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var owner = app.ClientFor(trainer);
        using var created = await owner.PostAsync("/api/workshops", AppFixture.Json(WorkshopTestData.CreateBody(title: "Race workshop", capacity: 10)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await AppFixture.ReadJsonAsync(created)).GetProperty("id").GetGuid();
        var etag = created.Headers.ETag!.Tag;

        var statuses = await Task.WhenAll(Enumerable.Range(0, Attempts).Select(async i =>
        {
            using var client = app.ClientFor(trainer);
            using var request = WorkshopTestData.Patch(id, new { capacity = 11 + i }, etag);
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(Attempts - 1, statuses.Count(s => s == HttpStatusCode.PreconditionFailed));
        using var after = await owner.GetAsync($"/api/workshops/{id}");
        Assert.Equal("\"2\"", after.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task ParallelRefreshesOfOneToken_IssueOnePair_AndTheReplayRevokesIt()
    {
        const int Attempts = 20;
        var user = await app.CreateUserAsync(Roles.Participant);
        using var anonymous = app.CreateClient();
        using var login = await anonymous.PostAsync("/api/auth/login", AppFixture.Json(new { email = user.Email, password = user.Password }));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var refreshToken = (await AppFixture.ReadJsonAsync(login)).GetProperty("refreshToken").GetString();

        var results = await Task.WhenAll(Enumerable.Range(0, Attempts).Select(async _ =>
        {
            using var client = app.CreateClient();
            using var response = await client.PostAsync("/api/auth/refresh", AppFixture.Json(new { refreshToken }));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        var winners = results.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        Assert.Single(winners);
        Assert.True(Attempts - 1 == results.Count(r => r.StatusCode == HttpStatusCode.Unauthorized), string.Join("\n", results.Select(r => $"{(int)r.StatusCode} {r.Body}")));

        // The losers were replays of a spent token: the whole family, the winner's new token included, is revoked.
        var successor = System.Text.Json.JsonDocument.Parse(winners[0].Body).RootElement.GetProperty("refreshToken").GetString();
        using var replay = await anonymous.PostAsync("/api/auth/refresh", AppFixture.Json(new { refreshToken = successor }));
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
    }

    [Fact]
    public async Task ParallelWrongPasswords_LockTheAccount_EvenForTheRightPassword()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        var statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var client = app.CreateClient();
            using var response = await client.PostAsync("/api/auth/login", AppFixture.Json(new { email = user.Email, password = "not the password at all" }));
            return response.StatusCode;
        }));
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, $"Unexpected {s}"));

        using var anonymous = app.CreateClient();
        using var locked = await anonymous.PostAsync("/api/auth/login", AppFixture.Json(new { email = user.Email, password = user.Password }));
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.True(locked.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        var failures = await connection.ExecuteScalarAsync<int>(
            "SELECT failures FROM login_throttle WHERE scope = 'account' AND key = lower(@email)", new { email = user.Email });
        Assert.True(failures >= 5, $"Only {failures} failures were counted.");
    }
}
