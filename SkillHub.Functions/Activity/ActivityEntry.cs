using System.Text.RegularExpressions;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Telemetry;

namespace SkillHub.Functions.Activity;

/// <summary>Who changed something: the authenticated caller, as their token proved them.</summary>
public sealed record ActivityActor(Guid Id, string Role);

/// <summary>What was changed: a kind of resource ("user", "workshop") and its id.</summary>
public sealed record ActivityTarget(string Type, string? Id);

/// <summary>
/// One state change, as the activity log keeps it. Entries hold only what their maker put there:
/// the action, who, what, from where, the trace id, and a few short details, never a request body,
/// a password, a token or a hash.
/// </summary>
public sealed partial record ActivityEntry(
    Guid Id,
    DateTime At,
    ActivityActor? Actor,
    string Action,
    ActivityTarget Target,
    string? Ip,
    string? TraceId,
    IReadOnlyDictionary<string, string> Details)
{
    public const int MaxActionLength = 64;
    public const int MaxTargetIdLength = 320;
    public const int MaxDetails = 8;
    public const int MaxDetailLength = 200;

    /// <summary>
    /// An entry for a change the app made on its own, outside any request (reconciliation, backups,
    /// restores): no actor and no client address; the trace id of the running operation, if any.
    /// </summary>
    public static ActivityEntry ForSystem(TimeProvider clock, string action, ActivityTarget target, IReadOnlyDictionary<string, string>? details = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Create(clock.GetUtcNow(), null, action, target, null, SkillHubTelemetry.CurrentTraceId(), details);
    }

    /// <summary>A new entry, checked: a well-formed action and target type, and at most a few short details with plain keys.</summary>
    public static ActivityEntry Create(
        DateTimeOffset at,
        ActivityActor? actor,
        string action,
        ActivityTarget target,
        string? ip,
        string? traceId,
        IReadOnlyDictionary<string, string>? details)
    {
        ArgumentNullException.ThrowIfNull(target);
        CheckAction(action);
        CheckTargetType(target.Type);

        var checkedDetails = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in details ?? new Dictionary<string, string>())
        {
            CheckDetail(key, value);
            checkedDetails[key] = value;
        }

        if (checkedDetails.Count > MaxDetails)
        {
            throw new ArgumentException($"An entry holds at most {MaxDetails} details.", nameof(details));
        }

        // An entry is born with the precision it is stored with.
        return new ActivityEntry(
            Guid.CreateVersion7(at),
            DocumentTime.Truncate(at.UtcDateTime),
            actor,
            action,
            target with { Id = Truncate(target.Id, MaxTargetIdLength) },
            ip,
            traceId,
            checkedDetails);
    }

    public static void CheckAction(string action)
    {
        if (action is null || action.Length > MaxActionLength || !ActionPattern().IsMatch(action))
        {
            throw new ArgumentException($"The action '{action}' is not a dotted lower-case name such as 'workshop.publish'.", nameof(action));
        }
    }

    public static void CheckTargetType(string targetType)
    {
        if (targetType is null || !TypePattern().IsMatch(targetType))
        {
            throw new ArgumentException($"The target type '{targetType}' is not a lower-case name such as 'workshop'.", nameof(targetType));
        }
    }

    /// <summary>Refuses a detail whose key is not a plain camelCase word or whose value is too long to be a short fact.</summary>
    public static void CheckDetail(string key, string value)
    {
        if (key is null || !DetailKeyPattern().IsMatch(key))
        {
            throw new ArgumentException($"The detail key '{key}' is not a camelCase word of at most 32 characters.", nameof(key));
        }

        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > MaxDetailLength)
        {
            throw new ArgumentException($"The detail '{key}' is longer than {MaxDetailLength} characters.", nameof(value));
        }
    }

    private static string? Truncate(string? value, int length) => value is { Length: var l } && l > length ? value[..length] : value;

    [GeneratedRegex(@"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")]
    private static partial Regex ActionPattern();

    [GeneratedRegex("^[a-z][a-z_]*$")]
    private static partial Regex TypePattern();

    [GeneratedRegex("^[a-z][A-Za-z0-9]{0,31}$")]
    private static partial Regex DetailKeyPattern();
}

/// <summary>The admin query's filters; each one left null matches every entry. <see cref="From"/> and <see cref="To"/> are inclusive.</summary>
public sealed record ActivityQuery(Guid? ActorId = null, string? Action = null, string? TargetId = null, DateTime? From = null, DateTime? To = null)
{
    /// <summary><see cref="From"/> as both stores compare it with the stored milliseconds (<see cref="DocumentTime.FirstMillisecondFrom"/>).</summary>
    public DateTime? StoredFrom => From is { } from ? DocumentTime.FirstMillisecondFrom(from) : null;

    /// <summary><see cref="To"/> as both stores compare it with the stored milliseconds (<see cref="DocumentTime.Truncate"/>).</summary>
    public DateTime? StoredTo => To is { } to ? DocumentTime.Truncate(to) : null;
}

/// <summary>The activity log, behind the same contract in MongoDB and in memory.</summary>
public interface IActivityLog
{
    Task AppendAsync(ActivityEntry entry, CancellationToken cancellationToken);

    /// <summary>A page of the entries matching every filter, newest first (ties broken by id, newest first).</summary>
    Task<(IReadOnlyList<ActivityEntry> Items, long Total)> QueryAsync(ActivityQuery query, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Deletes the entries made before <paramref name="cutoff"/>; returns how many went.</summary>
    Task<long> PurgeOlderThanAsync(DateTime cutoff, CancellationToken cancellationToken);

    /// <summary>
    /// Puts <paramref name="replacement"/> wherever an entry's target id or one of its details is
    /// <paramref name="value"/>, compared without case (an erased account's address, which entries of
    /// older builds kept as the target of a failed login); returns how many entries changed.
    /// </summary>
    Task<long> ReplaceValueAsync(string value, string replacement, CancellationToken cancellationToken);
}

public static class ActivityLogExtensions
{
    /// <summary>
    /// Appends an entry for a change that has already happened; a log that cannot be written is
    /// reported but never undoes or fails the change.
    /// </summary>
    public static async Task AppendQuietlyAsync(this IActivityLog log, ActivityEntry entry, Microsoft.Extensions.Logging.ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            await log.AppendAsync(entry, CancellationToken.None);
        }
#pragma warning disable CA1031 // The change stands whatever the log does.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Microsoft.Extensions.Logging.LoggerExtensions.LogError(logger, exception, "Could not record {Action} in the activity log", entry.Action);
        }
    }
}
