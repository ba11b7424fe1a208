using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SkillHub.Functions.Auth;

namespace SkillHub.Functions.Maintenance;

/// <summary>Keeps the security tables small: expired refresh tokens, their finished sessions and stale login counters go.</summary>
public sealed class PurgeSecurityRecords(IRefreshTokenStore refreshTokens, ILoginThrottle throttle, ILogger<PurgeSecurityRecords> logger)
{
    [Function("PurgeSecurityRecords")]
    public async Task Run([TimerTrigger("%PurgeSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var tokens = await refreshTokens.PurgeExpiredAsync(cancellationToken);
        var counters = await throttle.PurgeAsync(cancellationToken);
        logger.LogInformation("Purged {Tokens} expired refresh tokens and sessions, and {Counters} stale login counters (past due: {PastDue})", tokens, counters, timer.IsPastDue);
    }
}
