using SkillHub.Functions.Infrastructure.Http;

namespace SkillHub.Functions.Auth;

public sealed class PasswordOptions
{
    public const string Section = "Passwords";

    /// <summary>PBKDF2 computations that may run at once; the rest queue. One per core keeps a burst from starving every other request.</summary>
    public int MaxConcurrentHashes { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>How long a request waits in the queue for a hashing slot before it is answered 503.</summary>
    public int QueueWaitMilliseconds { get; set; } = 2000;

    public void Validate()
    {
        if (MaxConcurrentHashes is < 1 or > 1024 || QueueWaitMilliseconds is < 0 or > 60_000)
        {
            throw new InvalidOperationException("Passwords__MaxConcurrentHashes must be 1..1024 and Passwords__QueueWaitMilliseconds 0..60000.");
        }
    }
}

/// <summary>No hashing slot freed up within the queue wait: the server is busy, and the request should come back later.</summary>
public sealed class PasswordHashingBusyException(TimeSpan retryAfter)
    : ServiceBusyException("Every password-hashing slot stayed busy for the whole queue wait.", "The server is busy checking passwords. Retry later.", retryAfter);

/// <summary>The slots PBKDF2 runs in, one set per process: <see cref="PasswordHasher"/> takes one for every computation.</summary>
public sealed class HashingLimiter(PasswordOptions options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.MaxConcurrentHashes, options.MaxConcurrentHashes);

    private TimeSpan RetryAfter => TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(options.QueueWaitMilliseconds / 1000.0)));

    /// <summary>Waits for a slot, at most the queue wait; dispose the answer to give the slot back.</summary>
    /// <exception cref="PasswordHashingBusyException">No slot freed up in time.</exception>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (!await _slots.WaitAsync(options.QueueWaitMilliseconds, cancellationToken))
        {
            throw new PasswordHashingBusyException(RetryAfter);
        }

        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
