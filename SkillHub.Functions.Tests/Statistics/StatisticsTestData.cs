using Npgsql;
using SkillHub.Functions.Comments;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Workshops;

namespace SkillHub.Functions.Tests.Statistics;

/// <summary>
/// Arranges a record the API cannot reach on its own: workshops in SQL at past dates, registrations
/// already marked and late cancellations written straight to the stores, ratings on comments.
/// </summary>
internal sealed class StatisticsTestData(NpgsqlDataSource database, IRegistrationStore registrations, ICommentStore comments)
{
    private static readonly CancellationToken None = CancellationToken.None;

    public Task<Guid> WorkshopAsync(Guid trainerId, DateTime startsAt, int capacity = 10, string status = "published") =>
        WorkshopTestData.InsertAsync(database, trainerId, status: status, startsAt: startsAt, capacity: capacity);

    /// <summary>A registration of a new user (or of <paramref name="userId"/>) in this status, marked with <paramref name="attendance"/> (null: unmarked).</summary>
    public async Task<Registration> RegisterAsync(Guid workshopId, string? attendance = null, Guid? userId = null, string status = RegistrationStatus.Confirmed)
    {
        var at = DateTime.UtcNow;
        var registration = new Registration(Guid.CreateVersion7(), workshopId, userId ?? Guid.CreateVersion7(), status, 1, at, at, [new HistoryEntry(at, status, null, null)]);
        await registrations.InsertAsync(registration, None);
        if (attendance is null)
        {
            return registration;
        }

        var marked = await registrations.MarkAttendanceAsync(registration.Id, registration.MarkAttendance(attendance, null, at)!, None);
        return Assert.IsType<Registration>(marked);
    }

    /// <summary>A confirmed registration of the user, cancelled by the organiser at <paramref name="at"/> later than the cutoff allows.</summary>
    public async Task CancelledLateAsync(Guid workshopId, Guid userId, DateTime at)
    {
        var registration = await RegisterAsync(workshopId, userId: userId);
        var entry = new HistoryEntry(at, RegistrationStatus.Cancelled, Guid.CreateVersion7(), "Cancelled by the organiser", HistoryEntry.LateCancellation);
        Assert.NotNull(await registrations.TransitionAsync(registration.Id, RegistrationStatus.Confirmed, new RegistrationTransition(RegistrationStatus.Cancelled, 1, entry), None));
    }

    /// <summary>A comment with this rating; hidden (deleted) when asked.</summary>
    public async Task RateAsync(Guid workshopId, int rating, bool hidden = false)
    {
        var at = DateTime.UtcNow;
        var comment = new Comment(Guid.CreateVersion7(), workshopId, new CommentAuthor(Guid.CreateVersion7(), "Ada"), "Rated.", rating, at, at);
        await comments.InsertAsync(comment, None);
        if (hidden)
        {
            Assert.True(await comments.HideAsync(workshopId, comment.Id, comment.Author.Id, at, None));
        }
    }
}
