using Dapper;
using Npgsql;
using SkillHub.Functions.Auth;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Notifications;

namespace SkillHub.Functions.Users;

/// <summary>The users table.</summary>
public interface IUserStore
{
    Task<UserRecord?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    Task<UserRecord?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<bool> TryInsertAsync(UserRecord user, CancellationToken cancellationToken);

    /// <summary>The users with these ids, in one query.</summary>
    Task<IReadOnlyList<UserRecord>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    Task<(IReadOnlyList<UserRecord> Items, long Total)> ListAsync(string? role, PageRequest page, CancellationToken cancellationToken);

    Task<bool> AnyActiveAdminAsync(CancellationToken cancellationToken);

    Task<Outcome<UserRecord>> UpdateAsync(Guid id, UpdateUserRequest change, CancellationToken cancellationToken);

    /// <summary>Sets the password hash and ends every session of the user but <paramref name="keptSession"/>; false when there is no such user.</summary>
    Task<bool> ChangePasswordAsync(Guid id, string passwordHash, Guid keptSession, CancellationToken cancellationToken);

    /// <summary>Why the account may not be erased at <paramref name="now"/> (409: the last active admin, a trainer with an upcoming workshop); null when nothing stands in the way.</summary>
    Task<Failure?> ErasureRefusalAsync(Guid id, DateTime now, CancellationToken cancellationToken);

    /// <summary>
    /// Erases the account in one transaction, unless <see cref="ErasureRefusalAsync"/> refuses it (asked
    /// again under the locks): name, address and password replaced, disabled, sessions ended, preferences
    /// off, unsent messages skipped, its address gone from the outbox and from the throttle counts.
    /// </summary>
    Task<Failure?> EraseAsync(Guid id, DateTime now, CancellationToken cancellationToken);
}

public sealed class UserStore(NpgsqlDataSource dataSource) : IUserStore
{
    private const string Columns =
        "id AS Id, email AS Email, display_name AS DisplayName, password_hash AS PasswordHash, role AS Role, disabled AS Disabled, created_at AS CreatedAt, updated_at AS UpdatedAt";

    // Ending a session revokes its refresh tokens and, through the cache notification, its access tokens (sql/0007).
    private const string EndSessions = "UPDATE sessions SET ended_at = now() WHERE user_id = @id AND ended_at IS NULL AND id IS DISTINCT FROM @kept";

    private const string LastAdmin = "This is the last active admin: make another admin first.";

