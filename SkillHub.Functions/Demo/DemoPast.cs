using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Comments;
using SkillHub.Functions.Registrations;

namespace SkillHub.Functions.Demo;

/// <summary>
/// The app's own services on a clock stopped at a moment of the demo's past, so that a workshop
/// that ended last week was registered to, marked and rated by the same rules as today's. Nobody is
/// told: those events are long over, and the reconciliation of notifications looks back an hour only.
/// </summary>
public sealed class DemoPast(IServiceProvider services, IRegistrationStore registrations)
{
    public RegistrationService Registrations(DateTime at)
    {
        var clock = new StoppedClock(at);
        var seats = ActivatorUtilities.CreateInstance<SeatLedger>(services, clock);
        var waitingList = ActivatorUtilities.CreateInstance<WaitingList>(services, seats, Silent.Instance, clock);
        return ActivatorUtilities.CreateInstance<RegistrationService>(services, seats, waitingList, Silent.Instance, clock);
    }

    public CommentService Comments(DateTime at) => ActivatorUtilities.CreateInstance<CommentService>(services, new StoppedClock(at));

    /// <summary>The trainer's mark on a confirmed registration, as it was made then.</summary>
    public async Task MarkAttendanceAsync(Guid registrationId, string attendance, Guid trainerId, DateTime at, CancellationToken cancellationToken)
    {
        var registration = await registrations.FindByIdAsync(registrationId, cancellationToken)
            ?? throw new InvalidOperationException($"The demo registration {registrationId} is missing.");
        var change = registration.MarkAttendance(attendance, trainerId, at)
            ?? throw new InvalidOperationException($"The demo registration {registrationId} holds no seat to mark.");
        _ = await registrations.MarkAttendanceAsync(registrationId, change, cancellationToken)
            ?? throw new InvalidOperationException($"The demo registration {registrationId} changed while it was marked.");
    }

    private sealed class StoppedClock(DateTime at) : TimeProvider
    {
        private readonly DateTimeOffset _at = new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

        public override DateTimeOffset GetUtcNow() => _at;
    }

    private sealed class Silent : IRegistrationNotifier
    {
        public static readonly Silent Instance = new();

        public Task ChangedAsync(Registration registration) => Task.CompletedTask;
    }
}
