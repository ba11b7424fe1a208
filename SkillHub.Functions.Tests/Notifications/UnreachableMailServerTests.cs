using System.Net;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Notifications;
using SkillHub.Functions.Tests.Registrations;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Notifications;

/// <summary>The app pointed at an SMTP port where nothing listens.</summary>
public sealed class UnreachableMailAppFixture : AppFixture
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("Smtp:Host", "127.0.0.1"), new("Smtp:Port", "1"), new("Smtp:Security", "none"), new("Smtp:TimeoutSeconds", "5")];
}

/// <summary>A mail server that is down changes no answer of the API: the message waits for its next attempt, and the admin sees why.</summary>
public sealed class UnreachableMailServerTests(UnreachableMailAppFixture app) : IClassFixture<UnreachableMailAppFixture>
{
    [Fact]
    public async Task Registering_WhileTheMailServerIsDown_Answers201_AndTheMessageWaitsWithTheReason()
    {
        var (workshopId, _) = await RegistrationTestData.PublishedWorkshopAsync(app, 2);
        var ann = await app.CreateUserAsync(Roles.Participant);

        var (status, _) = await RegistrationTestData.RegisterAsync(app, workshopId, ann);

        Assert.Equal(HttpStatusCode.Created, status);
        using var admin = app.ClientFor(await app.CreateUserAsync(Roles.Admin));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        System.Text.Json.JsonElement item;
        do
        {
            var page = await AppFixture.ReadJsonAsync(await admin.GetAsync($"/api/admin/notifications?recipient={Uri.EscapeDataString(ann.Email)}"));
            item = Assert.Single(page.GetProperty("items").EnumerateArray());
        }
        while (item.GetProperty("attempts").GetInt32() == 0 && DateTime.UtcNow < deadline && await Task.Delay(200).ContinueWith(_ => true));

        Assert.Equal(NotificationStatus.Pending, item.GetProperty("status").GetString());
        Assert.Equal(1, item.GetProperty("attempts").GetInt32());
        Assert.StartsWith("The SMTP server cannot be reached", item.GetProperty("lastError").GetString(), StringComparison.Ordinal);
    }
}
