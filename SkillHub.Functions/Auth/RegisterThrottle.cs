using SkillHub.Functions.Infrastructure.Http;

namespace SkillHub.Functions.Auth;

public sealed class RegisterThrottleOptions
{
    public const string Section = "RegisterThrottle";

    /// <summary>Accounts one client address (an IPv6 /64) may try to create within the window.</summary>
    public int MaxPerAddress { get; set; } = 10;

    /// <summary>The window; an address past its allowance waits as long again.</summary>
    public int WindowSeconds { get; set; } = 60 * 60;

    public void Validate()
    {
        if (MaxPerAddress < 1 || WindowSeconds < 1)
        {
            throw new InvalidOperationException("RegisterThrottle settings must all be positive.");
        }
    }
}

/// <summary>Sign-ups counted per client address where every app instance sees them.</summary>
public interface IRegisterThrottle
{
    /// <summary>Reserves one account creation from <paramref name="address"/>: null when it may go ahead, else how long to wait.</summary>
    Task<TimeSpan?> ReserveAsync(string address, CancellationToken cancellationToken);

    Task<int> PurgeAsync(CancellationToken cancellationToken);
}

/// <summary>Bounds how many accounts one address creates, and how many e-mail addresses it can probe through 409s.</summary>
public sealed class RegisterThrottle(ThrottleCounters counters, RegisterThrottleOptions options) : IRegisterThrottle
{
    public const string Scope = "register";

    public Task<TimeSpan?> ReserveAsync(string address, CancellationToken cancellationToken) =>
        counters.ReserveAsync(
            [new ThrottleKey(Scope, AddressKey.Of(address), options.MaxPerAddress)],
            new ThrottleWindow(options.WindowSeconds, options.WindowSeconds),
            cancellationToken);

    public Task<int> PurgeAsync(CancellationToken cancellationToken) => counters.PurgeAsync([Scope], options.WindowSeconds, cancellationToken);
}
