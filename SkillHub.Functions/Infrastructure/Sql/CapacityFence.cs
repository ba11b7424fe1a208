using Npgsql;

namespace SkillHub.Functions.Infrastructure.Sql;

/// <summary>
/// Keeps a backup set consistent across the two databases: while a backup reads PostgreSQL and then
/// the document collections, no workshop's capacity may change, because a capacity raised between
/// the two reads promotes waiting registrations that the set would then hold as confirmed beyond
/// the capacity it restores. A backup holds the exclusive side of a PostgreSQL advisory lock; a
/// statement changing a capacity takes the shared side (<see cref="SharedWhenCapacityChanges"/>)
/// and so waits for the backup to end. Registrations never wait: every other write stays free.
/// </summary>
public static class CapacityFence
{
    /// <summary>The advisory lock key: the ASCII bytes of "SkillHub", used for nothing else.</summary>
    public const long Key = 0x536B696C6C487562;

    /// <summary>
    /// A condition for an UPDATE of one workshop whose new capacity is the parameter <c>@Capacity</c>
    /// (and the key the parameter <c>@capacityFence</c>): true at once when the capacity stays,
    /// otherwise true once the shared lock is held, until the end of the statement's transaction.
    /// </summary>
    public const string SharedWhenCapacityChanges = "(capacity = @Capacity OR pg_advisory_xact_lock_shared(@capacityFence) IS NOT NULL)";

    /// <summary>
    /// Holds the exclusive side until disposed: capacity changes wait, backups one after another.
    /// The lock belongs to a transaction of its own connection, so it ends with that transaction
    /// whatever happens (a pooled connection is not reset on return).
    /// </summary>
    public static async Task<IAsyncDisposable> HoldAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var take = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction) { Parameters = { new("key", Key) } };
            await take.ExecuteNonQueryAsync(cancellationToken);
            return new Held(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class Held(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                // Ending the transaction releases the lock; closing a connection rolls back any transaction left open.
                await transaction.RollbackAsync(CancellationToken.None);
            }
            finally
            {
                await transaction.DisposeAsync();
                await connection.DisposeAsync();
            }
        }
    }
}
