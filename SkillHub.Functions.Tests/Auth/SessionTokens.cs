using System.Net;
using Dapper;
using Npgsql;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Auth;

/// <summary>Logging in, refreshing, and waiting (boundedly) for a token to stop working, over real HTTP.</summary>
internal static class SessionTokens
{
    /// <summary>How soon the contract says an ended session's access tokens stop working, on every instance.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public static async Task<(string AccessToken, string RefreshToken)> LoginAsync(HttpClient client, string email, string password)
    {
        var response = await client.PostAsync("/api/auth/login", AppFixture.Json(new { email, password }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await AppFixture.ReadJsonAsync(response);
        return (body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
    }

    public static Task<HttpResponseMessage> RefreshAsync(HttpClient client, string refreshToken) =>
        client.PostAsync("/api/auth/refresh", AppFixture.Json(new { refreshToken }));

    public static async Task PatchUserAsync(HttpClient admin, Guid userId, object change)
    {
        using (admin)
        {
            var response = await admin.PatchAsync($"/api/users/{userId}", AppFixture.Json(change));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>Asks for <paramref name="path"/> until the answer is a 401 problem; fails if it is not one within <see cref="Bound"/>.</summary>
    public static async Task AssertTurns401Async(HttpClient client, string path)
    {
        var deadline = DateTime.UtcNow + Bound;
        HttpResponseMessage response;
        while ((response = await client.GetAsync(path)).StatusCode != HttpStatusCode.Unauthorized && DateTime.UtcNow < deadline)
        {
            await Task.Delay(Poll);
        }

        await HttpProblem.AssertAsync(response, 401);
    }

    /// <summary>
    /// The backends of the apps' session listeners on this database once at least <paramref name="count"/>
    /// of them (not among <paramref name="except"/>) have run their LISTEN; fails if they have not within <see cref="Bound"/>.
    /// </summary>
    public static async Task<IReadOnlyList<int>> WhenListeningAsync(string connectionString, int count, IReadOnlyList<int>? except = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow + Bound;
        while (true)
        {
            // After its LISTEN, a listener's only statement is its liveness probe.
            var listeners = (await connection.QueryAsync<int>(
                """
                SELECT pid FROM pg_stat_activity
                 WHERE datname = current_database() AND application_name = 'skillhub-session-listener'
                   AND (query ILIKE 'LISTEN %' OR query = 'SELECT 1') AND NOT pid = ANY(@except)
                """,
                new { except = (except ?? []).ToArray() })).AsList();
            if (listeners.Count >= count)
            {
                return listeners;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{listeners.Count} of {count} session listeners were listening after {Bound.TotalSeconds} s.");
            await Task.Delay(Poll);
        }
    }
}
