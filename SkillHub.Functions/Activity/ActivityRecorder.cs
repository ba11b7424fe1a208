using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Activity;

/// <summary>
/// Appends the entry a function declared with <see cref="RecordsActivityAttribute"/>, once the
/// function has answered: the caller as actor, the target from the function's note, the route's
/// <c>id</c> or the <c>Id</c> of the resource answered, the client address, the trace id the
/// problem details carry, and the status. A log that cannot be written never changes the answer.
/// A function that throws records nothing: its exception passes through to the error mapping.
/// </summary>
public sealed class ActivityRecorder(
    RecordedActivityCatalog catalog,
    IActivityLog log,
    ClientAddress clientAddress,
    TimeProvider clock,
    ILogger<ActivityRecorder> logger) : IFunctionFilter
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> IdProperties = new();

    public async Task<IResult?> InvokeAsync(FunctionCall invocation, Func<Task<IResult?>> proceed)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(proceed);
        var result = await proceed();
        await RecordAsync(invocation.Http, invocation.EntryPoint, result);
        return result;
    }

    public void Check(string entryPoint) => _ = catalog.For(entryPoint);

    private async Task RecordAsync(HttpContext http, string entryPoint, IResult? answer)
    {
        string? action = null;
        try
        {
            if (catalog.For(entryPoint) is not { } declared || answer is null)
            {
                return;
            }

            var result = FunctionAnswers.Innermost(answer);
            var status = FunctionAnswers.StatusOf(result);
            action = declared.ActionFor(status);
            if (action is null)
            {
                return;
            }

            var caller = http.Request.Caller();
            var note = http.Features.Get<ActivityNote>();
            var details = new Dictionary<string, string>(note?.Details ?? new Dictionary<string, string>(), StringComparer.Ordinal);
            details["status"] = status.ToString(CultureInfo.InvariantCulture);
            var entry = ActivityEntry.Create(
                clock.GetUtcNow(),
                caller is null ? null : new ActivityActor(caller.Id, caller.Role),
                action,
                new ActivityTarget(declared.TargetType, TargetId(http, declared, result, note, caller)),
                clientAddress.Of(http.Request),
                Problems.TraceIdOf(http),
                details);

            // The change has happened: record it even if the client has gone.
            await log.AppendAsync(entry, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // Only names here: the entry's target may be an e-mail address, and the request is never logged.
            logger.LogError(exception, "Could not record {Action} in the activity log after {EntryPoint}; the answer is sent unchanged", action, entryPoint);
        }
    }

    private static string? TargetId(HttpContext http, RecordedActivity declared, IResult result, ActivityNote? note, Caller? caller)
    {
        if (note?.TargetId is { } noted)
        {
            return noted;
        }

        var answered = result is IValueHttpResult { Value: { } value } ? IdOf(value) : null;
        if (declared.TargetFromAnswer && answered is not null)
        {
            return answered;
        }

        if (http.Request.RouteValues.TryGetValue(declared.TargetRouteValue, out var routeId) && routeId is not null)
        {
            return Convert.ToString(routeId, CultureInfo.InvariantCulture);
        }

        return answered ?? (declared.TargetIsCaller ? caller?.Id.ToString() : null);
    }

    /// <summary>The public <c>Id</c> property of an answered resource (a user, a workshop), if it has one.</summary>
    private static string? IdOf(object value)
    {
        var property = IdProperties.GetOrAdd(value.GetType(), static type => type.GetProperty("Id", BindingFlags.Public | BindingFlags.Instance));
        return property?.GetValue(value) switch
        {
            Guid id => id.ToString(),
            string id => id,
            _ => null,
        };
    }
}

/// <summary>
/// What a function adds to the entry its call records, when neither the route nor its answer says
/// it: the target's id (a login names the account tried), a short detail (the new role). Never a
/// secret: a password, a token or a hash has no place here.
/// </summary>
public sealed class ActivityNote
{
    private readonly Dictionary<string, string> _details = new(StringComparer.Ordinal);

    public string? TargetId { get; set; }

    public IReadOnlyDictionary<string, string> Details => _details;

    /// <summary>Adds a detail under a plain camelCase key; a value too long for a detail is cut, never refused.</summary>
    public void Add(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var kept = value.Length > ActivityEntry.MaxDetailLength ? value[..ActivityEntry.MaxDetailLength] : value;
        ActivityEntry.CheckDetail(key, kept);
        _details[key] = kept;
    }
}

public static class ActivityNoteHttpExtensions
{
    /// <summary>Names the target of the entry this request records (it wins over the route's id and the answer's).</summary>
    public static void NoteActivityTarget(this HttpRequest request, string? targetId) => Note(request).TargetId = targetId;

    /// <summary>Adds a short detail to the entry this request records; a null value adds nothing.</summary>
    public static void NoteActivityDetail(this HttpRequest request, string key, string? value)
    {
        if (value is not null)
        {
            Note(request).Add(key, value);
        }
    }

    /// <summary>Adds a flag as "true" or "false"; a null value adds nothing.</summary>
    public static void NoteActivityDetail(this HttpRequest request, string key, bool? value) =>
        request.NoteActivityDetail(key, value is { } flag ? (flag ? "true" : "false") : null);

    private static ActivityNote Note(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var features = request.HttpContext.Features;
        if (features.Get<ActivityNote>() is not { } note)
        {
            features.Set(note = new ActivityNote());
        }

        return note;
    }
}
