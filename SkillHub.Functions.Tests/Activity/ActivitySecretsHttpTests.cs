using System.Net;
using System.Text.Json;
using Dapper;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Json;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Workshops;

namespace SkillHub.Functions.Tests.Activity;

/// <summary>After a whole flow over HTTP, no stored entry holds a password, a token or a password hash.</summary>
public sealed class ActivitySecretsHttpTests(ActivityAppFixture app) : IClassFixture<ActivityAppFixture>
{
    [Fact]
    public async Task AfterAFullFlow_NoEntryHoldsAPasswordATokenOrAHash()
    {
        var secrets = new List<string>();
        var email = $"flow-{Guid.NewGuid():N}@example.test";
        const string Password = "violet umbrella marching slowly";
        const string WrongPassword = "violet umbrella marching quickly";
        const string TrainerPassword = "amber lantern over quiet harbour";
        const string NewPassword = "copper kite above the orchard";
        secrets.AddRange([Password, WrongPassword, TrainerPassword, NewPassword, AppFixture.DefaultPassword]);

        // A participant registers, fails to log in once, logs in, refreshes, changes their password and logs out.
        await CheckAsync(HttpStatusCode.Created, app.Client.PostAsync("/api/auth/register", AppFixture.Json(new { email, password = Password, displayName = "Flow" })));
        await CheckAsync(HttpStatusCode.Unauthorized, app.Client.PostAsync("/api/auth/login", AppFixture.Json(new { email, password = WrongPassword })));
        var first = await LoginAsync(email, Password);
        var refreshed = await ReadTokensAsync(await ExpectAsync(HttpStatusCode.OK, app.Client.PostAsync("/api/auth/refresh", AppFixture.Json(new { refreshToken = first.Refresh }))));
        using (var participant = app.CreateClient(refreshed.Access))
        {
            await CheckAsync(HttpStatusCode.NoContent, participant.PostAsync("/api/me/password", AppFixture.Json(new { currentPassword = Password, newPassword = NewPassword })));
            await CheckAsync(HttpStatusCode.NoContent, participant.PostAsync("/api/auth/logout", AppFixture.Json(new { refreshToken = refreshed.Refresh })));
        }

        // An admin logs in and creates a trainer, who logs in and runs a workshop through its life.
        var admin = await app.CreateUserAsync(Roles.Admin);
        var adminTokens = await LoginAsync(admin.Email, admin.Password);
        using var asAdmin = app.CreateClient(adminTokens.Access);
        var trainerEmail = $"trainer-{Guid.NewGuid():N}@example.test";
        using var createdTrainer = await ExpectAsync(HttpStatusCode.Created, asAdmin.PostAsync("/api/users", AppFixture.Json(new { email = trainerEmail, password = TrainerPassword, displayName = "Trainer", role = Roles.Trainer })));
        var trainerId = (await AppFixture.ReadJsonAsync(createdTrainer)).GetProperty("id").GetGuid();
        await CheckAsync(HttpStatusCode.OK, asAdmin.PatchAsync($"/api/users/{trainerId}", AppFixture.Json(new { displayName = "Senior trainer" })));
        var trainerTokens = await LoginAsync(trainerEmail, TrainerPassword);
        using var asTrainer = app.CreateClient(trainerTokens.Access);
        using var created = await ExpectAsync(HttpStatusCode.Created, asTrainer.PostAsync("/api/workshops", AppFixture.Json(WorkshopTestData.CreateBody())));
        var workshopId = (await AppFixture.ReadJsonAsync(created)).GetProperty("id").GetGuid();
        await CheckAsync(HttpStatusCode.OK, asTrainer.SendAsync(WorkshopTestData.Patch(workshopId, new { title = "Intro to PostgreSQL, revised" }, "\"1\"")));
        await CheckAsync(HttpStatusCode.OK, asTrainer.PostAsync($"/api/workshops/{workshopId}/publish", null));
        await CheckAsync(HttpStatusCode.OK, asTrainer.PostAsync($"/api/workshops/{workshopId}/cancel", WorkshopTestData.CancelBody()));

        foreach (var tokens in new[] { first, refreshed, adminTokens, trainerTokens })
        {
            secrets.Add(tokens.Access);
            secrets.Add(tokens.Refresh);
            // The signature alone would be as bad as the whole token.
            secrets.Add(tokens.Access[(tokens.Access.LastIndexOf('.') + 1)..]);
        }

        await using (var connection = await app.Database.DataSource.OpenConnectionAsync())
        {
            var hashes = (await connection.QueryAsync<string>("SELECT password_hash FROM users")).ToList();
            Assert.True(hashes.Count >= 3, "The flow created at least three accounts.");
            // The whole hash, and its salt and digest on their own.
            secrets.AddRange(hashes.SelectMany(h => h.Split('$').Where(part => part.Length >= 16).Append(h)));
        }

        var stored = await AllStoredAsync();
        using var adminView = await ExpectAsync(HttpStatusCode.OK, asAdmin.GetAsync("/api/admin/activity?pageSize=100"));
        var served = await adminView.Content.ReadAsStringAsync();

        Assert.Equal(
            ["auth.login", "auth.login.failed", "auth.logout", "auth.password.change", "auth.register", "user.create", "user.update", "workshop.cancel", "workshop.create", "workshop.publish", "workshop.update"],
            stored.Select(e => e.Action).Distinct().Order(StringComparer.Ordinal));
        foreach (var entry in stored)
        {
            var json = JsonSerializer.Serialize(entry, JsonDefaults.Options);
            var leaked = secrets.Where(secret => json.Contains(secret, StringComparison.Ordinal)).ToList();
            Assert.True(leaked.Count == 0, $"The entry {entry.Action} holds a secret: {json}");
        }

        Assert.DoesNotContain(secrets, secret => served.Contains(secret, StringComparison.Ordinal));
    }

    private async Task<IReadOnlyList<ActivityEntry>> AllStoredAsync()
    {
        var all = new List<ActivityEntry>();
        for (var page = 1; ; page++)
        {
            var (items, total) = await app.Log.QueryAsync(new ActivityQuery(), new PageRequest(page, PageRequest.MaxPageSize), CancellationToken.None);
            all.AddRange(items);
            if (all.Count >= total || items.Count == 0)
            {
                return all;
            }
        }
    }

    private async Task<(string Access, string Refresh)> LoginAsync(string email, string password) =>
        await ReadTokensAsync(await ExpectAsync(HttpStatusCode.OK, app.Client.PostAsync("/api/auth/login", AppFixture.Json(new { email, password }))));

    private static async Task<(string Access, string Refresh)> ReadTokensAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await AppFixture.ReadJsonAsync(response);
            return (body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
        }
    }

    private static async Task CheckAsync(HttpStatusCode status, Task<HttpResponseMessage> sending)
    {
        using var response = await ExpectAsync(status, sending);
    }

    private static async Task<HttpResponseMessage> ExpectAsync(HttpStatusCode status, Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        Assert.True(response.StatusCode == status, $"Expected {status}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}
