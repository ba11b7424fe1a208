using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using SkillHub.Functions.Infrastructure.Telemetry;
using SkillHub.Functions.Registrations;

namespace SkillHub.Functions.Notifications;

/// <summary>
/// Drains the outbox: turns recorded workshop changes and due reminders into messages, then claims due
/// messages in batches, renders each, sends it over one SMTP connection per batch and records the
/// outcome in the claiming transaction. A message is sent at least once: a crash after the server took
/// it and before the commit sends it again, with the same Message-ID. A failure waits longer before
/// each retry, and the message is failed after <c>Notifications__MaxAttempts</c>.
/// </summary>
public sealed class NotificationSender(
    NotificationOutbox outbox,
    WorkshopNotices workshopNotices,
    IRegistrationStore registrations,
    NotificationMessages messages,
    IMailTransport transport,
    SmtpOptions smtp,
    NotificationOptions options,
    SkillHubMetrics metrics,
    TimeProvider clock,
    ILogger<NotificationSender> logger)
{
    public const int BatchSize = 20;

    /// <summary>The timer's pass; returns how many messages were sent. The outbox's depth is measured after it.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var sent = await SendDueAsync(cancellationToken);
        // Once a timer pass, not once a scrape nor once a request: the count reads every pending row's
        // index entry, and while the mail server is away the pending rows pile up.
        metrics.OutboxDepth(await outbox.PendingCountAsync(cancellationToken));
        return sent;
    }

    /// <summary>The immediate pass after a request wrote a message: the same work, without measuring the depth.</summary>
    public Task<int> SendNowAsync(CancellationToken cancellationToken) => SendDueAsync(cancellationToken);

    private async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await workshopNotices.ExpandChangesAsync(cancellationToken);
        await workshopNotices.EnqueueRemindersAsync(cancellationToken);
        if (!smtp.IsConfigured)
        {
            return 0;
        }

        var sent = 0;
        while (true)
        {
            var batch = await outbox.ClaimAsync(BatchSize, Lease, cancellationToken);
            if (batch.Count == 0)
            {
                return sent;
            }

            sent += await SendAsync(batch, cancellationToken);
            if (batch.Count < BatchSize)
            {
                return sent;
            }
        }
    }

    /// <summary>Long enough for a whole batch to time out message by message, so a lease never ends while its sender still works.</summary>
    private TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(120, 2 * BatchSize * smtp.TimeoutSeconds));

    private async Task<int> SendAsync(IReadOnlyList<PendingNotification> batch, CancellationToken cancellationToken)
    {
        var remaining = batch.Select(m => m.Id).ToHashSet();
        try
        {
            var recipients = await outbox.RecipientsAsync(batch.Select(m => m.UserId).Distinct().ToList(), cancellationToken);
            var workshops = await outbox.WorkshopsAsync(batch.Where(m => m.WorkshopId is not null).Select(m => m.WorkshopId!.Value).Distinct().ToList(), cancellationToken);
            var registered = (await registrations.FindManyAsync(batch.Where(m => m.RegistrationId is not null).Select(m => m.RegistrationId!.Value).Distinct().ToList(), cancellationToken))
                .ToDictionary(r => r.Id);
            var positions = await registrations.WaitlistPositionsAsync(registered.Values.ToList(), cancellationToken);
            var sent = 0;
            IMailConnection? connection = null;
            try
            {
                foreach (var message in batch)
                {
                    remaining.Remove(message.Id);
                    if (!recipients.TryGetValue(message.UserId, out var to))
                    {
                        continue; // The account was deleted meanwhile, and its messages with it.
                    }

                    var registration = message.RegistrationId is { } id ? registered.GetValueOrDefault(id) : null;
                    var composed = messages.Compose(message, new MessageSubject(
                        to,
                        message.WorkshopId is { } workshopId ? workshops.GetValueOrDefault(workshopId) : null,
                        registration,
                        registration is not null && positions.TryGetValue(registration.Id, out var position) ? position : null));
                    if (composed.Message is not { } mail)
                    {
                        await outbox.SkippedAsync(message, to.Email, composed.SkipReason!, CancellationToken.None);
                        continue;
                    }

                    try
                    {
                        connection ??= await transport.ConnectAsync(cancellationToken);
                        await connection.SendAsync(mail, cancellationToken);
                        await outbox.SentAsync(message, to.Email, composed.Subject!, CancellationToken.None);
                        sent++;
                    }
                    catch (Exception exception) when (IsDeliveryFailure(exception, cancellationToken))
                    {
                        var retryAt = options.RetryAt(message.Attempts + 1, clock.GetUtcNow().UtcDateTime);
                        logger.LogWarning("Notification {NotificationId} ({Event}) not sent, attempt {Attempt}: {Error}; {Next}",
                            message.Id, message.Event, message.Attempts + 1, Describe(exception), retryAt is null ? "failed for good" : "retried later");
                        metrics.SendingFailed(message.Event);
                        await outbox.FailedAsync(message, to.Email, composed.Subject, Describe(exception), retryAt, CancellationToken.None);
                        if (exception is not SmtpCommandException)
                        {
                            // The connection itself failed: the next message opens a new one.
                            await DisposeAsync(connection);
                            connection = null;
                        }
                    }
                }
            }
            finally
            {
                await DisposeAsync(connection);
            }

            return sent;
        }
        finally
        {
            if (remaining.Count > 0)
            {
                await ReleaseAsync(remaining);
            }
        }
    }

    /// <summary>Messages the pass stopped before (cancelled, or a database unreachable) are due again now; if even that fails, when their lease ends.</summary>
    private async Task ReleaseAsync(HashSet<Guid> ids)
    {
        try
        {
            await outbox.ReleaseAsync(ids, CancellationToken.None);
        }
#pragma warning disable CA1031 // The lease's end releases them anyway; the original failure is what the caller sees.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.LogWarning("Could not release {Count} claimed notification(s) ({Failure}); they are due again when their lease ends", ids.Count, exception.GetType().Name);
        }
    }

    private static async Task DisposeAsync(IMailConnection? connection)
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    /// <summary>What the server or the network said, in one line: never a credential, which no SMTP reply repeats.</summary>
    internal static string Describe(Exception exception) => exception switch
    {
        SmtpCommandException command => $"The SMTP server refused the message ({(int)command.StatusCode}): {command.Message.Trim()}",
        AuthenticationException => "The SMTP server refused the credentials (Smtp__Username, Smtp__Password).",
        SocketException socket => $"The SMTP server cannot be reached: {socket.SocketErrorCode}.",
        TimeoutException or OperationCanceledException => "The SMTP server did not answer in time.",
        SslHandshakeException => "The TLS handshake with the SMTP server failed (Smtp__Security).",
        _ => $"{exception.GetType().Name}: {exception.Message.Trim()}",
    };

    /// <summary>A failure of this message's delivery, as opposed to the pass being stopped.</summary>
    private static bool IsDeliveryFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or AuthenticationException
            or SslHandshakeException or SocketException or IOException or TimeoutException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
