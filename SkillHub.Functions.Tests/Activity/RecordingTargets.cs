using SkillHub.Functions.Activity;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Tests.Activity;

/// <summary>Stand-in functions whose activity declarations the recorder tests read, as it reads the app's.</summary>
public sealed class RecordingTargets
{
    public const string Prefix = "SkillHub.Functions.Tests.Activity.RecordingTargets.";
    public const string Change = Prefix + nameof(ChangeThing);
    public const string Attempt = Prefix + nameof(AttemptThing);
    public const string Leave = Prefix + nameof(LeaveThing);
    public const string Read = Prefix + nameof(ReadThing);
    public const string Misdeclared = Prefix + nameof(MisdeclaredThing);

    [CallerRequired]
    [RecordsActivity("thing.change", "thing")]
    public void ChangeThing()
    {
    }

    [Anonymous]
    [RecordsActivity("thing.attempt", "thing", AlsoRecordedFailures = [401, 429])]
    public void AttemptThing()
    {
    }

    [CallerRequired]
    [RecordsActivity("thing.leave", "user", TargetIsCaller = true)]
    public void LeaveThing()
    {
    }

    [CallerOptional]
    public void ReadThing()
    {
    }

    [Anonymous]
    [RecordsActivity("Thing Changed", "thing")]
    public void MisdeclaredThing()
    {
    }
}
