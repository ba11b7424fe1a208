using Dapper;
using Npgsql;

namespace SkillHub.Bench;

/// <summary>
/// The bench's data, written with SQL (generate_series) rather than through the API: logins hash
/// passwords (PBKDF2) and would take minutes. Ids are derived from md5 so the bench can name them.
/// </summary>
public static class Seeding
{
    /// <summary>The word the list's <c>q</c> search looks for: one title in 20 holds it.</summary>
    public const string SearchWord = "kubernetes";

    private const string Topics = "ARRAY['kubernetes','postgresql','azure','docker','typescript','rust','python','securite','reseau','linux','react','graphql','terraform','ansible','kafka','spark','mongodb','redis','grafana','excel']";

    public static async Task CreateDatabaseAsync(string adminConnectionString, string name)
    {
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync();
        await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        await admin.ExecuteAsync($"CREATE DATABASE {name}");
    }

    public static async Task DropDatabaseAsync(string adminConnectionString, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync();
        await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    /// <summary><paramref name="trainers"/> trainers and <paramref name="participants"/> participants; returns their ids in order.</summary>
    public static async Task<(Guid[] Trainers, Guid[] Participants)> UsersAsync(NpgsqlDataSource data, int trainers, int participants)
    {
        await using var connection = await data.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO users (id, email, display_name, password_hash, role)
            SELECT md5(role || i)::uuid, role || i || '@bench.example', initcap(role) || ' ' || i, 'not-a-login', role
              FROM (SELECT 'trainer' AS role, i FROM generate_series(1, @trainers) i
                    UNION ALL SELECT 'participant', i FROM generate_series(1, @participants) i) people
            """,
            new { trainers, participants },
            commandTimeout: 600);
        var trainerIds = (await connection.QueryAsync<Guid>("SELECT md5('trainer' || i)::uuid FROM generate_series(1, @trainers) i ORDER BY i", new { trainers })).ToArray();
        var participantIds = (await connection.QueryAsync<Guid>("SELECT md5('participant' || i)::uuid FROM generate_series(1, @participants) i ORDER BY i", new { participants })).ToArray();
        return (trainerIds, participantIds);
    }

    /// <summary>
    /// <paramref name="count"/> published workshops spread over the year to come, starting
    /// <paramref name="daysAhead"/> days from now, by the first <paramref name="trainers"/> bench trainers;
    /// returns their ids.
    /// </summary>
    public static async Task<Guid[]> WorkshopsAsync(NpgsqlDataSource data, int count, int trainers, int capacity, int daysAhead, string tag)
    {
        await using var connection = await data.OpenConnectionAsync();
        return (await connection.QueryAsync<Guid>(
            $"""
            INSERT INTO workshops (id, title, description, trainer_id, starts_at, ends_at, location, capacity, status)
            SELECT md5(@tag || i)::uuid,
                   'Atelier ' || topic || ' n°' || i,
                   'Une journée pour pratiquer ' || topic || ' en petit groupe, avec des exercices guidés et un support à emporter.',
                   md5('trainer' || (1 + i % @trainers))::uuid,
                   starts, starts + interval '3 hours', 'Salle ' || (i % 12), @capacity, 'published'
              FROM (SELECT i, ({Topics})[1 + i % 20] AS topic,
                           date_trunc('hour', now()) + make_interval(days => @daysAhead + i % 365, hours => i % 24) AS starts
                      FROM generate_series(1, @count) i) w
            RETURNING id
            """,
            new { tag, count, trainers, capacity, daysAhead },
            commandTimeout: 600)).ToArray();
    }

    /// <summary>
    /// Moves the workshops into the past, as if held: the n-th starts 2 + (n mod <paramref name="spreadDays"/>)
    /// days ago and lasts 3 hours, so a spread of 1 keeps them all inside the attendance-marking window.
    /// Through draft and back, so that the move is not one a trainer made, which would tell every
    /// registrant (sql/0010's trigger).
    /// </summary>
    public static async Task HoldInThePastAsync(NpgsqlDataSource data, Guid[] workshops, int spreadDays)
    {
        await using var connection = await data.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            UPDATE workshops SET status = 'draft' WHERE id = ANY(@workshops);
            UPDATE workshops w
               SET status = 'published',
                   starts_at = date_trunc('hour', now()) - make_interval(days => 2 + (held.n % @spreadDays)::int),
                   ends_at = date_trunc('hour', now()) - make_interval(days => 2 + (held.n % @spreadDays)::int) + interval '3 hours'
              FROM unnest(@workshops) WITH ORDINALITY AS held(id, n)
             WHERE w.id = held.id;
            """,
            new { workshops, spreadDays },
            commandTimeout: 600);
    }

    /// <summary>About <paramref name="rows"/> rows in all across users, workshops, sessions and refresh_tokens (four per session), for the export.</summary>
    public static async Task<long> ExportRowsAsync(NpgsqlDataSource data, int rows)
    {
        var users = rows / 10;
        var workshops = rows / 5;
        var tokens = (rows - users - workshops) * 4 / 5;
        await UsersAsync(data, trainers: users / 2, participants: users - (users / 2));
        await WorkshopsAsync(data, workshops, trainers: users / 2, capacity: 30, daysAhead: 1, tag: "export");
        await using var connection = await data.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO sessions (id, user_id, created_at)
            SELECT md5('family' || f)::uuid, md5('participant' || (1 + f % @participants))::uuid, now()
              FROM generate_series(0, @tokens / 4) f;
            INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, created_at, expires_at)
            SELECT md5('token' || i)::uuid, md5('family' || (i / 4))::uuid, md5('participant' || (1 + (i / 4) % @participants))::uuid,
                   sha256(int8send(i)), now(), now() + interval '14 days'
              FROM generate_series(1, @tokens) i
            """,
            new { tokens, participants = users - (users / 2) },
            commandTimeout: 1200);
        await AnalyzeAsync(data);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM workshops) + (SELECT count(*) FROM sessions) + (SELECT count(*) FROM refresh_tokens)");
    }

    /// <summary>One open session for each user, as a login starts; the session ids, in the users' order.</summary>
    public static async Task<Guid[]> SessionsAsync(NpgsqlDataSource data, Guid[] users)
    {
        var sessions = users.Select(_ => Guid.CreateVersion7()).ToArray();
        await using var connection = await data.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "INSERT INTO sessions (id, user_id) SELECT * FROM unnest(@sessions, @users)",
            new { sessions, users },
            commandTimeout: 600);
        return sessions;
    }

    public static async Task AnalyzeAsync(NpgsqlDataSource data)
    {
        await using var connection = await data.OpenConnectionAsync();
        await connection.ExecuteAsync("VACUUM ANALYZE", commandTimeout: 600);
    }
}
