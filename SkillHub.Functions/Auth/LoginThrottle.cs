using SkillHub.Functions.Infrastructure.Http;

namespace SkillHub.Functions.Auth;

public sealed class LoginThrottleOptions
{
    public const string Section = "LoginThrottle";

    /// <summary>Attempts at one account from one client address within the window: the strict limit a guesser meets.</summary>
    public int AccountAddressMaxFailures { get; set; } = 5;

    /// <summary>
    /// Attempts at one account from every address together: looser, so that a stranger guessing
    /// from one address never locks the owner out, yet a guesser spread over many addresses still
    /// meets a limit (4 addresses' worth of the strict one).
    /// </summary>
    public int AccountMaxFailures { get; set; } = 20;

    /// <summary>Attempts from one client address (an IPv6 /64) on any account: looser, for offices behind one NAT.</summary>
    public int AddressMaxFailures { get; set; } = 50;

    public int WindowSeconds { get; set; } = 15 * 60;

    public int LockoutSeconds { get; set; } = 15 * 60;

    public void Validate()
    {
        if (AccountAddressMaxFailures < 1 || AccountMaxFailures < 1 || AddressMaxFailures < 1 || WindowSeconds < 1 || LockoutSeconds < 1)
        {
            throw new InvalidOperationException("LoginThrottle settings must all be positive.");
        }
    }
}

/// <summary>Login attempts counted where every app instance sees them.</summary>
public interface ILoginThrottle
{
    /// <summary>
    /// Reserves one password check of <paramref name="account"/> from <paramref name="address"/>,
    /// before any hashing: null when it may go ahead, else how long the caller must wait. The
    /// attempt counts as failed unless <see cref="RecordSuccessAsync"/> follows.
    /// </summary>
    Task<TimeSpan?> ReserveAsync(string account, string address, CancellationToken cancellationToken);

    /// <summary>The reserved attempt proved the password.</summary>
    Task RecordSuccessAsync(string account, string address, CancellationToken cancellationToken);

    Task<int> PurgeAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Counts login attempts per (account, address) with the strict limit, per account and per
/// address with looser ones, and locks a key for a while once an attempt would pass its limit.
/// </summary>
public sealed class LoginThrottle(ThrottleCounters counters, LoginThrottleOptions options) : ILoginThrottle
{
    public const string AccountAddressScope = "account_address";
    public const string AccountScope = "account";
    public const string AddressScope = "address";

    private static readonly string[] Scopes = [AccountAddressScope, AddressScope, AccountScope];

    private ThrottleWindow Window => new(options.WindowSeconds, options.LockoutSeconds);

    public Task<TimeSpan?> ReserveAsync(string account, string address, CancellationToken cancellationToken) =>
        counters.ReserveAsync([Pair(account, address), Address(address), Account(account)], Window, cancellationToken);

    /// <summary>
    /// The owner proved the password: the account's counts start again. The address only gets
    /// its reservation back, so logging in to one's own account between guesses at others buys nothing.
    /// </summary>
    public async Task RecordSuccessAsync(string account, string address, CancellationToken cancellationToken)
    {
        await counters.ClearAsync(Pair(account, address), cancellationToken);
        await counters.ClearAsync(Account(account), cancellationToken);
        await counters.GiveBackAsync(Address(address), cancellationToken);
    }

    /// <summary>Forgets windows that ended long ago; called by the maintenance timer.</summary>
    public Task<int> PurgeAsync(CancellationToken cancellationToken) => counters.PurgeAsync(Scopes, options.WindowSeconds, cancellationToken);

    /// <summary>The key of one account tried from one address; an address never contains '|', so the key is unambiguous.</summary>
    public static string PairKey(string account, string address) => $"{AddressKey.Of(address)}|{account}";

    private ThrottleKey Pair(string account, string address) => new(AccountAddressScope, PairKey(account, address), options.AccountAddressMaxFailures);

    private ThrottleKey Address(string address) => new(AddressScope, AddressKey.Of(address), options.AddressMaxFailures);

    private ThrottleKey Account(string account) => new(AccountScope, account, options.AccountMaxFailures);
}
