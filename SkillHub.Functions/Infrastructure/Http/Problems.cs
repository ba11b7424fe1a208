using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SkillHub.Functions.Infrastructure.Json;
using SkillHub.Functions.Infrastructure.Telemetry;

namespace SkillHub.Functions.Infrastructure.Http;

/// <summary>
/// Every error the API answers is an RFC 9457 problem with a <c>traceId</c>; this is the only
/// place that shapes one.
/// </summary>
public static class Problems
{
    public static ProblemResult BadRequest(string detail) => Create(StatusCodes.Status400BadRequest, "Bad request", detail);

    public static ProblemResult Unauthorized(string detail = "A valid bearer token is required.") =>
        Create(StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static ProblemResult Forbidden(string detail = "You are not allowed to do this.") =>
        Create(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static ProblemResult NotFound(string detail = "No such resource.") =>
        Create(StatusCodes.Status404NotFound, "Not found", detail);

    public static ProblemResult MethodNotAllowed() =>
        Create(StatusCodes.Status405MethodNotAllowed, "Method not allowed", "This route does not accept this method.");

    public static ProblemResult Conflict(string detail) => Create(StatusCodes.Status409Conflict, "Conflict", detail);

    public static ProblemResult PreconditionFailed() =>
        Create(StatusCodes.Status412PreconditionFailed, "Precondition failed",
            "The resource has changed since you read it: read it again and retry with its new ETag.");

    public static ProblemResult PayloadTooLarge(long limit) =>
        Create(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"The request body must not exceed {limit} bytes.");

    public static ProblemResult UnsupportedMediaType() =>
        Create(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "The request body must be JSON (Content-Type: application/json).");

    public static ProblemResult Validation(IReadOnlyDictionary<string, string[]> errors) =>
        Create(StatusCodes.Status422UnprocessableEntity, "Invalid request", "One or more fields are invalid.", errors);

    public static ProblemResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemResult PreconditionRequired() =>
        Create(StatusCodes.Status428PreconditionRequired, "Precondition required",
            "Send the resource's ETag in an If-Match header to change it.");

    public static ProblemResult TooManyRequests(TimeSpan retryAfter)
    {
        var seconds = Seconds(retryAfter);
        return WithRetryAfter(Create(StatusCodes.Status429TooManyRequests, "Too many requests", $"Too many attempts. Retry in {seconds} seconds."), seconds);
    }

    /// <summary>A 503 always says when to come back: a database that restarts, or hashing slots that free up.</summary>
    public static ProblemResult ServiceUnavailable(string detail = "A database is unreachable. Retry later.", TimeSpan? retryAfter = null) =>
        WithRetryAfter(Create(StatusCodes.Status503ServiceUnavailable, "Service unavailable", detail), Seconds(retryAfter ?? TimeSpan.FromSeconds(5)));

    /// <summary>Start-up has not prepared the databases yet (migrations, indexes): <c>/api/health</c> says what it waits for.</summary>
    public static ProblemResult Starting() =>
        ServiceUnavailable("SkillHub is starting: its databases are not ready yet. Retry later; GET /api/health says what it waits for.");

    public static ProblemResult InternalError() =>
        Create(StatusCodes.Status500InternalServerError, "Internal server error", "An unexpected error occurred. Quote the traceId when you report it.");

    public static ProblemResult Create(int status, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var details = errors is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));
        details.Status = status;
        details.Title = title;
        details.Detail = detail;
        details.Type = TypeOf(status);
        return new ProblemResult(details);
    }

    // Retry-After in whole seconds, never 0.
    private static string Seconds(TimeSpan wait) =>
        Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ProblemResult WithRetryAfter(ProblemResult problem, string seconds)
    {
        problem.Headers["Retry-After"] = seconds;
        return problem;
    }

    /// <summary>
    /// The id that ties an answer to its trace and its activity-log entry: the 32-hex trace id of the
    /// request's span, which a trace backend finds the trace by; the request's own id outside any trace.
    /// </summary>
    public static string TraceIdOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return SkillHubTelemetry.CurrentTraceId() ?? http.TraceIdentifier;
    }

    /// <summary>The specification that defines the status code, as RFC 9457 suggests for a problem without extra semantics.</summary>
    private static string TypeOf(int status) => status switch
    {
        StatusCodes.Status428PreconditionRequired => "https://www.rfc-editor.org/rfc/rfc6585#section-3",
        StatusCodes.Status429TooManyRequests => "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        >= 400 and <= 417 or 421 or 422 or 426 or >= 500 and <= 505 => $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}",
        _ => "about:blank",
    };
}

/// <summary>Writes a problem as <c>application/problem+json</c>, stamped with the request's trace id.</summary>
public sealed class ProblemResult(ProblemDetails details) : IResult, IStatusCodeHttpResult
{
    public ProblemDetails Details { get; } = details;

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public int? StatusCode => Details.Status;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        Details.Extensions["traceId"] = Problems.TraceIdOf(httpContext);
        var response = httpContext.Response;
        response.StatusCode = Details.Status ?? StatusCodes.Status500InternalServerError;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        response.ContentType = "application/problem+json; charset=utf-8";
        await JsonSerializer.SerializeAsync(response.Body, Details, Details.GetType(), JsonDefaults.Options, httpContext.RequestAborted);
    }
}
