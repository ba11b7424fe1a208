using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Auth;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Notifications;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Notifications;

/// <summary>A forgotten password, from the request to the link in the e-mail maildev received and the new password.</summary>
public sealed partial class PasswordResetTests(MailAppFixture app) : IClassFixture<MailAppFixture>
{
    private const string NewPassword = "a brand new lantern by the sea";

    [Fact]
    public async Task TheLinkInTheEmail_SetsTheNewPassword_Once_AndEndsEverySession()
    {
        var user = await app.CreateUserAsync(Roles.Participant, displayName: "Ann");
        var refreshToken = (await AppFixture.ReadJsonAsync(await app.Client.PostAsync("/api/auth/login", AppFixture.Json(new { email = user.Email, password = user.Password }))))
            .GetProperty("refreshToken").GetString();

        Assert.Equal(HttpStatusCode.Accepted, (await RequestResetAsync(user.Email.ToUpperInvariant())).StatusCode);
        var mail = Assert.Single(await Maildev.WaitForAsync(user.Email));
        Assert.Equal("Réinitialisation de votre mot de passe SkillHub", mail.Subject);
        Assert.Contains("30 minutes", mail.Text, StringComparison.Ordinal);
        var token = Uri.UnescapeDataString(ResetLink().Match(mail.Text).Groups["token"].Value);

        Assert.Equal(HttpStatusCode.NoContent, (await ConfirmAsync(token, NewPassword)).StatusCode);

        await HttpProblem.AssertAsync(await LoginAsync(user.Email, user.Password), 401);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(user.Email, NewPassword)).StatusCode);
        await HttpProblem.AssertAsync(await app.Client.PostAsync("/api/auth/refresh", AppFixture.Json(new { refreshToken })), 401);
        await AssertRefusedWithinFiveSecondsAsync(user.AccessToken);
        await HttpProblem.AssertAsync(await ConfirmAsync(token, "yet another fine long password"), 400);
    }

    [Fact]
    public async Task AnUnknownAddress_GetsTheSameAnswer_AndNoMessageIsWritten()
    {
        var unknown = $"nobody-{Guid.NewGuid():N}@example.test";

        var response = await RequestResetAsync(unknown);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        await app.Services.GetRequiredService<NotificationSender>().RunAsync(CancellationToken.None);
        Assert.Empty(await Maildev.ReceivedByAsync(unknown));
        Assert.Empty(await NotificationTestData.OutboxAsync(app, unknown));
    }

    [Fact]
    public async Task AForgedSpentOrExpiredToken_Answers400_AndTheOldPasswordStillWorks()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        await RequestResetAsync(user.Email);
        var token = Uri.UnescapeDataString(ResetLink().Match((await Maildev.WaitForAsync(user.Email))[0].Text).Groups["token"].Value);
        await using (var connection = await app.Database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE password_resets SET expires_at = now() - interval '1 minute' WHERE user_id = @Id", new { user.Id });
        }

        await HttpProblem.AssertAsync(await ConfirmAsync(token, NewPassword), 400);
        await HttpProblem.AssertAsync(await ConfirmAsync("not-a-token", NewPassword), 400);
        await HttpProblem.AssertAsync(await ConfirmAsync(app.Services.GetRequiredService<PasswordResetTokens>().Create(Guid.NewGuid()), NewPassword), 400);
        await HttpProblem.AssertAsync(await ConfirmAsync(token[..^2] + (token[^2] == 'A' ? "BB" : "AA"), NewPassword), 400);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(user.Email, user.Password)).StatusCode);
    }

    [Fact]
    public async Task AWeakNewPassword_Answers422_AndTheLinkStillWorks()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        await RequestResetAsync(user.Email);
        var token = Uri.UnescapeDataString(ResetLink().Match((await Maildev.WaitForAsync(user.Email))[0].Text).Groups["token"].Value);

        await HttpProblem.AssertAsync(await ConfirmAsync(token, "short"), 422);

        Assert.Equal(HttpStatusCode.NoContent, (await ConfirmAsync(token, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task RequestsForOneAddress_AreThrottled_WithRetryAfter()
    {
        var address = $"flood-{Guid.NewGuid():N}@example.test";
        for (var i = 0; i < PasswordResets.MaxPerAccount; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await RequestResetAsync(address)).StatusCode);
        }

        var refused = await RequestResetAsync(address);

        await HttpProblem.AssertAsync(refused, 429);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
    }

    [GeneratedRegex(@"token=(?<token>[A-Za-z0-9_%\-]+)")]
    private static partial Regex ResetLink();

    private Task<HttpResponseMessage> RequestResetAsync(string email) => app.Client.PostAsync("/api/auth/password-reset", AppFixture.Json(new { email }));

    private Task<HttpResponseMessage> ConfirmAsync(string token, string newPassword) =>
        app.Client.PostAsync("/api/auth/password-reset/confirm", AppFixture.Json(new { token, newPassword }));

    private Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        app.Client.PostAsync("/api/auth/login", AppFixture.Json(new { email, password }));

    private async Task AssertRefusedWithinFiveSecondsAsync(string accessToken)
    {
        using var client = app.CreateClient(accessToken);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        HttpResponseMessage response;
        do
        {
            response = await client.GetAsync("/api/me");
        }
        while (response.StatusCode != HttpStatusCode.Unauthorized && DateTime.UtcNow < deadline && await Task.Delay(100).ContinueWith(_ => true));

        await HttpProblem.AssertAsync(response, 401);
    }
}
