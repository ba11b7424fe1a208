using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SkillHub.Functions.Attendance;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Comments;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Workshops;

namespace SkillHub.Functions.Tests.Attendance;

/// <summary>
/// The app under a test clock that stands still at <see cref="Now"/>, a whole second: the time rules
/// read it, so a workshop placed relative to it puts a window's edge exactly on "now". Tokens are
/// minted and checked by the same clock; PostgreSQL's now() (the throttle's) keeps the real time.
/// </summary>
public sealed class ClockedAppFixture : AppFixture
{
    public static readonly DateTime Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).UtcDateTime;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(Now));

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>Workshops, registrations and requests for the attendance routes, and what they wrote read back.</summary>
internal static class AttendanceTestData
{
    /// <summary>The smallest step PostgreSQL keeps: a window one microsecond away is closed.</summary>
    public static readonly TimeSpan Microsecond = TimeSpan.FromTicks(10);

    /// <summary>
    /// A window's two edges as a workshop's start relative to now, with whether the window is open:
    /// each edge itself (open) and a microsecond past it (closed).
    /// </summary>
    public static TheoryData<TimeSpan, bool> WindowEdges(TimeSpan opensBeforeStart, TimeSpan closesAfterStart) => new()
    {
        { opensBeforeStart, true },
        { opensBeforeStart + Microsecond, false },
        { -closesAfterStart, true },
        { -closesAfterStart - Microsecond, false },
    };

    public static string AttendanceOf(Guid workshopId) => $"/api/workshops/{workshopId}/attendance";

    public static string CheckInOf(Guid workshopId) => $"/api/workshops/{workshopId}/check-in";

    public static string CodeOf(Guid workshopId) => $"/api/workshops/{workshopId}/check-in-code";

    public static string SheetOf(Guid workshopId) => $"/api/workshops/{workshopId}/attendance.csv";

    /// <summary>A published workshop of three hours, starting at <paramref name="startsAt"/>.</summary>
    public static Task<Guid> WorkshopAsync(AppFixture app, Guid trainerId, DateTime startsAt, string status = "published") =>
        WorkshopTestData.InsertAsync(app.Database.DataSource, trainerId, status: status, startsAt: startsAt);

    public static Task<Registration> RegisterAsync(AppFixture app, Guid workshopId, Guid userId, string status = RegistrationStatus.Confirmed, string? attendance = null) =>
        CommentTestData.RegisterAsync(app, workshopId, userId, status, attendance);

    public static string CodeFor(AppFixture app, Guid workshopId) => app.Services.GetRequiredService<CheckInCodes>().For(workshopId);

    public static async Task<Registration> ReadAsync(AppFixture app, Guid registrationId) =>
        (await app.Services.GetRequiredService<IRegistrationStore>().FindByIdAsync(registrationId, CancellationToken.None))!;

    public static HttpRequestMessage Put(Guid workshopId, params object[] items) =>
        new(HttpMethod.Put, AttendanceOf(workshopId)) { Content = AppFixture.Json(new { items }) };

    public static async Task<(HttpStatusCode Status, JsonElement Body)> CheckInAsync(AppFixture app, TestUser participant, Guid workshopId, string code)
    {
        using var client = app.ClientFor(participant);
        using var response = await client.PostAsync(CheckInOf(workshopId), AppFixture.Json(new { code }));
        return (response.StatusCode, await AppFixture.ReadJsonAsync(response));
    }

    /// <summary>The wrong codes counted against the participant at this workshop (null: no row).</summary>
    public static async Task<int?> WrongCodesAsync(AppFixture app, Guid workshopId, Guid userId)
    {
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int?>(
            "SELECT failures FROM login_throttle WHERE scope = @scope AND key = @key",
            new { scope = CheckInThrottle.Scope, key = $"{workshopId:N}|{userId:N}" });
    }

    /// <summary>The registration's attendance and the length of its history: what a refused request must leave as they were.</summary>
    public static async Task<(string? Attendance, int History)> StateAsync(AppFixture app, Guid registrationId)
    {
        var registration = await ReadAsync(app, registrationId);
        return (registration.Attendance, registration.History.Count);
    }
}
