using Npgsql;
using SkillHub.Functions.Users;

namespace SkillHub.Functions.Tests.Auth;

/// <summary>Users written straight to a test database, for store tests that never check a password.</summary>
internal static class StoredUsers
{
    public const string UnusablePasswordHash = "pbkdf2-sha512$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA";

    public static async Task<UserRecord> InsertAsync(NpgsqlDataSource dataSource, string role, bool disabled = false, string? email = null)
    {
        var now = DateTime.UtcNow;
        var user = new UserRecord(Guid.CreateVersion7(), email ?? $"{role}-{Guid.NewGuid():N}@example.test", $"Test {role}", UnusablePasswordHash, role, disabled, now, now);
        Assert.True(await new UserStore(dataSource).TryInsertAsync(user, CancellationToken.None));
        return user;
    }
}
