using MailKit.Net.Smtp;
using MimeKit;

namespace SkillHub.Functions.Notifications;

/// <summary>Where messages leave through: SMTP in the app, a double in the sender's unit tests.</summary>
public interface IMailTransport
{
    Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken);
}

/// <summary>One connection to the mail server, used for a batch of messages.</summary>
public interface IMailConnection : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>MailKit over SMTP, as <c>Smtp__*</c> says.</summary>
public sealed class SmtpMailTransport(SmtpOptions options) : IMailTransport
{
    public async Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(options.TimeoutSeconds).TotalMilliseconds };
        try
        {
            await client.ConnectAsync(options.Host ?? throw new InvalidOperationException("Smtp__Host is not set."), options.EffectivePort, options.SocketOptions, cancellationToken);
            if (!string.IsNullOrEmpty(options.Username))
            {
                await client.AuthenticateAsync(options.Username, options.Password ?? string.Empty, cancellationToken);
            }

            return new Connection(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class Connection(SmtpClient client) : IMailConnection
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => await client.SendAsync(message, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true, CancellationToken.None);
                }
            }
            catch (Exception exception) when (exception is IOException or SmtpProtocolException or OperationCanceledException or TimeoutException)
            {
                // The messages are sent or recorded as failed already; a failed QUIT changes nothing.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
