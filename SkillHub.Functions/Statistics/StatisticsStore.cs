using Dapper;
using Npgsql;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Workshops;

namespace SkillHub.Functions.Statistics;

/// <summary>A workshop a statistic counts, with the seats it offered.</summary>
public sealed record HeldWorkshop(Guid Id, int Capacity);

/// <summary>
/// What the statistics read from PostgreSQL: which workshops were held (published, not cancelled, and
/// for a trainer's figures over), each read in one statement over the trainer and start-date index.
/// </summary>
public sealed class StatisticsStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// At most <paramref name="limit"/> of the trainer's published workshops that start in the period and
    /// had ended by <paramref name="now"/>, in start order; null when no trainer has this id.
    /// </summary>
    public async Task<IReadOnlyList<HeldWorkshop>?> HeldByTrainerAsync(Guid trainerId, ReportingPeriod period, DateTime now, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            """
            SELECT EXISTS (SELECT 1 FROM users WHERE id = @trainerId AND role = @trainer);
            SELECT id AS Id, capacity AS Capacity
              FROM workshops
             WHERE trainer_id = @trainerId AND status = @published
               AND starts_at >= @from AND starts_at < @to AND ends_at <= @now
             ORDER BY starts_at, id
             LIMIT @limit;
            """,
            new { trainerId, trainer = Roles.Trainer, published = WorkshopStatus.Published, from = period.From, to = period.To, now, limit },
            cancellationToken: cancellationToken));
        var isTrainer = await results.ReadSingleAsync<bool>();
        var held = (await results.ReadAsync<HeldWorkshop>()).AsList();
        return isTrainer ? held : null;
    }

    /// <summary>Those of the workshops given that are published and started from <paramref name="since"/> to <paramref name="now"/>.</summary>
    public async Task<IReadOnlySet<Guid>> StartedBetweenAsync(IReadOnlyCollection<Guid> workshopIds, DateTime since, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workshopIds);
        if (workshopIds.Count == 0)
        {
            return new HashSet<Guid>();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var started = await connection.QueryAsync<Guid>(new CommandDefinition(
            """
            SELECT id FROM workshops
             WHERE id = ANY(@ids) AND status = @published AND starts_at >= @since AND starts_at <= @now
            """,
            new { ids = workshopIds.Distinct().ToArray(), published = WorkshopStatus.Published, since, now },
            cancellationToken: cancellationToken));
        return started.ToHashSet();
    }
}
