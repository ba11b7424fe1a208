using System.Net;
using Dapper;
using MailKit.Net.Smtp;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Moq;
using SkillHub.Functions.Auth;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Notifications;
using SkillHub.Functions.Tests.Registrations;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Notifications;

/// <summary>
/// The app whose mail server is a double that refuses until told otherwise, with few attempts
/// allowed: what the outbox does with failures, and the admin's retry.
/// </summary>
public sealed class FailingMailAppFixture : AppFixture
{
    public const int MaxAttempts = 3;

    public Mock<IMailConnection> Connection { get; } = new();

    public List<MimeMessage> Delivered { get; } = [];

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Smtp:Host", "smtp.invalid"),
        new("Smtp:Security", "none"),
        new("Notifications:MaxAttempts", MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        // The tests run each pass themselves: the timer waits for New Year.
        new("NotificationSchedule", "0 0 0 1 1 *"),
    ];

    /// <summary>From now on, each message is refused as a mailbox that does not exist.</summary>
    public void Refuse() =>
        Connection.Setup(c => c.SendAsync(It.IsAny<MimeMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, "5.1.1 No such mailbox"));

    public void Accept() =>
        Connection.Setup(c => c.SendAsync(It.IsAny<MimeMessage>(), It.IsAny<CancellationToken>()))
            .Callback<MimeMessage, CancellationToken>((message, _) => { lock (Delivered) { Delivered.Add(message); } })
            .Returns(Task.CompletedTask);

    protected override void ConfigureServices(IServiceCollection services)
    {
        var transport = new Mock<IMailTransport>();
        transport.Setup(t => t.ConnectAsync(It.IsAny<CancellationToken>())).ReturnsAsync(() => Connection.Object);
        services.AddSingleton(transport.Object);
    }
}

/// <summary>Failures, retries and crashes: the outbox loses no message and sends none twice.</summary>
public sealed class NotificationDeliveryTests(FailingMailAppFixture app) : IClassFixture<FailingMailAppFixture>
{
    [Fact]
    public async Task ARefusedMessage_IsRetriedLaterEachTime_ThenFailed_AndTheAdminsRetrySendsItOnce()
    {
        app.Refuse();
        var user = await app.CreateUserAsync(Roles.Participant);
        await EnqueueQuietlyAsync(user.Id);
        var delays = new List<TimeSpan>();

        for (var attempt = 1; attempt <= FailingMailAppFixture.MaxAttempts; attempt++)
        {
            await MakeDueAsync(user.Id);
            await SendAsync();
            var row = await RowAsync(user.Id);
            Assert.Equal(attempt, row.Attempts);
            Assert.Contains("No such mailbox", row.LastError, StringComparison.Ordinal);
            Assert.Equal(attempt < FailingMailAppFixture.MaxAttempts ? NotificationStatus.Pending : NotificationStatus.Failed, row.Status);
            delays.Add(row.NextAttemptAt - row.UpdatedAt);
        }

        Assert.Equal(TimeSpan.FromSeconds(30), Round(delays[0]));
        Assert.Equal(TimeSpan.FromSeconds(60), Round(delays[1]));
        app.Accept();
        using var admin = app.ClientFor(await app.CreateUserAsync(Roles.Admin));
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/api/admin/notifications/{(await RowAsync(user.Id)).Id}/retry", null)).StatusCode);
        await SendAsync();
        await WaitUntilNothingPendingAsync(user.Id);
        await SendAsync();

        Assert.Equal(NotificationStatus.Sent, (await RowAsync(user.Id)).Status);
        Assert.Single(Delivered(user.Email));
        await HttpProblem.AssertAsync(await admin.PostAsync($"/api/admin/notifications/{(await RowAsync(user.Id)).Id}/retry", null), 409);
    }

    [Fact]
    public async Task AMessageToADisabledAccount_IsNeverSent()
    {
        app.Accept();
        var user = await app.CreateUserAsync(Roles.Participant);
        await EnqueueQuietlyAsync(user.Id, disable: true);

        await SendAsync();

        var row = await RowAsync(user.Id);
        Assert.Equal(NotificationStatus.Skipped, row.Status);
        Assert.Equal("The account is disabled.", row.LastError);
        Assert.Empty(Delivered(user.Email));
    }

