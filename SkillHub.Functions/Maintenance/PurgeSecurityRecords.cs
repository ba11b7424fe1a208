using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Attendance;
using SkillHub.Functions.Auth;

namespace SkillHub.Functions.Maintenance;

/// <summary>
/// Keeps the security records small: expired refresh tokens and their finished sessions, stale login, sign-up, reset and check-in counters, expired reset links, and
/// activity entries past <c>Activity__RetentionDays</c> go (in MongoDB a TTL index also removes those).
/// </summary>
public sealed class PurgeSecurityRecords(
    IRefreshTokenStore refreshTokens,
    ILoginThrottle throttle,
    IRegisterThrottle registerThrottle,
    CheckInThrottle checkInThrottle,
    PasswordResets passwordResets,
    IActivityLog activity,
    ActivityOptions activityOptions,
    TimeProvider clock,
    ILogger<PurgeSecurityRecords> logger)
{
    [Function("PurgeSecurityRecords")]
    public async Task Run([TimerTrigger("%PurgeSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var tokens = await refreshTokens.PurgeExpiredAsync(cancellationToken);
        var counters = await throttle.PurgeAsync(cancellationToken) + await registerThrottle.PurgeAsync(cancellationToken)
            + await passwordResets.PurgeAsync(cancellationToken) + await checkInThrottle.PurgeAsync(cancellationToken);
        var entries = await activity.PurgeOlderThanAsync(clock.GetUtcNow().UtcDateTime - activityOptions.Retention, cancellationToken);
        logger.LogInformation(
            "Purged {Tokens} expired refresh tokens and sessions, {Counters} stale throttle counters and {Entries} activity entries past retention (past due: {PastDue})",
            tokens, counters, entries, timer.IsPastDue);
    }
}
