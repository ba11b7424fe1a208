using Ical.Net.CalendarComponents;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Notifications;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Workshops;

namespace SkillHub.Functions.Calendars;

/// <summary>A calendar file: its text and the name it is offered under.</summary>
public sealed record CalendarFile(string Text, string FileName);

public sealed record CalendarFeedResponse(string Url);

/// <summary>
/// The calendars: one workshop's public .ics, and each user's private feed of the workshops they are
/// confirmed to. A feed event is the invitation e-mailed for the registration (same UID, same SEQUENCE
/// rule, <see cref="WorkshopInvitation"/>), so a participant who has both sees the workshop once.
/// </summary>
public sealed class CalendarService(
    IWorkshopStore workshops, IRegistrationStore registrations, CalendarFeedStore feeds, NotificationOptions links, TimeProvider clock)
{
    /// <summary>The feed's window, by the workshops' start, around now.</summary>
    public static TimeSpan FeedPast { get; } = TimeSpan.FromDays(30);

    public static TimeSpan FeedAhead { get; } = TimeSpan.FromDays(365);

    /// <summary>At most this many registrations are read for one feed: far more than a year of workshops.</summary>
    public const int FeedLimit = 500;

    public const string FeedName = "SkillHub : mes ateliers";

    /// <summary>The public event's UID: one per workshop, never a registration's.</summary>
    public static string WorkshopUid(Guid workshopId) => $"workshop-{workshopId}@skillhub";

    public async Task<Outcome<CalendarFile>> WorkshopAsync(Guid workshopId, Caller? caller, CancellationToken cancellationToken)
    {
        if (await workshops.FindVisibleAsync(workshopId, caller, cancellationToken) is not { } workshop)
        {
            return Failure.NotFound("No such workshop.");
        }

        var shown = Render(WorkshopUid(workshop.Id), workshop.Version, workshop, cancelled: false);
        return new CalendarFile(CalendarEvents.Serialize(CalendarEvents.CalendarOf([shown])), $"atelier-{workshop.Id}.ics");
    }

    /// <summary>A new private feed address for the user, replacing the previous one; null when the account is gone or disabled.</summary>
    public async Task<CalendarFeedResponse?> CreateFeedAsync(Guid userId, CancellationToken cancellationToken) =>
        await feeds.ReplaceAsync(userId, cancellationToken) is { } token ? new CalendarFeedResponse($"{links.PublicUrl}/api/calendar/{token}.ics") : null;

    public Task RevokeFeedAsync(Guid userId, CancellationToken cancellationToken) => feeds.RevokeAsync(userId, cancellationToken);

    /// <summary>The owner's feed; null when the token opens none.</summary>
    public async Task<CalendarFile?> FeedAsync(string token, CancellationToken cancellationToken)
    {
        if (await feeds.OwnerAsync(token, cancellationToken) is not { } owner)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var shown = await registrations.ListForCalendarAsync(owner, FeedLimit, cancellationToken);
        var byId = (await workshops.FindManyAsync(shown.Select(r => r.WorkshopId).Distinct().ToList(), cancellationToken)).ToDictionary(w => w.Id);
        var events = shown
            .Where(r => byId.TryGetValue(r.WorkshopId, out var w) && w.StartsAt >= now - FeedPast && w.StartsAt <= now + FeedAhead)
            .Select(r => (Registration: r, Workshop: byId[r.WorkshopId]))
            .OrderBy(x => x.Workshop.StartsAt)
            .ThenBy(x => x.Registration.Id)
            .Select(x => Render(
                WorkshopInvitation.Uid(x.Registration.Id),
                WorkshopInvitation.Sequence(x.Workshop.Version, x.Registration.History.Count),
                x.Workshop,
                cancelled: !x.Registration.HoldsSeat))
            .ToList();
        return new CalendarFile(CalendarEvents.Serialize(CalendarEvents.CalendarOf(events, name: FeedName)), "skillhub.ics");
    }

    private CalendarEvent Render(string uid, int sequence, WorkshopRecord workshop, bool cancelled)
    {
        var workshopCancelled = workshop.Status == WorkshopStatus.Cancelled;
        return CalendarEvents.Render(
            new WorkshopEvent(uid, sequence, workshop.Title, workshop.Location, workshop.StartsAt, workshop.EndsAt, links.WorkshopLink(workshop.Id),
                cancelled || workshopCancelled, workshopCancelled ? workshop.CancellationReason : null),
            clock.GetUtcNow().UtcDateTime);
    }
}
