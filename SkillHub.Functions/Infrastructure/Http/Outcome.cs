using Microsoft.AspNetCore.Http;

namespace SkillHub.Functions.Infrastructure.Http;

public enum FailureKind
{
    Invalid,
    BadRequest,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    PreconditionFailed,
    PreconditionRequired,
    TooManyRequests,
}

/// <summary>An expected way for a use case to fail; the function turns it into a problem.</summary>
public sealed record Failure(FailureKind Kind, string Message, IReadOnlyDictionary<string, string[]>? Errors = null, TimeSpan? RetryAfter = null)
{
    public static Failure NotFound(string message) => new(FailureKind.NotFound, message);

    public static Failure BadRequest(string message) => new(FailureKind.BadRequest, message);

    public static Failure Forbidden(string message) => new(FailureKind.Forbidden, message);

    public static Failure Conflict(string message) => new(FailureKind.Conflict, message);

    public static Failure Unauthorized(string message) => new(FailureKind.Unauthorized, message);

    public static Failure Stale() => new(FailureKind.PreconditionFailed, "The resource has changed.");

    public static Failure PreconditionRequired() => new(FailureKind.PreconditionRequired, "If-Match is required.");

    public static Failure Invalid(string field, string message) =>
        new(FailureKind.Invalid, "One or more fields are invalid.", new Dictionary<string, string[]> { [field] = [message] });

    public static Failure Invalid(IReadOnlyDictionary<string, string[]> errors) => new(FailureKind.Invalid, "One or more fields are invalid.", errors);

    public static Failure TooManyRequests(TimeSpan retryAfter) => new(FailureKind.TooManyRequests, "Too many attempts.", RetryAfter: retryAfter);

    public ProblemResult ToProblem() => Kind switch
    {
        FailureKind.Invalid => Problems.Validation(Errors ?? new Dictionary<string, string[]> { ["body"] = [Message] }),
        FailureKind.BadRequest => Problems.BadRequest(Message),
        FailureKind.Unauthorized => Problems.Unauthorized(Message),
        FailureKind.Forbidden => Problems.Forbidden(Message),
        FailureKind.NotFound => Problems.NotFound(Message),
        FailureKind.Conflict => Problems.Conflict(Message),
        FailureKind.PreconditionFailed => Problems.PreconditionFailed(),
        FailureKind.PreconditionRequired => Problems.PreconditionRequired(),
        FailureKind.TooManyRequests => Problems.TooManyRequests(RetryAfter ?? TimeSpan.FromMinutes(1)),
        _ => throw new InvalidOperationException($"Unknown failure kind {Kind}."),
    };
}

/// <summary>A value, or the failure that stands in its place.</summary>
public readonly record struct Outcome<T>
{
    private Outcome(T? value, Failure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public Failure? Failure { get; }

    public bool Succeeded => Failure is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Failure failure) => new(default, failure);

    public IResult Match(Func<T, IResult> success) => Failure is null ? success(Value!) : Failure.ToProblem();
}

public static class FailureAnswers
{
    /// <summary>The answer of an operation that returns nothing on success: 204, or the failure's problem.</summary>
    public static IResult OrNoContent(this Failure? failure) => failure is null ? TypedResults.NoContent() : failure.ToProblem();
}
