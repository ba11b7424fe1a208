using System.Net;
using System.Text.Json;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Artefacts.OpenApi;

/// <summary>
/// Real answers of the running app, one resource family at a time, checked against the document
/// by <see cref="DocumentedResponses"/>: every property answered is documented, every required one
/// is answered, with the documented types, and every list checked holds items.
/// </summary>
[Collection(LiveContract.Name)]
public sealed class OpenApiResponseTests(AppFixture app) : IClassFixture<AppFixture>, IDisposable
{
    private readonly DocumentedResponses _checker = new();

    public void Dispose() => _checker.Dispose();

    [Fact]
    public async Task AuthAnswers_AreTheDocumentedOnes()
    {
        using var anonymous = _checker.ClientFor(app);
        var email = $"openapi-{Guid.NewGuid():N}@example.test";
        const string Password = "a long and unusual passphrase";

        await SendAsync(anonymous, HttpMethod.Post, "/api/auth/register", new { email, password = Password, displayName = "Ada Lovelace" }, HttpStatusCode.Created);
        var login = await SendAsync(anonymous, HttpMethod.Post, "/api/auth/login", new { email, password = Password }, HttpStatusCode.OK);
        var refreshed = await SendAsync(anonymous, HttpMethod.Post, "/api/auth/refresh", new { refreshToken = login.GetProperty("refreshToken").GetString() }, HttpStatusCode.OK);
        using var signedIn = _checker.ClientFor(app, refreshed.GetProperty("accessToken").GetString());
        await SendAsync(signedIn, HttpMethod.Post, "/api/auth/logout", new { refreshToken = refreshed.GetProperty("refreshToken").GetString() }, HttpStatusCode.NoContent);
        await SendAsync(anonymous, HttpMethod.Post, "/api/auth/login", new { email, password = "wrong" + Password }, HttpStatusCode.Unauthorized);

        _checker.AssertDocumented("Register", "Login", "Refresh", "Logout");
    }

    [Fact]
    public async Task UserAnswers_AreTheDocumentedOnes()
    {
        using var admin = _checker.ClientFor(app, (await app.CreateUserAsync(Roles.Admin)).AccessToken);

        await SendAsync(admin, HttpMethod.Get, "/api/me", null, HttpStatusCode.OK);
        var created = await SendAsync(admin, HttpMethod.Post, "/api/users",
            new { email = $"trainer-{Guid.NewGuid():N}@example.test", password = "a long and unusual passphrase", displayName = "Grace Hopper", role = Roles.Trainer },
            HttpStatusCode.Created);
        await SendAsync(admin, HttpMethod.Patch, $"/api/users/{created.GetProperty("id").GetGuid()}", new { displayName = "Grace B. Hopper", disabled = true }, HttpStatusCode.OK);
        AssertItems(await SendAsync(admin, HttpMethod.Get, "/api/users?role=trainer&pageSize=5", null, HttpStatusCode.OK));

        await SendAsync(admin, HttpMethod.Get, "/api/me/export", null, HttpStatusCode.OK);
        var leaving = await app.CreateUserAsync(Roles.Participant);
        using var participant = _checker.ClientFor(app, leaving.AccessToken);
        await SendAsync(participant, HttpMethod.Delete, "/api/me", new { password = "not the password" }, HttpStatusCode.Forbidden);
        await SendAsync(participant, HttpMethod.Delete, "/api/me", new { password = leaving.Password }, HttpStatusCode.NoContent);

        _checker.AssertDocumented("GetMe", "ExportMe", "EraseMe", "CreateUser", "UpdateUser", "ListUsers");
    }

    [Fact]
    public async Task WorkshopAnswers_AreTheDocumentedOnes()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = _checker.ClientFor(app, trainer.AccessToken);
        using var anonymous = _checker.ClientFor(app);
        using var admin = _checker.ClientFor(app, (await app.CreateUserAsync(Roles.Admin)).AccessToken);

