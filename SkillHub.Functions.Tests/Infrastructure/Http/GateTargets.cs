using SkillHub.Functions.Infrastructure.Hosting;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Tests.Infrastructure.Http;

/// <summary>Stand-in functions whose access attributes the gate tests read, as it reads the app's.</summary>
public sealed class GateTargets
{
    public const string Prefix = "SkillHub.Functions.Tests.Infrastructure.Http.GateTargets.";
    public const string AnyCaller = Prefix + nameof(CallerRequired);
    public const string AdminOnly = Prefix + nameof(AdminRequired);
    public const string OptionalCaller = Prefix + nameof(CallerOptional);
    public const string AnonymousCaller = Prefix + nameof(Anonymous);
    public const string NoAttribute = Prefix + nameof(Undeclared);
    public const string WhileStarting = Prefix + nameof(ServesWhileStarting);

    [CallerRequired]
    public void CallerRequired()
    {
    }

    [CallerRequired(Roles.Admin)]
    public void AdminRequired()
    {
    }

    [CallerOptional]
    public void CallerOptional()
    {
    }

    [Anonymous]
    public void Anonymous()
    {
    }

    public void Undeclared()
    {
    }

    [Anonymous]
    [ServesWhileStarting]
    public void ServesWhileStarting()
    {
    }
}
