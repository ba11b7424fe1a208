using Dapper;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Notifications;
using SkillHub.Functions.Tests.Registrations;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Notifications;

/// <summary>A participant's preferences, and the admin's view of the outbox.</summary>
public sealed class NotificationRoutesTests(MailAppFixture app) : IClassFixture<MailAppFixture>
{
    [Fact]
    public async Task Preferences_AreBothOnByDefault_AndAPatchChangesOnlyWhatItNames()
    {
        using var client = app.ClientFor(await app.CreateUserAsync(Roles.Participant));

        var initial = await AppFixture.ReadJsonAsync(await client.GetAsync("/api/me/notifications"));
        using var patch = new HttpRequestMessage(HttpMethod.Patch, "/api/me/notifications") { Content = AppFixture.Json(new { reminders = false }) };
        var patched = await AppFixture.ReadJsonAsync(await client.SendAsync(patch));
        var read = await AppFixture.ReadJsonAsync(await client.GetAsync("/api/me/notifications"));

        Assert.True(initial.GetProperty("reminders").GetBoolean());
        Assert.True(initial.GetProperty("workshopUpdates").GetBoolean());
        Assert.False(patched.GetProperty("reminders").GetBoolean());
        Assert.True(patched.GetProperty("workshopUpdates").GetBoolean());
        Assert.Equal(patched.GetRawText(), read.GetRawText());
    }

    [Fact]
    public async Task APatchNamingNothing_Answers422_AndAnAnonymousCaller401()
    {
        using var client = app.ClientFor(await app.CreateUserAsync(Roles.Participant));
        using var patch = new HttpRequestMessage(HttpMethod.Patch, "/api/me/notifications") { Content = AppFixture.Json(new { }) };

        await HttpProblem.AssertAsync(await client.SendAsync(patch), 422);
        await HttpProblem.AssertAsync(await app.Client.GetAsync("/api/me/notifications"), 401);
    }

    [Fact]
    public async Task TheAdminList_ShowsEachMessageSent_FilteredByRecipientAndEvent_AndOnlyToAdmins()
    {
        var (workshopId, _) = await RegistrationTestData.PublishedWorkshopAsync(app, 3);
        var ann = await app.CreateUserAsync(Roles.Participant);
        await RegistrationTestData.RegisterAsync(app, workshopId, ann);
        await Maildev.WaitForAsync(ann.Email);
        await NotificationTestData.WaitUntilNothingPendingAsync(app, ann.Email);
        using var admin = app.ClientFor(await app.CreateUserAsync(Roles.Admin));

        var page = await AppFixture.ReadJsonAsync(await admin.GetAsync($"/api/admin/notifications?recipient={Uri.EscapeDataString(ann.Email)}&event=registration.confirmed"));

        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("registration.confirmed", item.GetProperty("event").GetString());
        Assert.Equal(ann.Email, item.GetProperty("recipient").GetString());
        Assert.Equal("sent", item.GetProperty("status").GetString());
        Assert.Equal(1, item.GetProperty("attempts").GetInt32());
        Assert.StartsWith("Inscription confirmée", item.GetProperty("subject").GetString(), StringComparison.Ordinal);
        using var participant = app.ClientFor(ann);
        await HttpProblem.AssertAsync(await participant.GetAsync("/api/admin/notifications"), 403);
        await HttpProblem.AssertAsync(await admin.GetAsync("/api/admin/notifications?status=lost"), 400);
    }

    [Fact]
    public async Task Retry_OfASentOrPendingMessage_Answers409_AndOfAnUnknownOne404()
    {
        var (workshopId, _) = await RegistrationTestData.PublishedWorkshopAsync(app, 3);
        var ann = await app.CreateUserAsync(Roles.Participant);
        await RegistrationTestData.RegisterAsync(app, workshopId, ann);
        await Maildev.WaitForAsync(ann.Email);
        await NotificationTestData.WaitUntilNothingPendingAsync(app, ann.Email);
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        var id = await connection.ExecuteScalarAsync<Guid>("SELECT id FROM notifications WHERE recipient = @Email", new { ann.Email });
        using var admin = app.ClientFor(await app.CreateUserAsync(Roles.Admin));

        await HttpProblem.AssertAsync(await admin.PostAsync($"/api/admin/notifications/{id}/retry", null), 409);
        await connection.ExecuteAsync("UPDATE notifications SET status = 'pending', next_attempt_at = now() + interval '1 hour' WHERE id = @id", new { id });
        await HttpProblem.AssertAsync(await admin.PostAsync($"/api/admin/notifications/{id}/retry", null), 409);
        await connection.ExecuteAsync("UPDATE notifications SET status = 'sent' WHERE id = @id", new { id });
        await HttpProblem.AssertAsync(await admin.PostAsync($"/api/admin/notifications/{Guid.NewGuid()}/retry", null), 404);
        Assert.Equal(NotificationStatus.Sent, await connection.ExecuteScalarAsync<string>("SELECT status FROM notifications WHERE id = @id", new { id }));
    }
}
