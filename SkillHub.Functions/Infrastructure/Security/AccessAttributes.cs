namespace SkillHub.Functions.Infrastructure.Security;

/// <summary>Every function declares exactly one of these; a function without one is never served.</summary>
public abstract class AccessAttribute : Attribute
{
    internal abstract AccessPolicy Policy { get; }
}

/// <summary>Anyone may call; a bearer token, if sent, is not even read (login, refresh, health).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class AnonymousAttribute : AccessAttribute
{
    internal override AccessPolicy Policy => AccessPolicy.Anonymous;
}

/// <summary>Anyone may call; a bearer token, if sent, must be valid and shapes the answer.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class CallerOptionalAttribute : AccessAttribute
{
    internal override AccessPolicy Policy => AccessPolicy.Optional;
}

/// <summary>A valid bearer token is required, with one of the given roles (any role when none is given).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class CallerRequiredAttribute(params string[] roles) : AccessAttribute
{
    public IReadOnlyList<string> Roles { get; } = roles;

    internal override AccessPolicy Policy => AccessPolicy.Required(Roles);
}

public sealed record AccessPolicy(bool ReadsToken, bool RequiresCaller, IReadOnlyList<string> Roles)
{
    public static AccessPolicy Anonymous { get; } = new(false, false, []);

    public static AccessPolicy Optional { get; } = new(true, false, []);

    public static AccessPolicy Required(IReadOnlyList<string> roles)
    {
        foreach (var role in roles)
        {
            if (!Security.Roles.IsValid(role))
            {
                throw new ArgumentException($"Unknown role '{role}'.", nameof(roles));
            }
        }

        return new(true, true, roles);
    }

    public bool Admits(string role) => Roles.Count == 0 || Roles.Contains(role, StringComparer.Ordinal);
}
