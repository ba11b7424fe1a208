using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Auth;
using SkillHub.Functions.Tests.Comments;
using SkillHub.Functions.Tests.Notifications;
using SkillHub.Functions.Tests.Registrations;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Workshops;

namespace SkillHub.Functions.Tests.Users;

/// <summary>
/// The caller's own data over real HTTP, with mail going to maildev: GET /api/me/export gathers it
/// from both databases, DELETE /api/me erases it from both and hands the seats over as usual.
/// </summary>
public sealed class PersonalDataHttpTests(PersonalDataHttpTests.PersonalDataApp app) : IClassFixture<PersonalDataHttpTests.PersonalDataApp>
{
    private const string Export = "/api/me/export";
    private const string Me = "/api/me";
    private const string ErasedName = "Compte supprimé";

    [Theory]
    [InlineData("GET", Export)]
    [InlineData("DELETE", Me)]
    public async Task PersonalDataRoutes_WithoutAToken_Answer401(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = AppFixture.Json(new { password = AppFixture.DefaultPassword }) };

        await HttpProblem.AssertAsync(await app.Client.SendAsync(request), 401);
    }

    [Fact]
    public async Task Export_HoldsTheCallersDataFromBothDatabases_AsAnAttachment_WithoutASecret()
    {
        var (person, workshopId) = await RegisteredParticipantAsync(capacity: 3);
        using var client = app.ClientFor(person);
        var shown = await CommentTestData.PostAsync(client, workshopId, body: "Shown comment");
        var hidden = await CommentTestData.PostAsync(client, workshopId, body: "Hidden comment");
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(CommentTestData.CommentAt(workshopId, hidden))).StatusCode);
        await SessionTokens.LoginAsync(app.Client, person.Email, person.Password);

        using var response = await client.GetAsync(Export);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "The export lacks Cache-Control: no-store.");
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^""?skillhub-export-\d{8}T\d{6}Z\.json""?$", response.Content.Headers.ContentDisposition?.FileName);
        var text = await response.Content.ReadAsStringAsync();
        var export = JsonDocument.Parse(text).RootElement;
        var account = export.GetProperty("account");
        Assert.Equal(person.Id, account.GetProperty("id").GetGuid());
        Assert.Equal(person.Email, account.GetProperty("email").GetString());
        Assert.True(account.GetProperty("notifications").GetProperty("reminders").GetBoolean());

        var registration = Assert.Single(export.GetProperty("registrations").GetProperty("items").EnumerateArray());
        Assert.Equal("confirmed", registration.GetProperty("status").GetString());
        Assert.Equal(workshopId, registration.GetProperty("workshop").GetProperty("id").GetGuid());
        Assert.NotEmpty(registration.GetProperty("history").EnumerateArray());

        var comments = export.GetProperty("comments").GetProperty("items").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetGuid());
        Assert.False(comments[shown].GetProperty("hidden").GetBoolean());
        Assert.True(comments[hidden].GetProperty("hidden").GetBoolean());
        Assert.Equal("Hidden comment", comments[hidden].GetProperty("body").GetString());

        var notification = Assert.Single(export.GetProperty("notifications").GetProperty("items").EnumerateArray());
        Assert.Equal("registration.confirmed", notification.GetProperty("event").GetString());

        var actions = export.GetProperty("activity").GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("registration.create", actions);
        Assert.Contains("comment.delete", actions);
        Assert.All(export.GetProperty("activity").GetProperty("items").EnumerateArray(), e => Assert.Equal(person.Id, e.GetProperty("actor").GetProperty("id").GetGuid()));
        Assert.Equal(2, export.GetProperty("sessions").GetProperty("items").GetArrayLength());
        Assert.False(export.GetProperty("activity").GetProperty("truncated").GetBoolean());

        Assert.DoesNotContain("passwordHash", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tokenHash", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(await PasswordHashAsync(person.Id), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erase_LeavesNoAddressOrNameOfThePersonInEitherDatabase_AndHandsTheirSeatToTheFirstWaiting()
    {
        var name = $"Ottoline Quartermain {Guid.NewGuid():N}";
        var person = await app.CreateUserAsync(Roles.Participant, email: $"ottoline-{Guid.NewGuid():N}@example.test", displayName: name);
        var (workshopId, _) = await RegistrationTestData.PublishedWorkshopAsync(app, capacity: 1);
        Assert.Equal(HttpStatusCode.Created, (await RegistrationTestData.RegisterAsync(app, workshopId, person)).Status);
        var waiting = await app.CreateUserAsync(Roles.Participant);
        Assert.Equal("waitlisted", (await RegistrationTestData.RegisterAsync(app, workshopId, waiting)).Body.GetProperty("status").GetString());
        using var client = app.ClientFor(person);
        var comment = await CommentTestData.PostAsync(client, workshopId, body: "Well paced.");
        // A failed login and a reset asked for from another address are counted under the address typed;
        // an entry of an older build kept the address typed as its target.
        await HttpProblem.AssertAsync(await app.PostFromAsync("192.0.2.44", "/api/auth/login", new { email = person.Email.ToUpperInvariant(), password = "not the password" }), 401);
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostFromAsync("192.0.2.44", "/api/auth/password-reset", new { email = person.Email })).StatusCode);
        Assert.NotEmpty(await PostgresRowsHoldingAsync(person.Email));
        await app.Services.GetRequiredService<IActivityLog>().AppendAsync(
            ActivityEntry.Create(DateTimeOffset.UtcNow, null, "auth.login.failed", new ActivityTarget("user", person.Email), "192.0.2.44", null, new Dictionary<string, string> { ["email"] = person.Email }),
            CancellationToken.None);
        await NotificationTestData.WaitUntilNothingPendingAsync(app, person.Email);

        var response = await client.SendAsync(Erase(AppFixture.DefaultPassword));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await PostgresRowsHoldingAsync(person.Email, name));
        Assert.Empty(await DocumentsHoldingAsync(person.Email, name));
        Assert.Equal(1, await RegistrationTestData.SeatsTakenAsync(app, workshopId));
        Assert.Equal("confirmed", await MyStatusAsync(waiting, workshopId));
        var (erased, reason) = await RegistrationOfAsync(workshopId, person.Id);
        Assert.Equal("cancelled", erased);
        Assert.Contains("erased", reason, StringComparison.OrdinalIgnoreCase);
        var kept = await CommentTestData.FindAsync(app, comment);
        Assert.Equal(ErasedName, kept!.Author.DisplayName);
        Assert.Equal("Well paced.", kept.Body);
        using var anonymous = app.CreateClient();
        var listed = await AppFixture.ReadJsonAsync(await anonymous.GetAsync(CommentTestData.CommentsOf(workshopId)));
        Assert.Equal(ErasedName, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("author").GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Erase_EndsEverySession_TheOldCredentialsNoLongerLogIn_AndTheAddressMaySignUpAgain()
    {
        var person = await app.CreateUserAsync(Roles.Participant);
        var other = await SessionTokens.LoginAsync(app.Client, person.Email, person.Password);
        using var client = app.ClientFor(person);
        using var otherDevice = app.CreateClient(other.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(Erase(person.Password))).StatusCode);

        await SessionTokens.AssertTurns401Async(client, Export);
        await SessionTokens.AssertTurns401Async(otherDevice, Me);
        await HttpProblem.AssertAsync(await SessionTokens.RefreshAsync(app.Client, other.RefreshToken), 401);
        await HttpProblem.AssertAsync(await app.Client.PostAsync("/api/auth/login", AppFixture.Json(new { email = person.Email, password = person.Password })), 401);
        var signUp = await app.Client.PostAsync("/api/auth/register", AppFixture.Json(new { email = person.Email, password = "a brand new passphrase of mine", displayName = "Back Again" }));
        Assert.Equal(HttpStatusCode.Created, signUp.StatusCode);
        Assert.NotEqual(person.Id, (await AppFixture.ReadJsonAsync(signUp)).GetProperty("id").GetGuid());
        await SessionTokens.LoginAsync(app.Client, person.Email, "a brand new passphrase of mine");
    }

    [Fact]
    public async Task Erase_WithAWrongPassword_Answers403_AndChangesNothingInEitherDatabase()
    {
        var (person, workshopId) = await RegisteredParticipantAsync(capacity: 2);
        using var client = app.ClientFor(person);
        var comment = await CommentTestData.PostAsync(client, workshopId);
        var before = await UserRowAsync(person.Id);

        var response = await client.SendAsync(Erase("not the password at all"));

        await HttpProblem.AssertAsync(response, 403);
        Assert.Equal(before, await UserRowAsync(person.Id));
        Assert.Equal("confirmed", await MyStatusAsync(person, workshopId));
        Assert.Equal("Test participant", (await CommentTestData.FindAsync(app, comment))!.Author.DisplayName);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Me)).StatusCode);
    }

    [Fact]
    public async Task Erase_RepeatedWrongPasswords_Answer429_AsLoginsDo()
    {
        var person = await app.CreateUserAsync(Roles.Participant);
        using var client = app.ClientFor(person);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await HttpProblem.AssertAsync(await client.SendAsync(Erase("not the password at all")), 403);
        }

        await HttpProblem.AssertAsync(await client.SendAsync(Erase(person.Password)), 429);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Me)).StatusCode);
    }

    [Fact]
    public async Task Erase_WithoutAPassword_Answers422NamingIt()
    {
        var person = await app.CreateUserAsync(Roles.Participant);
        using var client = app.ClientFor(person);

        var problem = await HttpProblem.AssertAsync(await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, Me) { Content = AppFixture.Json(new { }) }), 422);

        Assert.Equal(["password"], HttpProblem.Fields(problem));
    }

    [Fact]
    public async Task Erase_OfTheLastActiveAdmin_Answers409_AndWithAnotherAdmin_Answers204()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        await using (var connection = await app.Database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE users SET disabled = true WHERE role = 'admin' AND id <> @Id", new { admin.Id });
        }

        using var client = app.ClientFor(admin);

        var refused = await HttpProblem.AssertAsync(await client.SendAsync(Erase(admin.Password)), 409);

        Assert.Contains("last active admin", refused.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Me)).StatusCode);
        await app.CreateUserAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(Erase(admin.Password))).StatusCode);
    }

    [Fact]
    public async Task Erase_OfATrainerWithAnUpcomingWorkshop_Answers409_UntilTheWorkshopIsCancelled()
    {
        var (workshopId, trainer) = await RegistrationTestData.PublishedWorkshopAsync(app, capacity: 2);
        await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "cancelled");
        using var client = app.ClientFor(trainer);

        var refused = await HttpProblem.AssertAsync(await client.SendAsync(Erase(trainer.Password)), 409);

        Assert.Contains("upcoming workshop", refused.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Me)).StatusCode);
        using var cancel = await client.PostAsync($"/api/workshops/{workshopId}/cancel", AppFixture.Json(new { reason = "The trainer leaves." }));
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(Erase(trainer.Password))).StatusCode);
    }

    [Fact]
    public async Task Erase_SendsNoMessageToTheErasedPerson_SkipsWhatWaits_AndStillTellsThePromotedOne()
    {
        var (workshopId, _) = await RegistrationTestData.PublishedWorkshopAsync(app, capacity: 1);
        var person = await app.CreateUserAsync(Roles.Participant);
        Assert.Equal(HttpStatusCode.Created, (await RegistrationTestData.RegisterAsync(app, workshopId, person)).Status);
        var waiting = await app.CreateUserAsync(Roles.Participant);
        Assert.Equal(HttpStatusCode.Created, (await RegistrationTestData.RegisterAsync(app, workshopId, waiting)).Status);
        await Maildev.WaitForAsync(person.Email);
        await NotificationTestData.WaitUntilNothingPendingAsync(app, person.Email);
        // A message written before the erasure and not yet due.
        await using (var connection = await app.Database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO notifications (id, message_key, event, user_id, workshop_id, recipient, next_attempt_at)
                VALUES (@id, @key, 'workshop.reminder', @userId, @workshopId, @email, now() + interval '1 hour')
                """,
                new { id = Guid.CreateVersion7(), key = $"workshop.reminder:{workshopId}:{person.Id}", userId = person.Id, workshopId, email = person.Email });
        }

        using var client = app.ClientFor(person);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(Erase(person.Password))).StatusCode);

        await Maildev.WaitForAsync(waiting.Email, count: 2);
        var statuses = await NotificationStatusesAsync(person.Id);
        Assert.DoesNotContain("pending", statuses);
        Assert.Equal(["sent", "skipped"], statuses.Order(StringComparer.Ordinal));
        Assert.Single(await Maildev.ReceivedByAsync(person.Email));
    }

    [Fact]
    public async Task Erase_IsRecordedInTheActivityLog_UnderTheAccountsId_WithoutPersonalData()
    {
        var person = await app.CreateUserAsync(Roles.Participant, displayName: $"Ziggy Stardust {Guid.NewGuid():N}");
        using var client = app.ClientFor(person);

        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(Erase(person.Password))).StatusCode);

        var (entries, _) = await app.Services.GetRequiredService<IActivityLog>().QueryAsync(
            new ActivityQuery(Action: "account.erase", TargetId: person.Id.ToString()), new Functions.Infrastructure.Http.PageRequest(1, 10), CancellationToken.None);
        var entry = Assert.Single(entries);
        Assert.Equal(person.Id, entry.Actor!.Id);
        Assert.DoesNotContain(entry.Details.Values, value => value.Contains('@', StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnErasedAccount_ChangedByAnAdmin_Answers409_AndStaysErased()
    {
        var person = await app.CreateUserAsync(Roles.Participant);
        using var client = app.ClientFor(person);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(Erase(person.Password))).StatusCode);
        var before = await UserRowAsync(person.Id);
        using var admin = app.ClientFor(await app.CreateUserAsync(Roles.Admin));

        var enabled = await admin.PatchAsync($"/api/users/{person.Id}", AppFixture.Json(new { disabled = false }));
        var renamed = await admin.PatchAsync($"/api/users/{person.Id}", AppFixture.Json(new { displayName = "Someone Else" }));

        Assert.Contains("erased", (await HttpProblem.AssertAsync(enabled, 409)).GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        await HttpProblem.AssertAsync(renamed, 409);
        Assert.Equal(before, await UserRowAsync(person.Id));
    }

    private static HttpRequestMessage Erase(string password) =>
        new(HttpMethod.Delete, Me) { Content = AppFixture.Json(new { password }) };

    private async Task<(TestUser Person, Guid WorkshopId)> RegisteredParticipantAsync(int capacity)
    {
        var (workshopId, _) = await RegistrationTestData.PublishedWorkshopAsync(app, capacity);
        var person = await app.CreateUserAsync(Roles.Participant);
        Assert.Equal(HttpStatusCode.Created, (await RegistrationTestData.RegisterAsync(app, workshopId, person)).Status);
        return (person, workshopId);
    }

    private async Task<string?> MyStatusAsync(TestUser person, Guid workshopId)
    {
        using var client = app.ClientFor(person);
        var mine = await AppFixture.ReadJsonAsync(await client.GetAsync("/api/me/registrations"));
        return mine.GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("workshop").GetProperty("id").GetGuid() == workshopId)
            .GetProperty("status").GetString();
    }

    private async Task<(string Status, string Reason)> RegistrationOfAsync(Guid workshopId, Guid userId)
    {
        var registration = await app.Services.GetRequiredService<Functions.Registrations.IRegistrationStore>().FindAsync(workshopId, userId, CancellationToken.None);
        return (registration!.Status, registration.History[^1].Reason ?? string.Empty);
    }

    private async Task<string> PasswordHashAsync(Guid userId)
    {
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string>("SELECT password_hash FROM users WHERE id = @userId", new { userId }) ?? string.Empty;
    }

    private async Task<string> UserRowAsync(Guid userId)
    {
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string>("SELECT row_to_json(u)::text FROM users u WHERE id = @userId", new { userId }) ?? string.Empty;
    }

    private async Task<List<string>> NotificationStatusesAsync(Guid userId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<string> statuses;
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        while ((statuses = (await connection.QueryAsync<string>("SELECT status FROM notifications WHERE user_id = @userId", new { userId })).AsList()).Contains("pending")
            && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return statuses;
    }

    /// <summary>Every PostgreSQL column that holds text, of every table, searched for each needle (without case): "table.column" where one was found.</summary>
    private async Task<List<string>> PostgresRowsHoldingAsync(params string[] needles)
    {
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        var columns = await connection.QueryAsync<(string Table, string Column)>(
            """
            SELECT c.table_name, c.column_name FROM information_schema.columns c
              JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
             WHERE c.table_schema = 'public' AND c.data_type IN ('text', 'character varying', 'jsonb', 'json')
            """);
        var found = new List<string>();
        foreach (var (table, column) in columns)
        {
            foreach (var needle in needles)
            {
                var hits = await connection.ExecuteScalarAsync<long>(
                    $"SELECT count(*) FROM \"{table}\" WHERE strpos(lower(\"{column}\"::text), lower(@needle)) > 0", new { needle });
                if (hits > 0)
                {
                    found.Add($"{table}.{column}");
                }
            }
        }

        return found;
    }

    /// <summary>Every document collection, as a backup exports it, searched for each needle (without case).</summary>
    private async Task<List<string>> DocumentsHoldingAsync(params string[] needles)
    {
        var found = new List<string>();
        foreach (var collection in app.Services.GetServices<IDocumentCollectionBackup>())
        {
            using var exported = new MemoryStream();
            await collection.ExportAsync(exported, CancellationToken.None);
            var text = Encoding.UTF8.GetString(exported.ToArray());
            found.AddRange(needles.Where(needle => text.Contains(needle, StringComparison.OrdinalIgnoreCase)).Select(_ => collection.CollectionName));
        }

        Assert.NotEmpty(app.Services.GetServices<IDocumentCollectionBackup>());
        return found;
    }

    /// <summary>The app sending to maildev, trusting X-Forwarded-For so that a test may act from another client address.</summary>
    public sealed class PersonalDataApp : MailAppFixture
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [.. base.Settings, new("SkillHub:TrustForwardedFor", "true")];
    }
}
