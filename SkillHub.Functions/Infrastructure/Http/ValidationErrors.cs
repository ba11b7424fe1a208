namespace SkillHub.Functions.Infrastructure.Http;

/// <summary>Collects field errors for one request; empty means valid.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
        return this;
    }

    public ValidationErrors Required(string field, object? value) =>
        value is null || (value is string text && string.IsNullOrWhiteSpace(text)) ? Add(field, "This field is required.") : this;

    public ValidationErrors Length(string field, string? value, int min, int max) =>
        value is not null && (value.Length < min || value.Length > max) ? OutOfLength(field, min, max) : this;

    /// <summary>
    /// A text bound for a PostgreSQL <c>text</c> column: its length counted as <c>char_length</c>
    /// counts it (code points, so an emoji is one character, not two UTF-16 units), and no U+0000,
    /// which <c>text</c> cannot hold. What passes here never trips the column's CHECK.
    /// </summary>
    public ValidationErrors StoredText(string field, string? value, int min, int max)
    {
        if (value is null)
        {
            return this;
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            return Add(field, "Must not contain the NUL character.");
        }

        var length = value.EnumerateRunes().Count();
        return length < min || length > max ? OutOfLength(field, min, max) : this;
    }

    public ValidationErrors Range(string field, int? value, int min, int max)
    {
        if (value is { } number && (number < min || number > max))
        {
            Add(field, $"Must be between {min} and {max}.");
        }

        return this;
    }

    public ValidationErrors When(bool condition, string field, string message) => condition ? Add(field, message) : this;

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public Failure? ToFailure() => IsEmpty ? null : Failure.Invalid(ToDictionary());

    public ProblemResult? ToProblem() => IsEmpty ? null : Problems.Validation(ToDictionary());

    private ValidationErrors OutOfLength(string field, int min, int max) =>
        Add(field, min == 0 ? $"At most {max} characters." : $"Between {min} and {max} characters.");
}