    [Fact]
    public async Task AMessageLostBetweenTheDocumentAndTheOutbox_IsWrittenAgainByReconciliation_AndSentOnce()
    {
        app.Accept();
        var (workshopId, _) = await RegistrationTestData.PublishedWorkshopAsync(app, 2);
        var ann = await app.CreateUserAsync(Roles.Participant);
        await RegistrationTestData.RegisterAsync(app, workshopId, ann);
        await SendAsync();
        await using (var connection = await app.Database.DataSource.OpenConnectionAsync())
        {
            // As if the app had stopped between the registration document and its outbox row.
            await connection.ExecuteAsync("DELETE FROM notifications WHERE user_id = @Id", new { ann.Id });
        }

        var written = await app.Services.GetRequiredService<NotificationReconciliation>().RunAsync(CancellationToken.None);
        var again = await app.Services.GetRequiredService<NotificationReconciliation>().RunAsync(CancellationToken.None);
        await SendAsync();
        // Writing it woke the immediate pass too, which may hold it a moment longer.
        await WaitUntilNothingPendingAsync(ann.Id);

        Assert.True(written >= 1);
        Assert.Equal(0, again);
        Assert.Equal(NotificationStatus.Sent, (await RowAsync(ann.Id)).Status);
        Assert.Equal(2, Delivered(ann.Email).Count);
        Assert.Single(Delivered(ann.Email).Select(m => m.MessageId).Distinct());
    }

    [Fact]
    public async Task MessagesWrittenByAnAppThatStopped_AreSentByTheNextOne_AndTwoInstancesDrainingTogetherSendEachOnce()
    {
        app.Accept();
        var people = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => app.CreateUserAsync(Roles.Participant)));
        await using (var stopped = await AppInstance.StartAsync(app.Database.ConnectionString))
        {
            // This instance has no mail server: it writes the messages and stops without sending any.
            foreach (var person in people)
            {
                await stopped.Services.GetRequiredService<PasswordResets>().RequestAsync(person.Email, CancellationToken.None);
            }
        }

        var sharedTransport = app.Services.GetRequiredService<IMailTransport>();
        await using var second = await AppInstance.StartAsync(
            app.Database.ConnectionString,
            [new("Smtp:Host", "smtp.invalid"), new("Smtp:Security", "none")],
            services => services.AddSingleton(sharedTransport));
        var senders = new[] { app.Services, second.Services }.Select(s => s.GetRequiredService<NotificationSender>()).ToList();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => senders[i % 2].RunAsync(CancellationToken.None)));
        foreach (var person in people)
        {
            // The second instance's own timer may have taken some of them in the meantime.
            await WaitUntilNothingPendingAsync(person.Id);
        }

        Assert.All(people, person => Assert.Single(Delivered(person.Email)));
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        Assert.Equal(people.Length, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM notifications WHERE user_id = ANY(@ids) AND status = 'sent'", new { ids = people.Select(p => p.Id).ToArray() }));
    }

    /// <summary>A reset message in the outbox, written without waking the sender, so each pass is the test's own.</summary>
    private async Task EnqueueQuietlyAsync(Guid userId, bool disable = false)
    {
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await app.Services.GetRequiredService<NotificationOutbox>().EnqueueAsync(connection, transaction, [Notice.ForPasswordReset(userId, Guid.NewGuid())], CancellationToken.None);
        if (disable)
        {
            await connection.ExecuteAsync("UPDATE users SET disabled = true WHERE id = @userId", new { userId }, transaction);
        }

        await transaction.CommitAsync();
    }

    private async Task WaitUntilNothingPendingAsync(Guid userId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await RowsAsync(userId)).Contains(NotificationStatus.Pending) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }

    private async Task<List<string>> RowsAsync(Guid userId)
    {
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<string>("SELECT status FROM notifications WHERE user_id = @userId", new { userId })).AsList();
    }

    private static TimeSpan Round(TimeSpan delay) => TimeSpan.FromSeconds(Math.Round(delay.TotalSeconds));

    private List<MimeMessage> Delivered(string address)
    {
        lock (app.Delivered)
        {
            return app.Delivered.Where(m => m.To.Mailboxes.Any(b => b.Address == address)).ToList();
        }
    }

    private Task<int> SendAsync() => app.Services.GetRequiredService<NotificationSender>().RunAsync(CancellationToken.None);

    private async Task MakeDueAsync(Guid userId)
    {
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE notifications SET next_attempt_at = now() - interval '1 second' WHERE user_id = @userId AND status = 'pending'", new { userId });
    }

    private async Task<OutboxRow> RowAsync(Guid userId)
    {
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<OutboxRow>(
            """
            SELECT id AS Id, status AS Status, attempts AS Attempts, last_error AS LastError,
                   next_attempt_at AS NextAttemptAt, now()::timestamptz AS UpdatedAt
              FROM notifications WHERE user_id = @userId
            """,
            new { userId });
    }

    private sealed record OutboxRow(Guid Id, string Status, int Attempts, string? LastError, DateTime NextAttemptAt, DateTime UpdatedAt);
}
