using SkillHub.Functions.Registrations;

namespace SkillHub.Bench.Peer;

/// <summary>The app's registration service with a notifier that writes nothing: a registration without its outbox row, to price it.</summary>
internal sealed class SilentRegistrations(IServiceProvider services)
{
    public RegistrationService Service { get; } = ActivatorUtilities.CreateInstance<RegistrationService>(services, Silent.Instance);

    private sealed class Silent : IRegistrationNotifier
    {
        public static readonly Silent Instance = new();

        public Task ChangedAsync(Registration registration) => Task.CompletedTask;
    }
}
