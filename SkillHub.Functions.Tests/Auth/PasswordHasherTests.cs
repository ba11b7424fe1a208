using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Auth;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Auth;

public sealed class PasswordHasherTests
{
    private const string Password = "correct horse battery staple";

    // One hash serves the tests that only read it: each costs 210,000 iterations.
    private static readonly Lazy<Task<string>> StoredHash = new(() => TestHashers.Shared.HashAsync(Password, CancellationToken.None));

    private readonly PasswordHasher _hasher = TestHashers.Shared;

    [Fact]
    public async Task Verify_WithThePasswordThatWasHashed_ReturnsTrue()
    {
        Assert.True(await _hasher.VerifyAsync(Password, await StoredHash.Value, CancellationToken.None));
    }

    [Fact]
    public async Task Verify_WithAnotherPassword_ReturnsFalse()
    {
        Assert.False(await _hasher.VerifyAsync("correct horse battery stapler", await StoredHash.Value, CancellationToken.None));
    }

    [Fact]
    public async Task Hash_OfOnePasswordTwice_GivesTwoDifferentHashes()
    {
        var second = await _hasher.HashAsync(Password, CancellationToken.None);

        Assert.NotEqual(await StoredHash.Value, second);
    }

    [Fact]
    public async Task Hash_RecordsTheSchemeAnd210000Iterations_WithA16ByteSaltAndA64ByteHash()
    {
        var parts = (await StoredHash.Value).Split('$');

        Assert.Equal(4, parts.Length);
        Assert.Equal("pbkdf2-sha512", parts[0]);
        Assert.Equal("210000", parts[1]);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(64, Convert.FromBase64String(parts[3]).Length);
    }

    [Fact]
    public async Task Hash_NeverContainsThePassword()
    {
        Assert.DoesNotContain(Password, await StoredHash.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WithNoStoredHash_ReturnsFalse()
    {
        Assert.False(await _hasher.VerifyAsync(Password, null, CancellationToken.None));
    }

    [Theory]
    [InlineData("")]
    [InlineData("correct horse battery staple")]
    [InlineData("md5$1$abc$def")]
    [InlineData("pbkdf2-sha512$0$AAAA$AAAA")]
    public async Task Verify_WithAStoredValueThatIsNotAHashOfThisScheme_ReturnsFalse(string stored)
    {
        Assert.False(await _hasher.VerifyAsync(Password, stored, CancellationToken.None));
    }

    [Fact]
    public async Task Hashing_WhenManyRequestsHashAtOnce_NeverRunsMoreThanTheLimitAtOnce_AndComputesEveryOne()
    {
        const int Requests = 6;
        using var meters = TestHashers.NewMeters();
        var factory = meters.GetRequiredService<IMeterFactory>();
        using var counter = new PasswordHashCounter(factory);
        var hasher = TestHashers.Create(factory, new PasswordOptions { MaxConcurrentHashes = 1, QueueWaitMilliseconds = 60_000 });

        // Each on a thread of its own, so that nothing but the limiter keeps them from running together.
        await Task.WhenAll(Enumerable.Range(0, Requests).Select(_ =>
            Task.Factory.StartNew(() => hasher.HashAsync(Password, CancellationToken.None), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()));

        Assert.Equal(1, counter.MostRunningAtOnce);
        Assert.Equal(Requests, counter.Computed);
    }

    [Fact]
    public async Task Hashing_WhenNoSlotFreesUpWithinTheQueueWait_ThrowsBusyWithTheWaitToRespect_AndComputesNothing()
    {
        using var meters = TestHashers.NewMeters();
        var factory = meters.GetRequiredService<IMeterFactory>();
        using var counter = new PasswordHashCounter(factory);
        using var limiter = new HashingLimiter(new PasswordOptions { MaxConcurrentHashes = 1, QueueWaitMilliseconds = 50 });
        var hasher = new PasswordHasher(limiter, factory);
        var stored = await StoredHash.Value;
        using var taken = await limiter.EnterAsync(CancellationToken.None);

        var busy = await Assert.ThrowsAsync<PasswordHashingBusyException>(() => hasher.VerifyAsync(Password, stored, CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(1), busy.RetryAfter);
        Assert.Equal(0, counter.Computed);
    }
}
