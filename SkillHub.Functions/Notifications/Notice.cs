using System.Text.Json;
using SkillHub.Functions.Registrations;

namespace SkillHub.Functions.Notifications;

/// <summary>The events SkillHub tells people about, by e-mail.</summary>
public static class NotificationEvents
{
    public const string Confirmed = "registration.confirmed";
    public const string Waitlisted = "registration.waitlisted";
    public const string Promoted = "registration.promoted";
    public const string Cancelled = "registration.cancelled";
    public const string WorkshopCancelled = HistoryEntry.WorkshopCancelled;
    public const string WorkshopChanged = "workshop.changed";
    public const string Reminder = "workshop.reminder";
    public const string PasswordReset = "password.reset";

    public static IReadOnlyList<string> All { get; } =
        [Confirmed, Waitlisted, Promoted, Cancelled, WorkshopCancelled, WorkshopChanged, Reminder, PasswordReset];
}

/// <summary>
/// A message to send: an event and its recipient. <see cref="Key"/> names both, so the same message
/// written twice is one row, and it is the message's <c>Message-ID</c>.
/// </summary>
public sealed record Notice(string Key, string Event, Guid UserId, Guid? WorkshopId, Guid? RegistrationId, string Data = "{}")
{
    /// <summary>
    /// What the history entry at <paramref name="index"/> tells its participant, or null when it tells
    /// nothing: the rule that both the request and reconciliation follow, so a message lost between the
    /// document and the outbox is derived again, under the same key.
    /// </summary>
    public static Notice? ForEntry(Registration registration, int index)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var entry = registration.History[index];
        var previous = index > 0 ? registration.History[index - 1].Status : null;
        var @event = entry.Status switch
        {
            RegistrationStatus.Confirmed => previous == RegistrationStatus.Waitlisted ? NotificationEvents.Promoted : NotificationEvents.Confirmed,
            RegistrationStatus.Waitlisted => NotificationEvents.Waitlisted,
            // A workshop's cancellation is told once per registrant from the workshop's own change; an
            // erased account's is told to nobody.
            RegistrationStatus.Cancelled when entry.Cause is null => NotificationEvents.Cancelled,
            _ => null,
        };
        return @event is null ? null
            : new Notice($"{@event}:{registration.Id}:{index}", @event, registration.UserId, registration.WorkshopId, registration.Id,
                JsonSerializer.Serialize(new { entry = index }));
    }

    /// <summary>The newest history entry's message, if it has one.</summary>
    public static Notice? ForNewest(Registration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return ForEntry(registration, registration.History.Count - 1);
    }

    /// <summary>A published workshop cancelled or moved, told to one registrant; one message per change version.</summary>
    public static Notice ForWorkshopChange(string @event, Guid workshopId, int version, Registration registration, string previous)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var key = @event == NotificationEvents.WorkshopCancelled
            ? $"{@event}:{workshopId}:{registration.UserId}"
            : $"{@event}:{workshopId}:{version}:{registration.UserId}";
        return new Notice(key, @event, registration.UserId, workshopId, registration.Id, previous);
    }

    /// <summary>The reminder of one confirmed registration: once per workshop and participant, whatever happens after.</summary>
    public static Notice ForReminder(Registration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return new Notice($"{NotificationEvents.Reminder}:{registration.WorkshopId}:{registration.UserId}", NotificationEvents.Reminder,
            registration.UserId, registration.WorkshopId, registration.Id);
    }

    public static Notice ForPasswordReset(Guid userId, Guid resetId) =>
        new($"{NotificationEvents.PasswordReset}:{resetId}", NotificationEvents.PasswordReset, userId, null, null,
            JsonSerializer.Serialize(new { resetId }));
}
