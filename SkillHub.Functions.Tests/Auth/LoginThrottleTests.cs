using Dapper;
using SkillHub.Functions.Auth;
using SkillHub.Functions.Infrastructure.Sql;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Auth;

public sealed class LoginThrottleTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly LoginThrottleOptions Options = new()
    {
        AccountAddressMaxFailures = 3, AccountMaxFailures = 6, AddressMaxFailures = 10, WindowSeconds = 900, LockoutSeconds = 600,
    };

    private readonly LoginThrottle _throttle = new(new ThrottleCounters(database.DataSource), Options);
    private readonly string _account = $"ann-{Guid.NewGuid():N}@example.test";
    private readonly string _address = $"test-{Guid.NewGuid():N}";

    [Fact]
    public async Task Reserve_UpToTheAccountAddressLimit_GoesAhead_AndPastItIsRefusedForUpToTheLockout()
    {
        var allowed = await ReserveAsync(_throttle, _account, _address, Options.AccountAddressMaxFailures);

        var refused = await _throttle.ReserveAsync(_account, _address, CancellationToken.None);

        Assert.All(allowed, Assert.Null);
        Assert.NotNull(refused);
        Assert.InRange(refused.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(Options.LockoutSeconds));
    }

    [Fact]
    public async Task Reserve_OfAnAccountLockedFromOneAddress_StillGoesAheadFromAnother()
    {
        await ReserveAsync(_throttle, _account, _address, Options.AccountAddressMaxFailures + 1);

        Assert.Null(await _throttle.ReserveAsync(_account, $"other-{Guid.NewGuid():N}", CancellationToken.None));
    }

    [Fact]
    public async Task Reserve_PastTheAccountLimitFromManyAddresses_LocksTheAccountForEveryAddress()
    {
        for (var i = 0; i < Options.AccountMaxFailures; i++)
        {
            Assert.Null(await _throttle.ReserveAsync(_account, $"guesser{i}-{Guid.NewGuid():N}", CancellationToken.None));
        }

        Assert.NotNull(await _throttle.ReserveAsync(_account, $"owner-{Guid.NewGuid():N}", CancellationToken.None));
    }

    [Fact]
    public async Task Reserve_OnManyAccountsFromOneAddress_LocksTheAddressAtItsOwnLooserLimit()
    {
        for (var i = 0; i < Options.AddressMaxFailures; i++)
        {
            Assert.Null(await _throttle.ReserveAsync($"user{i}-{Guid.NewGuid():N}@example.test", _address, CancellationToken.None));
        }

        Assert.NotNull(await _throttle.ReserveAsync($"new-{Guid.NewGuid():N}@example.test", _address, CancellationToken.None));
    }

    [Fact]
    public async Task Reserve_RefusedByALockedKey_SpendsNoOtherKeysAllowance()
    {
        await ReserveAsync(_throttle, _account, _address, Options.AccountAddressMaxFailures);

        await ReserveAsync(_throttle, _account, _address, 5);

        Assert.Equal(Options.AccountAddressMaxFailures, await CountAsync(LoginThrottle.AccountScope, _account));
        Assert.Equal(Options.AccountAddressMaxFailures, await CountAsync(LoginThrottle.AddressScope, _address));
    }

    [Fact]
    public async Task RecordSuccess_ClearsTheAccountFromTheAddress_AndTheAccount_ButGivesTheAddressOnlyItsReservationBack()
    {
        await ReserveAsync(_throttle, $"other-{Guid.NewGuid():N}@example.test", _address, 2);
        await ReserveAsync(_throttle, _account, _address, Options.AccountAddressMaxFailures);

        await _throttle.RecordSuccessAsync(_account, _address, CancellationToken.None);

        Assert.Null(await CountAsync(LoginThrottle.AccountAddressScope, LoginThrottle.PairKey(_account, _address)));
        Assert.Null(await CountAsync(LoginThrottle.AccountScope, _account));
        Assert.Equal(2 + Options.AccountAddressMaxFailures - 1, await CountAsync(LoginThrottle.AddressScope, _address));
    }

    [Fact]
    public async Task Counts_AreSharedByTwoAppInstancesOnOneDatabase()
    {
        await using var secondDataSource = Database.CreateDataSource(database.ConnectionString);
        var secondInstance = new LoginThrottle(new ThrottleCounters(secondDataSource), Options);

        await ReserveAsync(_throttle, _account, _address, Options.AccountAddressMaxFailures - 1);
        await ReserveAsync(secondInstance, _account, _address, 1);

        Assert.NotNull(await _throttle.ReserveAsync(_account, _address, CancellationToken.None));
        Assert.NotNull(await secondInstance.ReserveAsync(_account, _address, CancellationToken.None));
    }

    [Fact]
    public async Task Reserve_TwentyAtOnce_GoesAheadExactlyTheLimitTimes()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => _throttle.ReserveAsync(_account, _address, CancellationToken.None))));

        Assert.Equal(Options.AccountAddressMaxFailures, answers.Count(a => a is null));
        Assert.Equal(Options.AccountAddressMaxFailures, await CountAsync(LoginThrottle.AccountScope, _account));
    }

    [Fact]
    public async Task Reserve_AfterTheWindowEnds_StartsCountingAgain()
    {
        var shortWindow = new LoginThrottle(new ThrottleCounters(database.DataSource), new LoginThrottleOptions { AccountAddressMaxFailures = 3, WindowSeconds = 1, LockoutSeconds = 600 });
        await ReserveAsync(shortWindow, _account, _address, 2);
        await Task.Delay(TimeSpan.FromMilliseconds(1200));

        Assert.Null(await shortWindow.ReserveAsync(_account, _address, CancellationToken.None));

        Assert.Equal(1, await CountAsync(LoginThrottle.AccountScope, _account));
    }

    [Fact]
    public async Task Reserve_AfterTheLockoutEnds_StartsCountingAgain()
    {
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                "INSERT INTO login_throttle (scope, key, failures, window_started_at, locked_until) VALUES ('account', @account, 99, now(), now() - interval '1 second')",
                new { account = _account });
        }

        Assert.Null(await _throttle.ReserveAsync(_account, _address, CancellationToken.None));

        Assert.Equal(1, await CountAsync(LoginThrottle.AccountScope, _account));
    }

    [Fact]
    public async Task Purge_ForgetsWindowsThatEndedLongAgo_AndKeepsCurrentOnes()
    {
        await ReserveAsync(_throttle, _account, _address, 1);
        var old = $"old-{Guid.NewGuid():N}";
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                "INSERT INTO login_throttle (scope, key, failures, window_started_at) VALUES ('account', @old, 2, now() - interval '2 days')", new { old });
        }

        await _throttle.PurgeAsync(CancellationToken.None);

        Assert.Null(await CountAsync(LoginThrottle.AccountScope, old));
        Assert.Equal(1, await CountAsync(LoginThrottle.AccountScope, _account));
    }

    private static async Task<List<TimeSpan?>> ReserveAsync(LoginThrottle throttle, string account, string address, int times)
    {
        var answers = new List<TimeSpan?>();
        for (var i = 0; i < times; i++)
        {
            answers.Add(await throttle.ReserveAsync(account, address, CancellationToken.None));
        }

        return answers;
    }

    private async Task<int?> CountAsync(string scope, string key)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int?>("SELECT failures FROM login_throttle WHERE scope = @scope AND key = @key", new { scope, key });
    }
}