    public async Task<UserRecord?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UserRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM users WHERE lower(email) = lower(@email)", new { email }, cancellationToken: cancellationToken));
    }

    public async Task<UserRecord?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UserRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM users WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<UserRecord>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<UserRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM users WHERE id = ANY(@ids)", new { ids = ids.ToArray() }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Inserts the user unless the e-mail address is taken (in any case); false when it is.</summary>
    public async Task<bool> TryInsertAsync(UserRecord user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO users (id, email, display_name, password_hash, role, disabled, created_at, updated_at)
            VALUES (@Id, @Email, @DisplayName, @PasswordHash, @Role, @Disabled, @CreatedAt, @UpdatedAt)
            ON CONFLICT DO NOTHING
            """, user, cancellationToken: cancellationToken));
        return inserted == 1;
    }

    public async Task<(IReadOnlyList<UserRecord> Items, long Total)> ListAsync(string? role, PageRequest page, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var filter = role is null ? string.Empty : "WHERE role = @role";
        using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            $"""
            SELECT count(*) FROM users {filter};
            SELECT {Columns} FROM users {filter} ORDER BY created_at, id LIMIT @limit OFFSET @offset;
            """,
            new { role, limit = page.PageSize, offset = page.Offset }, cancellationToken: cancellationToken));
        var total = await results.ReadSingleAsync<long>();
        var items = (await results.ReadAsync<UserRecord>()).AsList();
        return (items, total);
    }

    public async Task<bool> AnyActiveAdminAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM users WHERE role = @role AND NOT disabled)", new { role = Roles.Admin }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Changes role, display name or disabled flag. Refuses (409) to leave the platform without an
    /// active admin; the admin rows are locked so two admins cannot demote each other at once.
    /// Disabling a user also ends their sessions.
    /// </summary>
    public async Task<Outcome<UserRecord>> UpdateAsync(Guid id, UpdateUserRequest change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var activeAdmins = await LockActiveAdminsAsync(connection, transaction, cancellationToken);
        var user = await connection.QuerySingleOrDefaultAsync<UserRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM users WHERE id = @id FOR UPDATE", new { id }, transaction, cancellationToken: cancellationToken));
        if (user is null)
        {
            return Failure.NotFound("No such user.");
        }

        // An erased account stays as its erasure left it: nobody is there to give a name or a role back to.
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT erased_at IS NOT NULL FROM users WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken)))
        {
            return Failure.Conflict("This account is erased: it can no longer be changed.");
        }

        var losesAdmin = activeAdmins.Contains(id) && ((change.Role ?? user.Role) != Roles.Admin || (change.Disabled ?? user.Disabled));
        if (losesAdmin && activeAdmins.Count == 1)
        {
            return Failure.Conflict(LastAdmin);
        }

        var updated = await connection.QuerySingleAsync<UserRecord>(new CommandDefinition(
            $"""
            UPDATE users
               SET role = @role, display_name = @displayName, disabled = @disabled, updated_at = now()
             WHERE id = @id
            RETURNING {Columns}
            """,
            new { id, role = change.Role ?? user.Role, displayName = change.DisplayName?.Trim() ?? user.DisplayName, disabled = change.Disabled ?? user.Disabled },
            transaction, cancellationToken: cancellationToken));
        if (updated.Disabled && !user.Disabled)
        {
            await connection.ExecuteAsync(new CommandDefinition(EndSessions, new { id, kept = (Guid?)null }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return updated;
    }

    public async Task<bool> ChangePasswordAsync(Guid id, string passwordHash, Guid keptSession, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET password_hash = @passwordHash, updated_at = now() WHERE id = @id",
            new { id, passwordHash }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(EndSessions, new { id, kept = (Guid?)keptSession }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return changed == 1;
    }

    public async Task<Failure?> ErasureRefusalAsync(Guid id, DateTime now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await RefusalAsync(connection, null, id, now, cancellationToken);
    }

    public async Task<Failure?> EraseAsync(Guid id, DateTime now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The admins first, in the order UpdateAsync takes them; the row itself then holds off a workshop
        // being given to this trainer meanwhile (its foreign key check waits for the row's lock).
        await LockActiveAdminsAsync(connection, transaction, cancellationToken);
        var user = await connection.QuerySingleOrDefaultAsync<UserRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM users WHERE id = @id AND erased_at IS NULL FOR UPDATE", new { id }, transaction, cancellationToken: cancellationToken));
        if (user is null)
        {
            return Failure.Unauthorized("This account no longer exists.");
        }

        if (await RefusalAsync(connection, transaction, id, now, cancellationToken) is { } refused)
        {
            return refused;
        }

        var account = UserRules.NormalizeEmail(user.Email);
        // Changing password_hash and disabled tells every instance's session cache (sql/0007); ending the
        // sessions revokes their refresh tokens.
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE users
               SET email = @email, display_name = @displayName, password_hash = @passwordHash, disabled = true,
                   notify_reminders = false, notify_workshop_updates = false, erased_at = now(), updated_at = now()
             WHERE id = @id;
            {EndSessions};
            UPDATE password_resets SET used_at = now() WHERE user_id = @id AND used_at IS NULL;
            UPDATE notifications
               SET recipient = @email,
                   status = CASE WHEN status = @pending THEN @skipped ELSE status END,
                   last_error = CASE WHEN status = @pending THEN @skipReason ELSE replace(last_error, @oldEmail, @email) END
             WHERE user_id = @id;
            DELETE FROM login_throttle
             WHERE (scope = ANY(@accountScopes) AND key = @account)
                OR (scope = @pairScope AND right(key, length(@pairSuffix)) = @pairSuffix);
            """,
            new
            {
                id,
                kept = (Guid?)null,
                email = ErasedAccount.Email(id),
                displayName = ErasedAccount.DisplayName,
                passwordHash = ErasedAccount.PasswordHash,
                oldEmail = user.Email,
                pending = NotificationStatus.Pending,
                skipped = NotificationStatus.Skipped,
                skipReason = ErasedAccount.SkipReason,
                accountScopes = new[] { LoginThrottle.AccountScope, PasswordResets.AccountScope },
                account,
                pairScope = LoginThrottle.AccountAddressScope,
                pairSuffix = "|" + account,
            },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    private static async Task<List<Guid>> LockActiveAdminsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT id FROM users WHERE role = @role AND NOT disabled ORDER BY id FOR UPDATE",
            new { role = Roles.Admin }, transaction, cancellationToken: cancellationToken))).AsList();

    private static async Task<Failure?> RefusalAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid id, DateTime now, CancellationToken cancellationToken)
    {
        var (lastAdmin, upcoming) = await connection.QuerySingleAsync<(bool, bool)>(new CommandDefinition(
            """
            SELECT EXISTS (SELECT 1 FROM users WHERE id = @id AND role = @admin AND NOT disabled)
                   AND NOT EXISTS (SELECT 1 FROM users WHERE id <> @id AND role = @admin AND NOT disabled),
                   EXISTS (SELECT 1 FROM workshops WHERE trainer_id = @id AND status <> 'cancelled' AND ends_at > @now)
            """,
            new { id, admin = Roles.Admin, now }, transaction, cancellationToken: cancellationToken));
        return lastAdmin ? Failure.Conflict(LastAdmin)
            : upcoming ? Failure.Conflict("This trainer has upcoming workshops: cancel them or hand them to another trainer first.")
            : null;
    }
}
