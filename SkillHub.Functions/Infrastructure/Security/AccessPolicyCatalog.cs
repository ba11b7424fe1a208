using System.Collections.Concurrent;
using System.Reflection;

namespace SkillHub.Functions.Infrastructure.Security;

/// <summary>
/// The access policy of each function, read once per entry point ("Namespace.Class.Method", as in
/// functions.metadata) from the method's <see cref="AccessAttribute"/> and cached.
/// </summary>
public sealed class AccessPolicyCatalog(Assembly assembly)
{
    private readonly ConcurrentDictionary<string, AccessPolicy> _policies = new(StringComparer.Ordinal);

    public AccessPolicyCatalog()
        : this(typeof(AccessPolicyCatalog).Assembly)
    {
    }

    public AccessPolicy For(string entryPoint) => _policies.GetOrAdd(entryPoint, Resolve);

    /// <summary>The function's method, in the assembly this catalog reads.</summary>
    public MethodInfo MethodOf(string entryPoint) => FindMethod(assembly, entryPoint);

    /// <summary>Whether the function answers before start-up is done (<see cref="Hosting.ServesWhileStartingAttribute"/>); read only while starting.</summary>
    public bool ServesWhileStarting(string entryPoint) =>
        FindMethod(assembly, entryPoint).IsDefined(typeof(Hosting.ServesWhileStartingAttribute), inherit: false);

    private AccessPolicy Resolve(string entryPoint)
    {
        var method = FindMethod(assembly, entryPoint);
        var attributes = method.GetCustomAttributes<AccessAttribute>(inherit: false).ToList();
        return attributes.Count == 1
            ? attributes[0].Policy
            : throw new InvalidOperationException(
                $"Function '{entryPoint}' must declare exactly one access attribute (Anonymous, CallerOptional or CallerRequired); it declares {attributes.Count}.");
    }

    internal static MethodInfo FindMethod(Assembly assembly, string entryPoint)
    {
        var split = entryPoint.LastIndexOf('.');
        var type = split > 0 ? assembly.GetType(entryPoint[..split], throwOnError: false) : null;
        var methods = type?.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name == entryPoint[(split + 1)..])
            .ToList();
        return methods is { Count: 1 }
            ? methods[0]
            : throw new InvalidOperationException($"Entry point '{entryPoint}' does not name exactly one public method.");
    }
}
