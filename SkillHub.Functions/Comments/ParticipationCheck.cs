using SkillHub.Functions.Registrations;

namespace SkillHub.Functions.Comments;

/// <summary>Whether a user took part in a workshop, which is what entitles them to rate it.</summary>
public interface IParticipationCheck
{
    Task<bool> HasConfirmedRegistrationAsync(Guid workshopId, Guid userId, CancellationToken cancellationToken);
}

/// <summary>A user takes part when they hold a confirmed registration: not waitlisted, not cancelled.</summary>
public sealed class RegistrationParticipationCheck(IRegistrationStore registrations) : IParticipationCheck
{
    public async Task<bool> HasConfirmedRegistrationAsync(Guid workshopId, Guid userId, CancellationToken cancellationToken) =>
        await registrations.FindAsync(workshopId, userId, cancellationToken) is { HoldsSeat: true };
}
