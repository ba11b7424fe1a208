using System.Text;
using Dapper;
using Npgsql;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Infrastructure.Sql;

namespace SkillHub.Functions.Workshops;

/// <summary>
/// The workshops table. Who may see or change a workshop is part of each statement's WHERE clause,
/// so a statement that touches no row means "not yours", "not there" or "not in that state".
/// </summary>
public sealed class WorkshopStore(NpgsqlDataSource dataSource) : IWorkshopStore
{
    private const string Select =
        """
        SELECT w.id AS Id, w.title AS Title, w.description AS Description, w.trainer_id AS TrainerId,
               u.display_name AS TrainerDisplayName, w.starts_at AS StartsAt, w.ends_at AS EndsAt, w.location AS Location,
               w.capacity AS Capacity, w.seats_taken AS SeatsTaken, w.status AS Status, w.created_at AS CreatedAt,
               w.updated_at AS UpdatedAt, w.version AS Version, w.cancel_reason AS CancellationReason, w.published_at AS PublishedAt
          FROM workshops w
          JOIN users u ON u.id = w.trainer_id
        """;

    // Written by INSERT or UPDATE ... RETURNING, over workshops aliased w: the trainer's name comes from a sub-select.
    private const string Returning =
        """
        RETURNING id AS Id, title AS Title, description AS Description, trainer_id AS TrainerId,
                  (SELECT display_name FROM users WHERE users.id = w.trainer_id) AS TrainerDisplayName,
                  starts_at AS StartsAt, ends_at AS EndsAt, location AS Location, capacity AS Capacity,
                  seats_taken AS SeatsTaken, status AS Status, created_at AS CreatedAt, updated_at AS UpdatedAt, version AS Version,
                  cancel_reason AS CancellationReason, published_at AS PublishedAt
        """;

