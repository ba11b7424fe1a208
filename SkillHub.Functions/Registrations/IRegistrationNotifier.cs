namespace SkillHub.Functions.Registrations;

/// <summary>Told of every registration change a participant hears about, once its document is written.</summary>
public interface IRegistrationNotifier
{
    Task ChangedAsync(Registration registration);
}