        var id = await CreateWorkshopAsync(client, capacity: 5);
        await SendAsync(client, HttpMethod.Get, $"/api/workshops/{id}", null, HttpStatusCode.OK);
        await SendAsync(client, HttpMethod.Patch, $"/api/workshops/{id}", new { capacity = 6, description = "Mis à jour." }, HttpStatusCode.OK, ifMatch: "\"1\"");
        await SendAsync(client, HttpMethod.Patch, $"/api/workshops/{id}", new { capacity = 7 }, HttpStatusCode.PreconditionFailed, ifMatch: "\"1\"");
        await SendAsync(client, HttpMethod.Post, $"/api/workshops/{id}/publish", null, HttpStatusCode.OK);
        AssertItems(await SendAsync(anonymous, HttpMethod.Get, $"/api/workshops?trainerId={trainer.Id}&sort=-startsAt", null, HttpStatusCode.OK));
        await SendAsync(client, HttpMethod.Post, $"/api/workshops/{id}/cancel", new { reason = "Formatrice absente." }, HttpStatusCode.OK);
        var unused = await CreateWorkshopAsync(client, capacity: 3);
        await SendAsync(admin, HttpMethod.Delete, $"/api/workshops/{unused}", null, HttpStatusCode.NoContent);

        _checker.AssertDocumented("CreateWorkshop", "GetWorkshop", "UpdateWorkshop", "PublishWorkshop", "ListWorkshops", "CancelWorkshop", "DeleteWorkshop");
    }

    [Fact]
    public async Task RegistrationAnswers_AreTheDocumentedOnes()
    {
        using var trainer = _checker.ClientFor(app, (await app.CreateUserAsync(Roles.Trainer)).AccessToken);
        using var first = _checker.ClientFor(app, (await app.CreateUserAsync(Roles.Participant)).AccessToken);
        using var second = _checker.ClientFor(app, (await app.CreateUserAsync(Roles.Participant)).AccessToken);
        var id = await PublishedWorkshopAsync(trainer, capacity: 1);

        await SendAsync(first, HttpMethod.Post, $"/api/workshops/{id}/registrations", null, HttpStatusCode.Created);
        var waitlisted = await SendAsync(second, HttpMethod.Post, $"/api/workshops/{id}/registrations", null, HttpStatusCode.Created);
        Assert.Equal(1, waitlisted.GetProperty("waitlistPosition").GetInt32());
        AssertItems(await SendAsync(trainer, HttpMethod.Get, $"/api/workshops/{id}/registrations", null, HttpStatusCode.OK));
        AssertItems(await SendAsync(first, HttpMethod.Get, "/api/me/registrations", null, HttpStatusCode.OK));
        await SendAsync(first, HttpMethod.Delete, $"/api/workshops/{id}/registrations/me", null, HttpStatusCode.OK);
        await SendAsync(trainer, HttpMethod.Delete, $"/api/workshops/{id}/registrations/{waitlisted.GetProperty("id").GetGuid()}", null, HttpStatusCode.OK);
        AssertItems(await SendAsync(trainer, HttpMethod.Get, $"/api/workshops/{id}/history", null, HttpStatusCode.OK));
        AssertItems(await SendAsync(trainer, HttpMethod.Get, $"/api/workshops/{id}/registrations?status=cancelled", null, HttpStatusCode.OK));

        _checker.AssertDocumented("RegisterToWorkshop", "ListWorkshopRegistrations", "ListMyRegistrations", "CancelMyRegistration", "CancelRegistration", "WorkshopHistory");
    }

    [Fact]
    public async Task CommentAnswers_AreTheDocumentedOnes()
    {
        using var trainer = _checker.ClientFor(app, (await app.CreateUserAsync(Roles.Trainer)).AccessToken);
        using var participant = _checker.ClientFor(app, (await app.CreateUserAsync(Roles.Participant)).AccessToken);
        using var anonymous = _checker.ClientFor(app);
        var id = await PublishedWorkshopAsync(trainer, capacity: 4);
        await SendAsync(participant, HttpMethod.Post, $"/api/workshops/{id}/registrations", null, HttpStatusCode.Created);

        var rated = await SendAsync(participant, HttpMethod.Post, $"/api/workshops/{id}/comments", new { body = "Très clair." }, HttpStatusCode.Created);
        await SendAsync(trainer, HttpMethod.Post, $"/api/workshops/{id}/comments", new { body = "Merci !" }, HttpStatusCode.Created);
        await SendAsync(participant, HttpMethod.Patch, $"/api/workshops/{id}/comments/{rated.GetProperty("id").GetGuid()}", new { body = "Très clair, vraiment." }, HttpStatusCode.OK);
        AssertItems(await SendAsync(anonymous, HttpMethod.Get, $"/api/workshops/{id}/comments", null, HttpStatusCode.OK));
        await SendAsync(trainer, HttpMethod.Delete, $"/api/workshops/{id}/comments/{rated.GetProperty("id").GetGuid()}", null, HttpStatusCode.NoContent);

        _checker.AssertDocumented("CreateComment", "UpdateComment", "ListComments", "DeleteComment");
    }

    [Fact]
    public async Task StatisticsAnswers_AreTheDocumentedOnes()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var trainerClient = _checker.ClientFor(app, trainer.AccessToken);
        using var participant = _checker.ClientFor(app, (await app.CreateUserAsync(Roles.Participant)).AccessToken);
        using var admin = _checker.ClientFor(app, (await app.CreateUserAsync(Roles.Admin)).AccessToken);

        await SendAsync(participant, HttpMethod.Get, "/api/me/attendance", null, HttpStatusCode.OK);
        await SendAsync(trainerClient, HttpMethod.Get, $"/api/trainers/{trainer.Id}/stats", null, HttpStatusCode.OK);
        await SendAsync(admin, HttpMethod.Get, $"/api/trainers/{trainer.Id}/stats?from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", null, HttpStatusCode.BadRequest);
        await SendAsync(admin, HttpMethod.Get, $"/api/trainers/{Guid.NewGuid()}/stats", null, HttpStatusCode.NotFound);

        _checker.AssertDocumented("GetMyAttendance", "GetTrainerStats");
    }

    [Fact]
    public async Task AdminAnswers_TheActivityPageAndBackupSets_AreTheDocumentedOnes()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        using var client = _checker.ClientFor(app, admin.AccessToken);
        using var trainer = _checker.ClientFor(app, (await app.CreateUserAsync(Roles.Trainer)).AccessToken);
        await PublishedWorkshopAsync(trainer, capacity: 2);

        AssertItems(await SendAsync(client, HttpMethod.Get, "/api/admin/activity?action=workshop.publish", null, HttpStatusCode.OK));
        var set = await SendAsync(client, HttpMethod.Post, "/api/admin/backups", null, HttpStatusCode.Created);
        AssertItems(await SendAsync(client, HttpMethod.Get, "/api/admin/backups", null, HttpStatusCode.OK));
        await SendAsync(client, HttpMethod.Get, $"/api/admin/backups/{set.GetProperty("id").GetString()}", null, HttpStatusCode.OK);
        AssertItems(await SendAsync(client, HttpMethod.Get, $"/api/admin/activity?actorId={admin.Id}&action=backup.create", null, HttpStatusCode.OK));

        _checker.AssertDocumented("ListActivity", "CreateBackup", "ListBackups", "GetBackup");
    }

    [Fact]
    public async Task OperationsAnswers_AreTheDocumentedOnes()
    {
        using var anonymous = _checker.ClientFor(app);

        await SendAsync(anonymous, HttpMethod.Get, "/api/health", null, HttpStatusCode.OK);
        using var document = await anonymous.GetAsync(new Uri("/api/openapi.yaml", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        using var docs = await anonymous.GetAsync(new Uri("/api/docs", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        foreach (var asset in new[] { "swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png", "no-such-file.js" })
        {
            using var file = await anonymous.GetAsync(new Uri($"/api/docs/{asset}", UriKind.Relative));
            Assert.Equal(asset.StartsWith("no-", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.OK, file.StatusCode);
        }

        _checker.AssertDocumented("Health", "OpenApi", "ApiDocs", "ApiDocsAsset");
    }

    private static async Task<Guid> CreateWorkshopAsync(HttpClient trainer, int capacity)
    {
        var startsAt = DateTime.UtcNow.Date.AddDays(20).AddHours(9);
        var created = await SendAsync(trainer, HttpMethod.Post, "/api/workshops",
            new { title = "Atelier OpenAPI", description = "Décrire une API.", startsAt, endsAt = startsAt.AddHours(3), location = "Lyon", capacity },
            HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    private static async Task<Guid> PublishedWorkshopAsync(HttpClient trainer, int capacity)
    {
        var id = await CreateWorkshopAsync(trainer, capacity);
        await SendAsync(trainer, HttpMethod.Post, $"/api/workshops/{id}/publish", null, HttpStatusCode.OK);
        return id;
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, object? body, HttpStatusCode expected, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : AppFixture.Json(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, answered {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A page whose items were there to be checked.</summary>
    private static void AssertItems(JsonElement page) => Assert.NotEqual(0, page.GetProperty("items").GetArrayLength());
}
