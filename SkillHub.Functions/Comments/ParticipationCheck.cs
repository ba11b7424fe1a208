using SkillHub.Functions.Registrations;
using SkillHub.Functions.Workshops;

namespace SkillHub.Functions.Comments;

/// <summary>Whether a user took part in a workshop, which is what entitles them to rate it.</summary>
public interface IParticipationCheck
{
    /// <summary>Why <paramref name="userId"/> may not rate the workshop now; null when they may.</summary>
    Task<string?> RatingRefusalAsync(WorkshopRecord workshop, Guid userId, CancellationToken cancellationToken);
}

/// <summary>
/// A rating comes from someone who was there: the workshop has ended, and the user's registration is
/// confirmed and marked attended (by the organiser or by their own check-in).
/// </summary>
public sealed class RegistrationParticipationCheck(IRegistrationStore registrations, TimeProvider clock) : IParticipationCheck
{
    public async Task<string?> RatingRefusalAsync(WorkshopRecord workshop, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        if (!workshop.HasEnded(clock.GetUtcNow().UtcDateTime))
        {
            return $"A rating may be given once the workshop has ended ({Infrastructure.Json.Timestamps.Format(workshop.EndsAt)}).";
        }

        return await registrations.FindAsync(workshop.Id, userId, cancellationToken) switch
        {
            not { HoldsSeat: true } => "Only a participant with a confirmed registration may rate this workshop.",
            { Attendance: not RegistrationAttendance.Attended } => "Only a participant marked as attended may rate this workshop.",
            _ => null,
        };
    }
}
