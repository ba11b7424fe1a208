using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SkillHub.Functions.Tests.Support;

/// <summary>A message as maildev received it.</summary>
public sealed record ReceivedMail(string Id, string Subject, string Text, string Html, string MessageId, IReadOnlyList<ReceivedAttachment> Attachments);

public sealed record ReceivedAttachment(string FileName, string GeneratedFileName, string ContentType);

/// <summary>
/// The maildev server scripts/test.sh starts (SMTP, and a REST API over what it received): the
/// settings that point an app at it, and what it received for one address.
/// </summary>
public static class Maildev
{
    public const string SmtpVariable = "SKILLHUB_TEST_SMTP";
    public const string ApiVariable = "SKILLHUB_TEST_MAILDEV";

    private static readonly HttpClient Api = new() { BaseAddress = new Uri(Required(ApiVariable)), Timeout = TimeSpan.FromSeconds(30) };

    public static IEnumerable<KeyValuePair<string, string>> SmtpSettings
    {
        get
        {
            var server = Required(SmtpVariable).Split(':');
            return
            [
                new("Smtp:Host", server[0]),
                new("Smtp:Port", server[1]),
                new("Smtp:Security", "none"),
                new("Smtp:From", "SkillHub <no-reply@skillhub.test>"),
            ];
        }
    }

    /// <summary>Every message received for <paramref name="address"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<ReceivedMail>> ReceivedByAsync(string address)
    {
        var emails = await Api.GetFromJsonAsync<List<MaildevEmail>>($"/email?to.address={Uri.EscapeDataString(address)}") ?? [];
        return emails.Select(e => new ReceivedMail(
            e.Id, e.Subject ?? "", e.Text ?? "", e.Html ?? "", (e.Headers is { } headers && headers.TryGetValue("message-id", out var id) ? id.ToString() : ""),
            (e.Attachments ?? []).Select(a => new ReceivedAttachment(a.FileName, a.GeneratedFileName, a.ContentType)).ToList())).ToList();
    }

    /// <summary>Waits (at most <paramref name="timeout"/>, 30 s by default) until <paramref name="address"/> has received at least <paramref name="count"/> messages.</summary>
    public static async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(string address, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var received = await ReceivedByAsync(address);
            if (received.Count >= count || DateTime.UtcNow > deadline)
            {
                Assert.True(received.Count >= count, $"{address} received {received.Count} message(s), {count} expected: {string.Join(" | ", received.Select(m => m.Subject))}");
                return received;
            }

            await Task.Delay(200);
        }
    }

    public static async Task<string> AttachmentAsync(ReceivedMail mail, ReceivedAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(attachment);
        return await Api.GetStringAsync($"/email/{mail.Id}/attachment/{attachment.GeneratedFileName}");
    }

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set: run the tests with scripts/test.sh, which starts maildev.");

    private sealed record MaildevEmail(
        string Id,
        string? Subject,
        string? Text,
        string? Html,
        Dictionary<string, JsonElement>? Headers,
        List<MaildevAttachment>? Attachments);

    private sealed record MaildevAttachment(
        [property: JsonPropertyName("filename")] string FileName,
        string GeneratedFileName,
        string ContentType);
}
