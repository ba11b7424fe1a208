using System.Collections.Concurrent;
using System.Reflection;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Activity;

/// <summary>
/// Declares that a function changes state and that each successful call (2xx) appends one entry
/// to the activity log: <paramref name="action"/> about a <paramref name="targetType"/>. The gate
/// records it after the function ran; the function itself writes nothing.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RecordsActivityAttribute(string action, string targetType) : Attribute
{
    public string Action { get; } = action;

    public string TargetType { get; } = targetType;

    /// <summary>
    /// Statuses of the function's own answers that are recorded too, as "<c>action</c>.failed"
    /// (a refused login). Refusals by the gate itself (no or a bad token, a role not admitted)
    /// are never recorded.
    /// </summary>
#pragma warning disable CA1819 // Attribute arguments can only be arrays.
    public int[] AlsoRecordedFailures { get; set; } = [];
#pragma warning restore CA1819

    /// <summary>The target is the caller's own account (logout), not a resource named by the route or the result.</summary>
    public bool TargetIsCaller { get; set; }

    /// <summary>The route value that names the target, when it is not <c>id</c> (a comment under its workshop).</summary>
    public string TargetRouteValue { get; set; } = "id";

    /// <summary>The answered resource names the target before the route does (a registration made under a workshop's route).</summary>
    public bool TargetFromAnswer { get; set; }
}

/// <summary>What a function declared it records, checked once.</summary>
public sealed record RecordedActivity(string Action, string TargetType, IReadOnlySet<int> RecordedFailures, bool TargetIsCaller, string TargetRouteValue = "id", bool TargetFromAnswer = false)
{
    public const string FailureSuffix = ".failed";

    /// <summary>The action to record for an answer with this status, or null when that answer is not recorded.</summary>
    public string? ActionFor(int status) => status switch
    {
        >= 200 and < 300 => Action,
        _ when RecordedFailures.Contains(status) => Action + FailureSuffix,
        _ => null,
    };
}

/// <summary>
/// The <see cref="RecordsActivityAttribute"/> of each function, read once per entry point
/// ("Namespace.Class.Method", as in functions.metadata) and cached; null for a function that
/// declares none (reads, and token refresh).
/// </summary>
public sealed class RecordedActivityCatalog(Assembly assembly)
{
    private readonly ConcurrentDictionary<string, RecordedActivity?> _declarations = new(StringComparer.Ordinal);

    public RecordedActivityCatalog()
        : this(typeof(RecordedActivityCatalog).Assembly)
    {
    }

    public RecordedActivity? For(string entryPoint) => _declarations.GetOrAdd(entryPoint, Resolve);

    private RecordedActivity? Resolve(string entryPoint)
    {
        var method = AccessPolicyCatalog.FindMethod(assembly, entryPoint);
        if (method.GetCustomAttribute<RecordsActivityAttribute>(inherit: false) is not { } declared)
        {
            return null;
        }

        // The checks every entry passes, made when the function is first served rather than when it first succeeds.
        ActivityEntry.CheckAction(declared.Action);
        ActivityEntry.CheckAction(declared.Action + RecordedActivity.FailureSuffix);
        ActivityEntry.CheckTargetType(declared.TargetType);
        var failures = declared.AlsoRecordedFailures.ToHashSet();
        if (failures.Any(status => status is < 400 or > 599))
        {
            throw new InvalidOperationException($"Function '{entryPoint}' may only record failures with 4xx or 5xx statuses.");
        }

        return new RecordedActivity(declared.Action, declared.TargetType, failures, declared.TargetIsCaller, declared.TargetRouteValue, declared.TargetFromAnswer);
    }
}
