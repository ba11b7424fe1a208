using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Comments;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Workshops;

namespace SkillHub.Functions.Tests.Comments;

/// <summary>
/// Arranges what comment flows need (workshops in SQL, registrations and comments in the app's
/// document store) and reads the store back to check what a request wrote.
/// </summary>
public static class CommentTestData
{
    public static string CommentsOf(Guid workshopId) => $"/api/workshops/{workshopId}/comments";

    public static string CommentAt(Guid workshopId, Guid commentId) => $"/api/workshops/{workshopId}/comments/{commentId}";

    public static Task<Guid> WorkshopAsync(AppFixture app, Guid trainerId, string status = "published")
    {
        ArgumentNullException.ThrowIfNull(app);
        return WorkshopTestData.InsertAsync(app.Database.DataSource, trainerId, status: status);
    }

    /// <summary>A published workshop that ended yesterday: one its attendees may rate.</summary>
    public static Task<Guid> EndedWorkshopAsync(AppFixture app, Guid trainerId)
    {
        ArgumentNullException.ThrowIfNull(app);
        return WorkshopTestData.InsertAsync(app.Database.DataSource, trainerId, status: "published", startsAt: WorkshopTestData.InDays(-1));
    }

    /// <summary>A registration of the user to the workshop, written straight to the document store.</summary>
    public static async Task<Registration> RegisterAsync(AppFixture app, Guid workshopId, Guid userId, string status = RegistrationStatus.Confirmed, string? attendance = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var now = DateTime.UtcNow;
        var registration = new Registration(Guid.CreateVersion7(), workshopId, userId, status, 1, now, now, [new HistoryEntry(now, status, userId, null)], attendance);
        await app.Services.GetRequiredService<IRegistrationStore>().InsertAsync(registration, CancellationToken.None);
        return registration;
    }

    public static ICommentStore Store(AppFixture app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<ICommentStore>();
    }

    /// <summary>The workshop's comments that are shown.</summary>
    public static async Task<long> CountAsync(AppFixture app, Guid workshopId) =>
        (await Store(app).ListVisibleAsync(workshopId, new PageRequest(1, 1), CancellationToken.None)).Total;

    public static Task<Comment?> FindAsync(AppFixture app, Guid commentId) => Store(app).FindAsync(commentId, CancellationToken.None);

    /// <summary>Posts a comment that must be accepted, and returns its id.</summary>
    public static async Task<Guid> PostAsync(HttpClient client, Guid workshopId, string body = "A fine workshop.", int? rating = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsync(CommentsOf(workshopId), AppFixture.Json(new { body, rating }));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    public static HttpRequestMessage Patch(Guid workshopId, Guid commentId, HttpContent content) =>
        new(HttpMethod.Patch, CommentAt(workshopId, commentId)) { Content = content };
}
