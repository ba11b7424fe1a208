using SkillHub.Functions.Auth;

namespace SkillHub.Functions.Attendance;

public sealed class CheckInOptions
{
    public const string Section = "CheckIn";

    /// <summary>Wrong codes one participant may send for one workshop before their check-in there is locked.</summary>
    public int MaxWrongCodes { get; set; } = 10;

    /// <summary>How long the wrong codes are counted, and how long a lock lasts: longer than a workshop's day, so a guesser gets no second round.</summary>
    public int LockoutSeconds { get; set; } = 24 * 60 * 60;

    public void Validate()
    {
        if (MaxWrongCodes < 1 || LockoutSeconds < 1)
        {
            throw new InvalidOperationException("CheckIn settings must all be positive.");
        }
    }
}

/// <summary>
/// Check-in attempts per (participant, workshop), counted in PostgreSQL with the login throttle's
/// counters so every instance agrees: an attempt is reserved before the code is compared and a right
/// code gives it back, so only wrong codes count, and parallel guesses never exceed the allowance.
/// </summary>
public sealed class CheckInThrottle(ThrottleCounters counters, CheckInOptions options)
{
    public const string Scope = "check_in";

    private ThrottleWindow Window => new(options.LockoutSeconds, options.LockoutSeconds);

    /// <summary>Null when the attempt may compare its code, else how long the participant is locked out.</summary>
    public Task<TimeSpan?> ReserveAsync(Guid workshopId, Guid userId, CancellationToken cancellationToken) =>
        counters.ReserveAsync([Key(workshopId, userId)], Window, cancellationToken);

    /// <summary>The reserved attempt sent the right code: it does not count.</summary>
    public Task RightCodeAsync(Guid workshopId, Guid userId, CancellationToken cancellationToken) =>
        counters.GiveBackAsync(Key(workshopId, userId), cancellationToken);

    public Task<int> PurgeAsync(CancellationToken cancellationToken) => counters.PurgeAsync([Scope], options.LockoutSeconds, cancellationToken);

    private ThrottleKey Key(Guid workshopId, Guid userId) => new(Scope, $"{workshopId:N}|{userId:N}", options.MaxWrongCodes);
}