    public async Task<(IReadOnlyList<WorkshopRecord> Items, long Total)> ListAsync(WorkshopQuery query, Caller? caller, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new StringBuilder($"WHERE {WorkshopAccess.SqlVisible}");
        var parameters = WorkshopAccess.Parameters(caller);
        // The search expression matches the trigram index workshops_search_idx.
        (string Condition, string Name, object? Value)[] filters =
        [
            ("w.starts_at >= @from", "from", query.From),
            ("w.starts_at <= @to", "to", query.To),
            ("w.trainer_id = @trainerId", "trainerId", query.TrainerId),
            ("w.status = @status", "status", query.Status),
            ("(w.title || ' ' || w.description) ILIKE @pattern", "pattern", query.Search is { } search ? "%" + EscapeLike(search) + "%" : null),
        ];
        foreach (var (condition, name, value) in filters.Where(f => f.Value is not null))
        {
            where.Append(" AND ").Append(condition);
            parameters.Add(name, value);
        }

        if (query.Available is { } available)
        {
            where.Append(available ? " AND w.seats_taken < w.capacity" : " AND w.seats_taken >= w.capacity");
        }

        var order = query.Descending ? "w.starts_at DESC, w.id DESC" : "w.starts_at, w.id";
        parameters.Add("limit", page.PageSize);
        parameters.Add("offset", page.Offset);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            $"""
            SELECT count(*) FROM workshops w {where};
            {Select} {where} ORDER BY {order} LIMIT @limit OFFSET @offset;
            """,
            parameters, cancellationToken: cancellationToken));
        var total = await results.ReadSingleAsync<long>();
        var items = (await results.ReadAsync<WorkshopRecord>()).AsList();
        return (items, total);
    }

    /// <summary>The workshop whatever its visibility; the caller of this method decides what to reveal.</summary>
    public async Task<WorkshopRecord?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<WorkshopRecord>(new CommandDefinition(
            $"{Select} WHERE w.id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<WorkshopRecord>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<WorkshopRecord>(new CommandDefinition(
            $"{Select} WHERE w.id = ANY(@ids)", new { ids = ids.ToArray() }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<WorkshopRecord?> FindVisibleAsync(Guid id, Caller? caller, CancellationToken cancellationToken)
    {
        var parameters = WorkshopAccess.Parameters(caller);
        parameters.Add("id", id);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<WorkshopRecord>(new CommandDefinition(
            $"{Select} WHERE w.id = @id AND {WorkshopAccess.SqlVisible}", parameters, cancellationToken: cancellationToken));
    }

    /// <summary>True when the user exists, is a trainer and is not disabled.</summary>
    public async Task<bool> IsActiveTrainerAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM users WHERE id = @userId AND role = @role AND NOT disabled)",
            new { userId, role = Roles.Trainer }, cancellationToken: cancellationToken));
    }

    public async Task<WorkshopRecord> InsertAsync(Guid id, Guid trainerId, WorkshopDetails details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(details);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<WorkshopRecord>(new CommandDefinition(
            $"""
            INSERT INTO workshops AS w (id, title, description, trainer_id, starts_at, ends_at, location, capacity)
            VALUES (@id, @Title, @Description, @trainerId, @StartsAt, @EndsAt, @Location, @Capacity)
            {Returning}
            """,
            new { id, trainerId, details.Title, details.Description, details.StartsAt, details.EndsAt, details.Location, details.Capacity },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Writes new details if the caller manages the workshop, it still has the version they read, it
    /// is not cancelled, and the new capacity still holds every taken seat. A new capacity waits for
    /// a backup in progress (<see cref="CapacityFence"/>).
    /// </summary>
    public async Task<WorkshopRecord?> UpdateAsync(Guid id, int? expectedVersion, Caller caller, WorkshopDetails details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(details);
        var parameters = WorkshopAccess.Parameters(caller);
        parameters.AddDynamicParams(new { id, expectedVersion, details.Title, details.Description, details.StartsAt, details.EndsAt, details.Location, details.Capacity, capacityFence = CapacityFence.Key });
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<WorkshopRecord>(new CommandDefinition(
            $"""
            UPDATE workshops AS w
               SET title = @Title, description = @Description, starts_at = @StartsAt, ends_at = @EndsAt,
                   location = @Location, capacity = @Capacity, version = version + 1, updated_at = now()
             WHERE id = @id AND {WorkshopAccess.SqlManaged}
               AND (@expectedVersion::integer IS NULL OR version = @expectedVersion)
               AND status <> 'cancelled'
               AND seats_taken <= @Capacity
               AND {CapacityFence.SharedWhenCapacityChanges}
            {Returning}
            """,
            parameters, cancellationToken: cancellationToken));
    }

    /// <summary>draft → published, for a workshop that has not started.</summary>
    public Task<WorkshopRecord?> PublishAsync(Guid id, Caller caller, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, caller, "status = 'published'", "status = 'draft' AND starts_at > now()", null, cancellationToken);

    /// <summary>draft or published → cancelled, with the reason kept; no seat is taken any more.</summary>
    public Task<WorkshopRecord?> CancelAsync(Guid id, Caller caller, string reason, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, caller, "status = 'cancelled', cancel_reason = @reason, seats_taken = 0, seats_changed_at = now()", "status <> 'cancelled'", reason, cancellationToken);

    /// <summary>Deletes a workshop that never had a registration; false when there is none such.</summary>
    public async Task<bool> DeleteUnusedAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM workshops WHERE id = @id AND NOT ever_registered AND seats_taken = 0",
            new { id }, cancellationToken: cancellationToken)) == 1;
    }

    private async Task<WorkshopRecord?> ChangeStatusAsync(Guid id, Caller caller, string set, string condition, string? reason, CancellationToken cancellationToken)
    {
        var parameters = WorkshopAccess.Parameters(caller);
        parameters.Add("id", id);
        parameters.Add("reason", reason);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<WorkshopRecord>(new CommandDefinition(
            $"""
            UPDATE workshops AS w SET {set}, version = version + 1, updated_at = now()
             WHERE id = @id AND {WorkshopAccess.SqlManaged} AND {condition}
            {Returning}
            """,
            parameters, cancellationToken: cancellationToken));
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
