using Dapper;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Standalone.Hosting;

/// <summary>The standalone host runs timer functions on the schedule their setting names.</summary>
public sealed class TimerSchedulerTests(TimerSchedulerTests.EverySecondApp app) : IClassFixture<TimerSchedulerTests.EverySecondApp>
{
    public sealed class EverySecondApp : AppFixture
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            [new("PurgeSchedule", "* * * * * *")];
    }

    [Fact]
    public async Task PurgeTimer_RunsOnItsSchedule_AndRemovesExpiredTokensTheirSessionsAndStaleCounters()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        var (finished, live) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var connection = await app.Database.DataSource.OpenConnectionAsync())
        {
            // One session whose last token expired long ago, one with a token still valid beside an expired one.
            await connection.ExecuteAsync(
                """
                INSERT INTO sessions (id, user_id, created_at) VALUES (@finished, @userId, now() - interval '30 days'), (@live, @userId, now() - interval '30 days');
                INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, created_at, expires_at)
                VALUES (gen_random_uuid(), @finished, @userId, decode(repeat('ab', 32), 'hex'), now() - interval '30 days', now() - interval '2 days');
                INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, created_at, expires_at)
                VALUES (gen_random_uuid(), @live, @userId, decode(repeat('ef', 32), 'hex'), now() - interval '30 days', now() - interval '2 days');
                INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, created_at, expires_at)
                VALUES (gen_random_uuid(), @live, @userId, decode(repeat('cd', 32), 'hex'), now(), now() + interval '2 days');
                INSERT INTO login_throttle (scope, key, failures, window_started_at)
                VALUES ('account', 'old@example.test', 3, now() - interval '2 days');
                """,
                new { userId = user.Id, finished, live });
        }

        var purged = false;
        for (var attempt = 0; attempt < 100 && !purged; attempt++)
        {
            await Task.Delay(100);
            await using var connection = await app.Database.DataSource.OpenConnectionAsync();
            purged = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM refresh_tokens WHERE expires_at < now()") == 0
                && await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM login_throttle") == 0;
        }

        Assert.True(purged, "The purge timer did not run within 10 seconds of a every-second schedule.");
        await using var check = await app.Database.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await check.ExecuteScalarAsync<long>("SELECT count(*) FROM refresh_tokens WHERE family_id = @live", new { live }));
        Assert.Equal(
            new[] { live, user.SessionId }.Order(),
            (await check.QueryAsync<Guid>("SELECT id FROM sessions WHERE user_id = @userId", new { userId = user.Id })).Order());
    }
}
