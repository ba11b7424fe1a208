using Dapper;
using Npgsql;
using SkillHub.Functions.Infrastructure.Telemetry;
using SkillHub.Functions.Workshops;

namespace SkillHub.Functions.Registrations;

/// <summary>The answer to a seat request: a seat was taken, or not; a queue ticket either way.</summary>
public sealed record SeatRequest(bool Confirmed, long QueueTicket);

/// <summary>A workshop's seat count as reconciliation sees it.</summary>
public sealed record WorkshopSeats(Guid Id, int SeatsTaken, int Capacity, string Status, DateTime StartsAt, string? CancelReason, DateTime SeatsChangedAt);

/// <summary>The seat count of each workshop, kept in PostgreSQL where one statement can guard it.</summary>
public interface ISeatLedger
{
    /// <summary>
    /// Takes a seat if one is free, in one conditional statement, and hands out a queue ticket either
    /// way; null when the workshop is not open for registration (not published, or started).
    /// </summary>
    Task<SeatRequest?> RequestSeatAsync(Guid workshopId, CancellationToken cancellationToken);

    /// <summary>Takes a free seat for someone on the waiting list; false when none is free or registration has closed.</summary>
    Task<bool> TakeFreeSeatAsync(Guid workshopId, CancellationToken cancellationToken);

    /// <summary>Gives a seat back.</summary>
    Task ReleaseSeatAsync(Guid workshopId, CancellationToken cancellationToken);

    /// <summary>
    /// Every workshop that ever had a registration, and those named in <paramref name="withDocuments"/>
    /// (after a restore, documents may exist for a workshop whose snapshot predates its first seat).
    /// </summary>
    Task<IReadOnlyList<WorkshopSeats>> AllAsync(IReadOnlyCollection<Guid> withDocuments, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the seat count to what the documents say, only if it has not moved since
    /// <paramref name="observed"/> was read and has been still for <paramref name="quietFor"/>.
    /// </summary>
    Task<bool> CorrectAsync(WorkshopSeats observed, int seatsTaken, TimeSpan quietFor, CancellationToken cancellationToken);
}

public sealed class SeatLedger(NpgsqlDataSource dataSource, TimeProvider clock, SkillHubMetrics metrics) : ISeatLedger
{
    private const string Open = RegistrationWindow.SqlIsOpen;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<SeatRequest?> RequestSeatAsync(Guid workshopId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var request = await connection.QuerySingleOrDefaultAsync<SeatRequest>(new CommandDefinition(
            "SELECT confirmed AS Confirmed, queue_ticket AS QueueTicket FROM request_seat(@workshopId, @now)",
            new { workshopId, now = Now }, cancellationToken: cancellationToken));
        if (request is { Confirmed: true })
        {
            metrics.SeatTaken();
        }

        return request;
    }

    public async Task<bool> TakeFreeSeatAsync(Guid workshopId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var taken = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE workshops SET seats_taken = seats_taken + 1, seats_changed_at = now()
             WHERE id = @workshopId AND {Open} AND seats_taken < capacity
            """,
            new { workshopId, now = Now }, cancellationToken: cancellationToken)) == 1;
        if (taken)
        {
            metrics.SeatTaken();
        }

        return taken;
    }

    public async Task ReleaseSeatAsync(Guid workshopId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE workshops SET seats_taken = seats_taken - 1, seats_changed_at = now() WHERE id = @workshopId AND seats_taken > 0",
            new { workshopId }, cancellationToken: cancellationToken)) == 1)
        {
            metrics.SeatReleased();
        }
    }

    public async Task<IReadOnlyList<WorkshopSeats>> AllAsync(IReadOnlyCollection<Guid> withDocuments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(withDocuments);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<WorkshopSeats>(new CommandDefinition(
            """
            SELECT id AS Id, seats_taken AS SeatsTaken, capacity AS Capacity, status AS Status, starts_at AS StartsAt,
                   cancel_reason AS CancelReason, seats_changed_at AS SeatsChangedAt
              FROM workshops
             WHERE ever_registered OR id = ANY(@withDocuments)
             ORDER BY id
            """,
            new { withDocuments = withDocuments.ToArray() }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<bool> CorrectAsync(WorkshopSeats observed, int seatsTaken, TimeSpan quietFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observed);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE workshops SET seats_taken = @corrected, seats_changed_at = now(), ever_registered = true
             WHERE id = @id AND seats_taken = @observedSeats AND seats_changed_at = @observedAt
               AND seats_changed_at <= now() - make_interval(secs => @quiet)
            """,
            new { id = observed.Id, observedSeats = observed.SeatsTaken, observedAt = observed.SeatsChangedAt, corrected = seatsTaken, quiet = quietFor.TotalSeconds },
            cancellationToken: cancellationToken)) == 1;
    }
}
