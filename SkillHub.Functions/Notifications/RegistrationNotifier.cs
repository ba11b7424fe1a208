using Microsoft.Extensions.Logging;
using SkillHub.Functions.Registrations;

namespace SkillHub.Functions.Notifications;

/// <summary>
/// Writes the message a registration's newest change makes, right after the document that holds the
/// change. A failure here never fails the request: the change is in the document's history, and
/// reconciliation derives the message again from it (<see cref="NotificationReconciliation"/>).
/// </summary>
public sealed class RegistrationNotifier(NotificationOutbox outbox, ILogger<RegistrationNotifier> logger) : IRegistrationNotifier
{
    public async Task ChangedAsync(Registration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (Notice.ForNewest(registration) is not { } notice)
        {
            return;
        }

        try
        {
            await outbox.EnqueueFromHistoryAsync([notice], CancellationToken.None);
        }
#pragma warning disable CA1031 // The message is derived again by reconciliation; the registration stands.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.LogWarning("Message {Key} not written ({Failure}); reconciliation will write it", notice.Key, exception.GetType().Name);
        }
    }
}
