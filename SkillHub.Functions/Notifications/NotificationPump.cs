using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SkillHub.Functions.Infrastructure.Hosting;

namespace SkillHub.Functions.Notifications;

/// <summary>
/// The immediate pass: when a request wrote a message, this sends it at once, after the answer, in
/// the background. It is best effort; the <c>SendNotifications</c> timer sends whatever it missed.
/// </summary>
public sealed class NotificationPump(NotificationSignal signal, NotificationSender sender, StartupReadiness readiness, ILogger<NotificationPump> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await signal.WaitAsync(stoppingToken))
        {
            signal.Consume();
            if (!readiness.IsReady)
            {
                continue;
            }

            try
            {
                await sender.SendNowAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed pass leaves every message in the outbox; the timer tries again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                logger.LogWarning("The immediate notification pass failed ({Failure}); the timer will send what is pending", exception.GetType().Name);
            }
        }
    }
}
