using System.Net;
using System.Text.Json;
using Dapper;
using Npgsql;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Workshops;

namespace SkillHub.Functions.Tests.Registrations;

/// <summary>Published workshops and registrations over HTTP, and the seat count read back from PostgreSQL.</summary>
internal static class RegistrationTestData
{
    public static async Task<(Guid Id, TestUser Trainer)> PublishedWorkshopAsync(AppFixture app, int capacity, TestUser? trainer = null)
    {
        trainer ??= await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(trainer);
        using var created = await client.PostAsync("/api/workshops", AppFixture.Json(WorkshopTestData.CreateBody(title: "Registration workshop", capacity: capacity)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await AppFixture.ReadJsonAsync(created)).GetProperty("id").GetGuid();
        using var published = await client.PostAsync($"/api/workshops/{id}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return (id, trainer);
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> RegisterAsync(AppFixture app, Guid workshopId, TestUser participant)
    {
        using var client = app.ClientFor(participant);
        using var response = await client.PostAsync($"/api/workshops/{workshopId}/registrations", null);
        return (response.StatusCode, await AppFixture.ReadJsonAsync(response));
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> CancelOwnAsync(AppFixture app, Guid workshopId, TestUser participant)
    {
        using var client = app.ClientFor(participant);
        using var response = await client.DeleteAsync($"/api/workshops/{workshopId}/registrations/me");
        return (response.StatusCode, await AppFixture.ReadJsonAsync(response));
    }

    /// <summary>PATCH a workshop's capacity as its trainer (If-Match: *).</summary>
    public static async Task<HttpResponseMessage> PatchCapacityAsync(AppFixture app, TestUser trainer, Guid workshopId, int capacity)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var client = app.ClientFor(trainer);
        using var request = WorkshopTestData.Patch(workshopId, new { capacity }, "*");
        return await client.SendAsync(request);
    }

    public static Task<int> SeatsTakenAsync(AppFixture app, Guid workshopId) => SeatsTakenAsync(app.Database.DataSource, workshopId);

    public static async Task<int> SeatsTakenAsync(NpgsqlDataSource database, Guid workshopId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT seats_taken FROM workshops WHERE id = @workshopId", new { workshopId });
    }

    /// <summary>A published workshop of <paramref name="capacity"/> seats and <paramref name="count"/> new participants registered to it in order (the first ones confirmed, the rest waiting).</summary>
    public static async Task<(Guid WorkshopId, TestUser Trainer, List<TestUser> People)> FilledWorkshopAsync(AppFixture app, int capacity, int count)
    {
        var (workshopId, trainer) = await PublishedWorkshopAsync(app, capacity);
        var people = await ParticipantsAsync(app, count);
        foreach (var person in people)
        {
            Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(app, workshopId, person)).Status);
        }

        return (workshopId, trainer, people);
    }

    public static async Task<List<TestUser>> ParticipantsAsync(AppFixture app, int count) =>
        [.. await Task.WhenAll(Enumerable.Range(0, count).Select(_ => app.CreateUserAsync(Roles.Participant)))];
}
