using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Comments;
using SkillHub.Functions.Demo;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Demo;

/// <summary>The dataset scripts/start.sh loads: what a newcomer sees first, checked against data/demo.json itself.</summary>
public sealed class DemoDataTests(DemoDataTests.DemoApp app) : IClassFixture<DemoDataTests.DemoApp>
{
    private static readonly string DatasetPath = Repository.DemoDataset;

    public sealed class DemoApp : AppFixture
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new(DemoData.Setting, DatasetPath)];
    }

    [Fact]
    public async Task DemoData_HoldsPastAndUpcomingWorkshopsOfThreeTrainers_AndOneCancelledWithItsReason()
    {
        var workshops = await WorkshopsAsync();
        var now = DateTime.UtcNow;

        Assert.Equal(Dataset.Workshops.Count, workshops.Count);
        Assert.Equal(3, workshops.Select(w => w.TrainerId).Distinct().Count());
        var past = workshops.Where(w => w.EndsAt < now).ToList();
        Assert.True(past.Count >= 3, "The demo shows workshops that took place.");
        Assert.All(past, w => Assert.Equal("published", w.Status));
        Assert.True(past.Select(w => w.TrainerId).Distinct().Count() >= 2, "Several trainers have a past.");
        var cancelled = Assert.Single(workshops, w => w.Status == "cancelled");
        Assert.True(cancelled.StartsAt > now);
        Assert.Equal(Dataset.Workshops.Single(w => w.CancellationReason is not null).CancellationReason, cancelled.CancelReason);
        Assert.True(workshops.Count(w => w.Status == "published" && w.StartsAt > now) >= 10);
    }

    [Fact]
    public async Task DemoRegistrations_AreThoseOfTheDataset_WithWaitingListsServedAndSeatsCounted()
    {
        var all = await Registrations.ChangedSinceAsync(DateTime.MinValue, CancellationToken.None);
        var workshops = (await WorkshopsAsync()).ToDictionary(w => w.Id);

        Assert.True(all.Count >= 30, $"{all.Count} demo registrations");
        Assert.Equal(Dataset.Workshops.Sum(w => w.Registrations.Count), all.Count);
        foreach (var workshop in workshops.Values)
        {
            var confirmed = all.Count(r => r.WorkshopId == workshop.Id && r.HoldsSeat);
            Assert.True(confirmed <= workshop.Capacity);
            Assert.Equal(confirmed, workshop.SeatsTaken);
        }

        Assert.Contains(all, r => r.Status == RegistrationStatus.Waitlisted);
        Assert.Contains(all, r => r.History.Any(h => h.Reason == Registration.PromotionReason));
        Assert.Contains(all, r => r.Status == RegistrationStatus.Cancelled && r.History[^1].By == r.UserId);
        var ofCancelled = all.Where(r => workshops[r.WorkshopId].Status == "cancelled").ToList();
        Assert.NotEmpty(ofCancelled);
        Assert.All(ofCancelled, r => Assert.Equal(HistoryEntry.WorkshopCancelled, r.History[^1].Cause));
    }

    [Fact]
    public async Task PastWorkshops_CarryTheAttendanceTheirTrainerMarked_AndTheRatingsOfAttendeesOnly()
    {
        var users = await UserIdsAsync();
        var workshops = (await WorkshopsAsync()).ToDictionary(w => w.Title);
        var all = await Registrations.ChangedSinceAsync(DateTime.MinValue, CancellationToken.None);
        var past = Dataset.Workshops.Where(w => workshops[w.Title].EndsAt < DateTime.UtcNow).ToList();

        foreach (var item in past)
        {
            var workshop = workshops[item.Title];
            foreach (var expected in item.Registrations)
            {
                var registration = Assert.Single(all, r => r.WorkshopId == workshop.Id && r.UserId == users[expected.Participant]);
                Assert.Equal(expected.Attendance, registration.Attendance);
                Assert.True(registration.CreatedAt < workshop.StartsAt, "Registered before it started.");
                Assert.All(expected.Rating is null ? [] : new[] { expected.Attendance }, a => Assert.Equal(RegistrationAttendance.Attended, a));
            }
        }

        var tallies = await app.Services.GetRequiredService<ICommentStore>().RatingsAsync(past.Select(w => workshops[w.Title].Id).ToList(), CancellationToken.None);
        Assert.All(past.Where(w => w.Registrations.Any(r => r.Rating is not null)), item =>
        {
            var ratings = item.Registrations.Where(r => r.Rating is not null).Select(r => (long)r.Rating!.Value).ToList();
            Assert.Equal(new RatingTally(ratings.Sum(), ratings.Count), tallies[workshops[item.Title].Id]);
        });
        Assert.Contains(all, r => r.Attendance == RegistrationAttendance.Absent);
        Assert.Contains(all, r => r.Attendance == RegistrationAttendance.Excused);
    }

    [Fact]
    public async Task TheDraft_IsItsTrainersUnpublishedWorkshop_WithNobodyRegistered()
    {
        var users = await UserIdsAsync();
        var expected = Assert.Single(Dataset.Workshops, w => w.Draft);
        var all = await Registrations.ChangedSinceAsync(DateTime.MinValue, CancellationToken.None);

        var draft = Assert.Single(await WorkshopsAsync(), w => w.Status == "draft");

        Assert.Equal(expected.Title, draft.Title);
        Assert.Equal(users[expected.Trainer], draft.TrainerId);
        Assert.True(draft.StartsAt > DateTime.UtcNow);
        Assert.DoesNotContain(all, r => r.WorkshopId == draft.Id);
    }

    [Fact]
    public async Task AParticipantWhoRegistersAgainAndCancelsAgain_KeepsEveryStepInOneRegistrationsHistory()
    {
        var users = await UserIdsAsync();
        var workshops = (await WorkshopsAsync()).ToDictionary(w => w.Title);
        var all = await Registrations.ChangedSinceAsync(DateTime.MinValue, CancellationToken.None);
        var twice = Dataset.Workshops.SelectMany(w => w.Registrations.Where(r => r.RegistersAgain).Select(r => (Workshop: workshops[w.Title], r.Participant))).ToList();

        Assert.True(twice.Count >= 2, "Several registrations were cancelled twice.");
        foreach (var (workshop, participant) in twice)
        {
            var registration = Assert.Single(all, r => r.WorkshopId == workshop.Id && r.UserId == users[participant]);
            Assert.Equal(RegistrationStatus.Cancelled, registration.Status);
            Assert.Equal(2, registration.History.Count(h => h.Status == RegistrationStatus.Cancelled && h.By == registration.UserId));
            Assert.True(registration.History.Count >= 4, $"{participant} on {workshop.Title}: {registration.History.Count} history entries");
            Assert.Equal(RegistrationStatus.Cancelled, registration.History[1].Status);
        }
    }

    [Fact]
    public async Task TheHiddenComment_IsKeptWithWhoHidIt_ButNotShownOnItsWorkshop()
    {
        var users = await UserIdsAsync();
        var workshops = (await WorkshopsAsync()).ToDictionary(w => w.Title);
        var (item, registration) = Assert.Single(Dataset.Workshops.SelectMany(w => w.Registrations.Where(r => r.CommentHidden).Select(r => (w, r))));
        var workshop = workshops[item.Title];

        var (visible, _) = await app.Services.GetRequiredService<ICommentStore>().ListVisibleAsync(workshop.Id, new(1, 100), CancellationToken.None);
        var (written, _) = await app.Services.GetRequiredService<ICommentStore>().ListByAuthorAsync(users[registration.Participant], 100, CancellationToken.None);

        Assert.DoesNotContain(visible, c => c.Body == registration.Comment);
        Assert.NotEmpty(visible);
        var hidden = Assert.Single(written, c => c.WorkshopId == workshop.Id && c.Body == registration.Comment);
        Assert.True(hidden.Hidden);
        Assert.Equal(users["admin@skillhub.demo"], hidden.HiddenBy);
    }

    [Fact]
    public async Task DemoAccounts_CanLogInWithThePrintedPasswords()
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsync("/api/auth/login", AppFixture.Json(new { email = "admin@skillhub.demo", password = "Demo-Admin-2026" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("admin", (await AppFixture.ReadJsonAsync(response)).GetProperty("user").GetProperty("role").GetString());
    }

    [Fact]
    public async Task EveryStepOfTheDemo_HasTheEntryItsRouteWrites_MarkedAsTheDemos_AndDatedWhenItHappened()
    {
        var (entries, total) = await app.Services.GetRequiredService<IActivityLog>().QueryAsync(new ActivityQuery(), new PageRequest(1, 1000), CancellationToken.None);
        var fromTheDemo = entries.Where(e => e.Details.GetValueOrDefault("source") == "demo").ToList();
        int Count(string action) => fromTheDemo.Count(e => e.Action == action);
        var registrations = Dataset.Workshops.SelectMany(w => w.Registrations).ToList();
        var workshops = (await WorkshopsAsync()).ToDictionary(w => w.Id);

        Assert.Equal(entries.Count, total);
        Assert.Equal(Dataset.Workshops.Count, Count("workshop.create"));
        Assert.Equal(Dataset.Workshops.Count(w => !w.Draft), Count("workshop.publish"));
        Assert.Equal(registrations.Count + registrations.Count(r => r.Cancels && r.RegistersAgain), Count("registration.create"));
        Assert.Equal(registrations.Count(r => r.Cancels) + registrations.Count(r => r.Cancels && r.RegistersAgain), Count("registration.cancel"));
        Assert.Equal(registrations.Count(r => r.Comment is not null), Count("comment.create"));
        Assert.Equal(registrations.Count(r => r.CommentHidden), fromTheDemo.Count(e => e.Action == "comment.delete" && e.Actor!.Role == "admin"));
        Assert.Equal(1, Count("workshop.cancel"));
        Assert.All(fromTheDemo, e => Assert.True(e.Actor is not null && e.Ip is null, $"{e.Action}: an actor, no address"));
        // The past is logged in the past: attendance an hour after each past workshop's end.
        var marks = fromTheDemo.Where(e => e.Action == "attendance.mark").ToList();
        Assert.NotEmpty(marks);
        Assert.All(marks, e => Assert.Equal(workshops[Guid.Parse(e.Target.Id!)].EndsAt.AddHours(1), e.At));
    }

    [Fact]
    public async Task DemoData_SeededTwice_CreatesNothingMore()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedIfRequestedAsync(CancellationToken.None);
        }

        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        Assert.Equal(Dataset.Accounts.Count, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM users"));
        Assert.Equal(Dataset.Workshops.Count, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM workshops"));
        Assert.Equal(
            Dataset.Workshops.Sum(w => w.Registrations.Count),
            (await Registrations.ChangedSinceAsync(DateTime.MinValue, CancellationToken.None)).Count);
    }

    private IRegistrationStore Registrations => app.Services.GetRequiredService<IRegistrationStore>();

    private async Task<List<WorkshopRow>> WorkshopsAsync()
    {
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<WorkshopRow>(
            """
            SELECT id AS Id, title AS Title, trainer_id AS TrainerId, status AS Status, starts_at AS StartsAt, ends_at AS EndsAt,
                   capacity AS Capacity, seats_taken AS SeatsTaken, cancel_reason AS CancelReason
              FROM workshops
            """)).ToList();
    }

    private async Task<Dictionary<string, Guid>> UserIdsAsync()
    {
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<(string Email, Guid Id)>("SELECT email, id FROM users")).ToDictionary(u => u.Email, u => u.Id);
    }

    private static readonly JsonSerializerOptions DatasetJson = new(JsonSerializerDefaults.Web);

    private static readonly DemoFile Dataset = JsonSerializer.Deserialize<DemoFile>(File.ReadAllText(DatasetPath), DatasetJson)!;

    private sealed record WorkshopRow(Guid Id, string Title, Guid TrainerId, string Status, DateTime StartsAt, DateTime EndsAt, int Capacity, int SeatsTaken, string? CancelReason);

    private sealed record DemoFile(IReadOnlyList<DemoAccountItem> Accounts, IReadOnlyList<DemoWorkshopItem> Workshops);

    private sealed record DemoAccountItem(string Email);

    private sealed record DemoWorkshopItem(string Trainer, string Title, string? CancellationReason, bool Draft)
    {
        public IReadOnlyList<DemoRegistrationItem> Registrations { get; init; } = [];
    }

    private sealed record DemoRegistrationItem(string Participant, string? Attendance, int? Rating, string? Comment, bool CommentHidden, bool Cancels, bool RegistersAgain);
}
