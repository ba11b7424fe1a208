using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
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
    TimeProvider clock,
    ILogger<NotificationSender> logger)
{
    public const int BatchSize = 20;

    /// <summary>One pass; returns how many messages were sent.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
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
            await using var batch = await outbox.ClaimAsync(BatchSize, cancellationToken);
            if (batch.Items.Count == 0)
            {
                return sent;
            }

            sent += await SendAsync(batch, cancellationToken);
            await batch.CommitAsync(CancellationToken.None);
            if (batch.Items.Count < BatchSize)
            {
                return sent;
            }
        }
    }

    private async Task<int> SendAsync(OutboxBatch batch, CancellationToken cancellationToken)
    {
        var recipients = await outbox.RecipientsAsync(batch.Items.Select(m => m.UserId).Distinct().ToList(), cancellationToken);
        var workshops = await outbox.WorkshopsAsync(batch.Items.Where(m => m.WorkshopId is not null).Select(m => m.WorkshopId!.Value).Distinct().ToList(), cancellationToken);
        var registered = (await registrations.FindManyAsync(batch.Items.Where(m => m.RegistrationId is not null).Select(m => m.RegistrationId!.Value).Distinct().ToList(), cancellationToken))
            .ToDictionary(r => r.Id);
        var positions = await registrations.WaitlistPositionsAsync(registered.Values.ToList(), cancellationToken);
        var sent = 0;
        IMailConnection? connection = null;
        try
        {
            foreach (var message in batch.Items)
            {
                var now = clock.GetUtcNow().UtcDateTime;
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
                    await batch.SkippedAsync(message, to.Email, composed.SkipReason!, now, CancellationToken.None);
                    continue;
                }

                try
                {
                    connection ??= await transport.ConnectAsync(cancellationToken);
                    await connection.SendAsync(mail, cancellationToken);
                    await batch.SentAsync(message, to.Email, composed.Subject!, now, CancellationToken.None);
                    sent++;
                }
                catch (Exception exception) when (IsDeliveryFailure(exception, cancellationToken))
                {
                    var retryAt = options.RetryAt(message.Attempts + 1, now);
                    logger.LogWarning("Notification {NotificationId} ({Event}) not sent, attempt {Attempt}: {Error}; {Next}",
                        message.Id, message.Event, message.Attempts + 1, Describe(exception), retryAt is null ? "failed for good" : "retried later");
                    await batch.FailedAsync(message, to.Email, composed.Subject, Describe(exception), retryAt, now, CancellationToken.None);
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
