using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace SkillHub.Functions.Notifications;

/// <summary><c>Smtp__*</c>: the server messages leave through. Without <c>Smtp__Host</c> messages wait in the outbox.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int? Port { get; set; }

    public string From { get; set; } = "SkillHub <no-reply@skillhub.local>";

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary><c>none</c>, <c>starttls</c> (the default) or <c>tls</c>.</summary>
    public string Security { get; set; } = "starttls";

    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public MailboxAddress Sender { get; private set; } = new("SkillHub", "no-reply@skillhub.local");

    public SecureSocketOptions SocketOptions => Security switch
    {
        "none" => SecureSocketOptions.None,
        "tls" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    public int EffectivePort => Port ?? Security switch { "tls" => 465, "none" => 25, _ => 587 };

    public static SmtpOptions Load(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<SmtpOptions>() ?? new SmtpOptions();
        options.Security = options.Security.Trim().ToLowerInvariant();
        if (options.Security is not ("none" or "starttls" or "tls"))
        {
            throw new InvalidOperationException("Smtp__Security must be none, starttls or tls.");
        }

        if (options.Port is < 1 or > 65535)
        {
            throw new InvalidOperationException("Smtp__Port must be between 1 and 65535.");
        }

        if (options.TimeoutSeconds is < 1 or > 600)
        {
            throw new InvalidOperationException("Smtp__TimeoutSeconds must be between 1 and 600.");
        }

        if (!MailboxAddress.TryParse(options.From, out var sender))
        {
            throw new InvalidOperationException("Smtp__From must be an e-mail address, such as \"SkillHub <no-reply@example.org>\".");
        }

        if (string.IsNullOrEmpty(options.Username) != string.IsNullOrEmpty(options.Password))
        {
            throw new InvalidOperationException("Smtp__Username and Smtp__Password go together: set both or neither.");
        }

        options.Sender = sender;
        return options;
    }
}
