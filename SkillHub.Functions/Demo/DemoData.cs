using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Auth;
using SkillHub.Functions.Comments;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Infrastructure.Telemetry;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Users;
using SkillHub.Functions.Workshops;

namespace SkillHub.Functions.Demo;

/// <summary>
/// Seeds the demo dataset named by <c>SkillHub__DemoData</c> (data/demo.json), unless
/// <c>SkillHub__SeedDemoData</c> is false (the compose stack names the image's copy and leaves the
/// choice to <c>SEED_DEMO_DATA</c>): accounts that do not
/// exist yet, and, on a database without workshops, the workshops with their registrations, dated
/// from the day of seeding: past ones with attendance marked, ratings from attendees and a comment
/// the admin hid, upcoming ones with confirmed, waitlisted and cancelled registrations (some
/// cancelled, registered again and cancelled again), a draft and one cancelled workshop.
/// <c>SkillHub__DemoUpcomingLeadDays</c> moves the upcoming ones that many days further (the dump of
/// data/ keeps them upcoming for a year); the past stays where it is.
/// </summary>
/// <remarks>
/// Everything goes through the app's own services; what happened in the past is written by
/// <see cref="DemoPast"/>, the same services on a clock set to that moment. Each step also gets the
/// activity entry its route writes (same action, actor and target), dated when the step happened
/// and marked <c>source: demo</c>, since no request made it: the log tells the dataset's story.
/// </remarks>
public sealed class DemoData(
    IConfiguration configuration,
    AccountService accounts,
    IUserStore users,
    IWorkshopStore workshops,
    WorkshopService workshopService,
    RegistrationService registrations,
    DemoPast past,
    IActivityLog activity,
    NpgsqlDataSource database,
    TimeProvider clock,
    ILogger<DemoData> logger)
{
    public const string Setting = "SkillHub:DemoData";

    public const string SeedSetting = "SkillHub:SeedDemoData";
    public const string UpcomingLeadSetting = "SkillHub:DemoUpcomingLeadDays";

    public async Task SeedIfRequestedAsync(CancellationToken cancellationToken)
    {
        var path = configuration[Setting];
        if (!SeedingWanted() || string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        var dataset = JsonSerializer.Deserialize<DemoDataset>(await File.ReadAllTextAsync(path, cancellationToken), DatasetJson)
            ?? throw new InvalidOperationException($"{path} holds no demo dataset.");
        var created = 0;
        foreach (var account in dataset.Accounts)
        {
            if (await users.FindByEmailAsync(account.Email, cancellationToken) is not null)
            {
                continue;
            }

            var outcome = await accounts.CreateAsync(account.Email, account.Password, account.DisplayName, account.Role, cancellationToken);
            created += outcome.Succeeded ? 1 : 0;
        }

        var people = new Dictionary<string, UserRecord>(StringComparer.OrdinalIgnoreCase);
        foreach (var account in dataset.Accounts)
        {
            people[account.Email] = await users.FindByEmailAsync(account.Email, cancellationToken)
                ?? throw new InvalidOperationException($"The demo account {account.Email} could not be created.");
        }

        var admin = new Caller(people[dataset.Accounts.First(a => a.Role == Roles.Admin).Email].Id, Roles.Admin);
        var (existing, _) = await workshops.ListAsync(new WorkshopQuery(null, null, null, null, null, null, false), admin, new(1, 1), cancellationToken);
        if (existing.Count > 0)
        {
            logger.LogInformation("Demo data: {Created} accounts created; workshops exist already", created);
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var lead = configuration.GetValue<int>(UpcomingLeadSetting);
        var registered = 0;
        foreach (var item in dataset.Workshops)
        {
            var trainer = Person(people, item.Trainer, item.Title);
            var startsAt = now.Date.AddDays(item.InDays).AddHours(item.StartHourUtc);
            if (startsAt.AddHours(item.Hours) > now)
            {
                startsAt = startsAt.AddDays(lead);
            }

            var details = new WorkshopDetails(item.Title, item.Description, startsAt, startsAt.AddHours(item.Hours), item.Location, item.Capacity);
            registered += details.EndsAt <= now
                ? await SeedPastAsync(item, details, trainer, admin, people, cancellationToken)
                : await SeedUpcomingAsync(item, details, trainer, admin, people, cancellationToken);
        }

        logger.LogInformation(
            "Demo data: {Created} accounts, {Workshops} workshops and {Registrations} registrations created", created, dataset.Workshops.Count, registered);
    }

    /// <summary>
    /// A draft is only written. Otherwise published, registered to, then cancellations (waiting lists
    /// served as usual), those who register again and cancel again, and the workshop's own cancellation, today.
    /// </summary>
    private async Task<int> SeedUpcomingAsync(
        DemoWorkshop item, WorkshopDetails details, Caller trainer, Caller admin, Dictionary<string, UserRecord> people, CancellationToken cancellationToken)
    {
        var workshop = await workshops.InsertAsync(Guid.CreateVersion7(), trainer.Id, details, cancellationToken);
        await RecordAsync(clock.GetUtcNow(), trainer, "workshop.create", "workshop", workshop.Id, cancellationToken);
        if (item.Draft)
        {
            return item.Registrations.Count == 0 ? 0 : throw new InvalidOperationException($"Demo workshop '{item.Title}' is a draft: nobody can register to it.");
        }

        Succeed(await workshopService.PublishAsync(workshop.Id, admin, cancellationToken), item.Title, "publish");
        await RecordAsync(clock.GetUtcNow(), admin, "workshop.publish", "workshop", workshop.Id, cancellationToken);
        foreach (var registration in item.Registrations)
        {
            await RegisterAsync(workshop.Id, Person(people, registration.Participant, item.Title), item.Title, cancellationToken);
        }

        foreach (var registration in item.Registrations.Where(r => r.Cancels))
        {
            await CancelAsync(workshop.Id, Person(people, registration.Participant, item.Title), item.Title, cancellationToken);
        }

        foreach (var registration in item.Registrations.Where(r => r.Cancels && r.RegistersAgain))
        {
            var participant = Person(people, registration.Participant, item.Title);
            await RegisterAsync(workshop.Id, participant, item.Title, cancellationToken);
            await CancelAsync(workshop.Id, participant, item.Title, cancellationToken);
        }

        if (item.CancellationReason is { } reason)
        {
            Succeed(await workshopService.CancelAsync(workshop.Id, admin, new CancelWorkshopRequest(reason), cancellationToken), item.Title, "cancel");
            await RecordAsync(clock.GetUtcNow(), admin, "workshop.cancel", "workshop", workshop.Id, cancellationToken);
        }

        return item.Registrations.Count;
    }

    /// <summary>
    /// Created and published three weeks before it started, registered to a few days before, attendance
    /// marked by its trainer an hour after the end, comments written the next day (and the admin hides
    /// those the dataset says were hidden, two hours after they were written). Publishing compares
    /// the start with the database's clock, which a demo cannot move: the row is published directly.
    /// </summary>
    private async Task<int> SeedPastAsync(
        DemoWorkshop item, WorkshopDetails details, Caller trainer, Caller admin, Dictionary<string, UserRecord> people, CancellationToken cancellationToken)
    {
        var createdAt = details.StartsAt.AddDays(-21);
        var workshop = await workshops.InsertAsync(Guid.CreateVersion7(), trainer.Id, details, cancellationToken);
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE workshops SET status = 'published', created_at = @createdAt, updated_at = @createdAt WHERE id = @id AND status = 'draft'",
                new { id = workshop.Id, createdAt }, cancellationToken: cancellationToken));
        }

        await RecordAsync(createdAt, trainer, "workshop.create", "workshop", workshop.Id, cancellationToken);
        await RecordAsync(createdAt, trainer, "workshop.publish", "workshop", workshop.Id, cancellationToken);
        var registeredAt = details.StartsAt.AddDays(-5);
        var markedAt = details.EndsAt.AddHours(1);
        var commentedAt = details.EndsAt.AddDays(1);
        var service = past.Registrations(registeredAt);
        foreach (var (registration, index) in item.Registrations.Select((r, i) => (r, i)))
        {
            var participant = Person(people, registration.Participant, item.Title);
            var written = Succeed(await service.RegisterAsync(workshop.Id, participant, cancellationToken), item.Title, registration.Participant);
            await RecordAsync(registeredAt, participant, "registration.create", "registration", written.Id, cancellationToken);
            if (registration.Attendance is { } attendance)
            {
                await past.MarkAttendanceAsync(written.Id, attendance, trainer.Id, markedAt.AddMinutes(index), cancellationToken);
            }

            if (registration.Comment is { } body)
            {
                var writtenAt = commentedAt.AddMinutes(17 * index);
                var comment = Succeed(await past.Comments(writtenAt).CreateAsync(workshop.Id, participant, new CreateCommentRequest(body, registration.Rating), cancellationToken), item.Title, registration.Participant);
                await RecordAsync(writtenAt, participant, "comment.create", "comment", comment.Id, cancellationToken);
                if (registration.CommentHidden)
                {
                    if (await past.Comments(writtenAt.AddHours(2)).DeleteAsync(workshop.Id, comment.Id, admin, cancellationToken) is { } refused)
                    {
                        throw new InvalidOperationException($"Demo workshop '{item.Title}', hiding the comment of {registration.Participant}: {refused.Message}");
                    }

                    await RecordAsync(writtenAt.AddHours(2), admin, "comment.delete", "comment", comment.Id, cancellationToken);
                }
            }
        }

        // The trainer marks the whole list at once, as PUT /api/workshops/{id}/attendance does.
        if (item.Registrations.Any(r => r.Attendance is not null))
        {
            await RecordAsync(markedAt, trainer, "attendance.mark", "workshop", workshop.Id, cancellationToken);
        }

        return item.Registrations.Count;
    }

    private async Task RegisterAsync(Guid workshopId, Caller participant, string title, CancellationToken cancellationToken)
    {
        var registration = Succeed(await registrations.RegisterAsync(workshopId, participant, cancellationToken), title, participant.Id.ToString());
        await RecordAsync(clock.GetUtcNow(), participant, "registration.create", "registration", registration.Id, cancellationToken);
    }

    private async Task CancelAsync(Guid workshopId, Caller participant, string title, CancellationToken cancellationToken)
    {
        var registration = Succeed(await registrations.CancelOwnAsync(workshopId, participant, cancellationToken), title, participant.Id.ToString());
        await RecordAsync(clock.GetUtcNow(), participant, "registration.cancel", "registration", registration.Id, cancellationToken);
    }

    private static readonly Dictionary<string, string> FromTheDemo = new(StringComparer.Ordinal) { ["source"] = "demo" };

    /// <summary>The entry the route of this step writes, at <paramref name="at"/>, marked as the demo's.</summary>
    private Task RecordAsync(DateTimeOffset at, Caller actor, string action, string targetType, Guid targetId, CancellationToken cancellationToken) =>
        activity.AppendAsync(
            ActivityEntry.Create(at, new ActivityActor(actor.Id, actor.Role), action, new ActivityTarget(targetType, targetId.ToString()), null, SkillHubTelemetry.CurrentTraceId(), FromTheDemo),
            cancellationToken);

    private static Caller Person(Dictionary<string, UserRecord> people, string email, string title) =>
        people.TryGetValue(email, out var person) ? new Caller(person.Id, person.Role) : throw new InvalidOperationException($"Demo workshop '{title}' names an unknown account {email}.");

    private static T Succeed<T>(Infrastructure.Http.Outcome<T> outcome, string title, string step) =>
        outcome.Succeeded ? outcome.Value! : throw new InvalidOperationException($"Demo workshop '{title}', {step}: {outcome.Failure!.Message}");

    private static readonly JsonSerializerOptions DatasetJson = new(JsonSerializerDefaults.Web);

    /// <summary>A typo ("yes", "1") refuses to start rather than silently seeding or not.</summary>
    private bool SeedingWanted() => configuration[SeedSetting] switch
    {
        null or "" => true,
        var text when bool.TryParse(text, out var wanted) => wanted,
        var text => throw new InvalidOperationException($"SkillHub__SeedDemoData is '{text}': true or false."),
    };

    private sealed record DemoDataset(IReadOnlyList<DemoAccount> Accounts, IReadOnlyList<DemoWorkshop> Workshops);

    private sealed record DemoAccount(string Email, string Password, string DisplayName, string Role);

    private sealed record DemoWorkshop(
        string Trainer, string Title, string Description, string Location, int Capacity, int InDays, int StartHourUtc, int Hours,
        string? CancellationReason = null, bool Draft = false)
    {
        public IReadOnlyList<DemoRegistration> Registrations { get; init; } = [];
    }

    /// <summary>
    /// One participant's registration; <see cref="Rating"/> comes with a <see cref="Comment"/>, as the API wants a body;
    /// <see cref="RegistersAgain"/> with <see cref="Cancels"/>; <see cref="CommentHidden"/>: hidden by the admin.
    /// </summary>
    private sealed record DemoRegistration(
        string Participant, bool Cancels = false, string? Attendance = null, int? Rating = null, string? Comment = null, bool CommentHidden = false, bool RegistersAgain = false);
}
