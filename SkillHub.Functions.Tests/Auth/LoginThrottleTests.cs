using Dapper;
using SkillHub.Functions.Auth;
using SkillHub.Functions.Infrastructure.Sql;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Auth;

public sealed class LoginThrottleTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly LoginThrottleOptions Options = new() { AccountMaxFailures = 3, AddressMaxFailures = 6, WindowSeconds = 900, LockoutSeconds = 600 };

    private readonly LoginThrottle _throttle = new(database.DataSource, Options);
    private readonly string _account = $"ann-{Guid.NewGuid():N}@example.test";
    private readonly string _address = $"test-{Guid.NewGuid():N}";

    [Fact]
    public async Task RetryAfter_BelowTheAccountLimit_IsNull()
    {
        await FailAsync(_throttle, _account, _address, Options.AccountMaxFailures - 1);

        Assert.Null(await _throttle.RetryAfterAsync(_account, _address, CancellationToken.None));
    }

    [Fact]
    public async Task RetryAfter_AtTheAccountLimit_LocksTheAccountForUpToTheLockout()
    {
        await FailAsync(_throttle, _account, _address, Options.AccountMaxFailures);

        var retryAfter = await _throttle.RetryAfterAsync(_account, $"other-{Guid.NewGuid():N}", CancellationToken.None);

        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(Options.LockoutSeconds));
    }

    [Fact]
    public async Task RetryAfter_ForAnotherAccountFromTheSameAddress_StaysNullAtTheAccountLimit()
    {
        await FailAsync(_throttle, _account, _address, Options.AccountMaxFailures);

        Assert.Null(await _throttle.RetryAfterAsync($"bob-{Guid.NewGuid():N}@example.test", _address, CancellationToken.None));
    }

    [Fact]
    public async Task RetryAfter_AfterFailuresOnManyAccountsFromOneAddress_LocksTheAddressAtItsOwnLooserLimit()
    {
        for (var i = 0; i < Options.AddressMaxFailures - 1; i++)
        {
            await FailAsync(_throttle, $"user{i}-{Guid.NewGuid():N}@example.test", _address, 1);
        }

        var belowLimit = await _throttle.RetryAfterAsync($"new-{Guid.NewGuid():N}@example.test", _address, CancellationToken.None);
        await FailAsync(_throttle, $"last-{Guid.NewGuid():N}@example.test", _address, 1);
        var atLimit = await _throttle.RetryAfterAsync($"new-{Guid.NewGuid():N}@example.test", _address, CancellationToken.None);

        Assert.Null(belowLimit);
        Assert.NotNull(atLimit);
    }

    [Fact]
    public async Task RecordSuccess_ClearsTheAccountsFailureCount()
    {
        await FailAsync(_throttle, _account, _address, Options.AccountMaxFailures - 1);

        await _throttle.RecordSuccessAsync(_account, CancellationToken.None);
        await FailAsync(_throttle, _account, $"other-{Guid.NewGuid():N}", Options.AccountMaxFailures - 1);

        Assert.Null(await _throttle.RetryAfterAsync(_account, $"other-{Guid.NewGuid():N}", CancellationToken.None));
    }

    [Fact]
    public async Task Counts_AreSharedByTwoAppInstancesOnOneDatabase()
    {
        await using var secondDataSource = Database.CreateDataSource(database.ConnectionString);
        var secondInstance = new LoginThrottle(secondDataSource, Options);

        await FailAsync(_throttle, _account, _address, Options.AccountMaxFailures - 1);
        await FailAsync(secondInstance, _account, _address, 1);

        Assert.NotNull(await _throttle.RetryAfterAsync(_account, _address, CancellationToken.None));
        Assert.NotNull(await secondInstance.RetryAfterAsync(_account, _address, CancellationToken.None));
    }

    [Fact]
    public async Task RecordFailure_TwentyAtOnce_AreCountedExactly()
    {
        var throttle = new LoginThrottle(database.DataSource, new LoginThrottleOptions { AccountMaxFailures = 1000, AddressMaxFailures = 1000 });

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => throttle.RecordFailureAsync(_account, _address, CancellationToken.None))));

        Assert.Equal(20, await FailuresAsync(LoginThrottle.AccountScope, _account));
        Assert.Equal(20, await FailuresAsync(LoginThrottle.AddressScope, _address));
    }

    [Fact]
    public async Task RecordFailure_AfterTheWindowEnds_StartsCountingAgain()
    {
        var shortWindow = new LoginThrottle(database.DataSource, new LoginThrottleOptions { AccountMaxFailures = 3, WindowSeconds = 1, LockoutSeconds = 600 });
        await FailAsync(shortWindow, _account, _address, 2);
        await Task.Delay(TimeSpan.FromMilliseconds(1200));

        await FailAsync(shortWindow, _account, _address, 1);

        Assert.Equal(1, await FailuresAsync(LoginThrottle.AccountScope, _account));
        Assert.Null(await shortWindow.RetryAfterAsync(_account, _address, CancellationToken.None));
    }

    [Fact]
    public async Task Purge_ForgetsWindowsThatEndedLongAgo_AndKeepsCurrentOnes()
    {
        await FailAsync(_throttle, _account, _address, 1);
        var old = $"old-{Guid.NewGuid():N}";
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                "INSERT INTO login_throttle (scope, key, failures, window_started_at) VALUES ('account', @old, 2, now() - interval '2 days')", new { old });
        }

        await _throttle.PurgeAsync(CancellationToken.None);

        Assert.Null(await FailuresAsync(LoginThrottle.AccountScope, old));
        Assert.Equal(1, await FailuresAsync(LoginThrottle.AccountScope, _account));
    }

    private static async Task FailAsync(LoginThrottle throttle, string account, string address, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await throttle.RecordFailureAsync(account, address, CancellationToken.None);
        }
    }

    private async Task<int?> FailuresAsync(string scope, string key)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int?>("SELECT failures FROM login_throttle WHERE scope = @scope AND key = @key", new { scope, key });
    }
}
