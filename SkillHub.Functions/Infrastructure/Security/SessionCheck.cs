using Dapper;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace SkillHub.Functions.Infrastructure.Security;

/// <summary>What a session's access tokens may do now: whose session it is, and the account's current standing.</summary>
public sealed record SessionStanding(Guid UserId, string Role, bool Disabled, bool Ended)
{
    /// <summary>
    /// A token is admitted only while its session is open, belongs to the token's subject, the
    /// account is enabled and still has the role the token claims.
    /// </summary>
    public bool Admits(Caller caller) =>
        caller is not null && !Ended && !Disabled && UserId == caller.Id && Role == caller.Role;
}

public interface ISessionStandings
{
    /// <summary>The standing of the session, or null when there is no such session.</summary>
    Task<SessionStanding?> FindAsync(Guid sessionId, CancellationToken cancellationToken);
}

public sealed class SessionStandings(NpgsqlDataSource dataSource) : ISessionStandings
{
    public async Task<SessionStanding?> FindAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<SessionStanding>(new CommandDefinition(
            """
            SELECT s.user_id AS UserId, u.role AS Role, u.disabled AS Disabled, s.ended_at IS NOT NULL AS Ended
              FROM sessions AS s JOIN users AS u ON u.id = s.user_id
             WHERE s.id = @sessionId
            """,
            new { sessionId }, cancellationToken: cancellationToken));
    }
}

/// <summary>Whether an access token's session still admits it.</summary>
public interface ISessionCheck
{
    Task<bool> AdmitsAsync(Caller caller, Guid sessionId, CancellationToken cancellationToken);
}

/// <summary>
/// Session standings cached per instance, so that a request costs no query once its session is
/// known. The cache is trusted only while <see cref="SessionListener"/> listens for the database's
/// notifications: each one evicts what it names, losing the connection stops the cache being used,
/// and listening again starts it empty. A standing read while a notification arrived is not kept,
/// since it may predate the change the notification announced.
/// </summary>
public sealed class SessionCheck(ISessionStandings standings) : ISessionCheck, IDisposable
{
    public const int MaxEntries = 10_000;

    /// <summary>An upper bound on a standing's age even while listening, against a notification lost without the connection noticing.</summary>
    private static readonly TimeSpan EntryLifetime = TimeSpan.FromMinutes(1);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private readonly Lock _changes = new();
    private long _generation;
    private volatile bool _listening;

    public async Task<bool> AdmitsAsync(Caller caller, Guid sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (_listening && _cache.TryGetValue(sessionId, out SessionStanding? cached) && cached is not null)
        {
            return cached.Admits(caller);
        }

        var generation = Interlocked.Read(ref _generation);
        var standing = await standings.FindAsync(sessionId, cancellationToken);
        if (standing is null)
        {
            return false;
        }

        lock (_changes)
        {
            if (_listening && _generation == generation)
            {
                _cache.Set(sessionId, standing, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = EntryLifetime });
            }
        }

        return standing.Admits(caller);
    }

    /// <summary>The listener listens (again): nothing cached before can be trusted, since notifications may have been missed.</summary>
    public void Listening() => Change(listening: true, forget: null);

    /// <summary>The listener lost its connection: until it listens again, every check reads the database.</summary>
    public void NotListening() => Change(listening: false, forget: null);

    /// <summary>Evicts what a notification names: <c>user:&lt;id&gt;</c>, <c>session:&lt;id&gt;</c>, or anything else (<c>*</c>) for everything.</summary>
    public void Forget(string? payload)
    {
        var (kind, id) = payload?.Split(':', 2) is [var k, var v] && Guid.TryParse(v, out var parsed) ? (k, parsed) : (null, Guid.Empty);
        Change(_listening, kind switch
        {
            "user" => entry => entry.Standing.UserId == id,
            "session" => entry => entry.SessionId == id,
            _ => null,
        });
    }

    public void Dispose() => _cache.Dispose();

    /// <param name="forget">Which entries to evict; null for all of them.</param>
    private void Change(bool listening, Func<(Guid SessionId, SessionStanding Standing), bool>? forget)
    {
        lock (_changes)
        {
            _generation++;
            _listening = listening;
            if (forget is null)
            {
                _cache.Clear();
                return;
            }

            foreach (var key in _cache.Keys.ToList())
            {
                if (key is Guid sessionId && _cache.TryGetValue(sessionId, out SessionStanding? standing) && standing is not null && forget((sessionId, standing)))
                {
                    _cache.Remove(sessionId);
                }
            }
        }
    }
}
