using System.Globalization;
using Microsoft.AspNetCore.Http;
using SkillHub.Functions.Infrastructure.Json;

namespace SkillHub.Functions.Infrastructure.Http;

/// <summary>Reads query parameters strictly: a value that cannot be understood is a 400, never ignored.</summary>
public sealed class QueryParameters(IQueryCollection query)
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    /// <summary>For lists whose only parameters are page and pageSize: the page, or the problem that reading it raised.</summary>
    public static ProblemResult? ReadPaging(IQueryCollection query, out PageRequest page)
    {
        var parameters = new QueryParameters(query);
        page = parameters.Paging();
        return parameters.ToProblem();
    }

    public PageRequest Paging()
    {
        var page = Number("page", 1, 1, 1_000_000);
        var pageSize = Number("pageSize", PageRequest.DefaultPageSize, 1, PageRequest.MaxPageSize);
        return new PageRequest(page, pageSize);
    }

    public int Number(string name, int defaultValue, int min, int max) =>
        Parse<int>(name, raw => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value : null,
            $"Expected a whole number from {min} to {max}.") ?? defaultValue;

    public Guid? Id(string name) =>
        Parse<Guid>(name, raw => Guid.TryParseExact(raw, "D", out var value) ? value : null, "Expected a UUID.");

    public DateTime? Timestamp(string name) =>
        Parse<DateTime>(name, raw => Timestamps.TryParse(raw, out var value) ? value : null,
            "Expected an ISO 8601 timestamp with an offset, such as 2026-12-01T09:00:00Z.");

    public bool? Bool(string name) =>
        Parse<bool>(name, raw => raw switch { "true" => true, "false" => false, _ => null }, "Expected true or false.");

    public string? OneOf(string name, params string[] allowed)
    {
        var raw = Single(name);
        if (raw is null || allowed.Contains(raw, StringComparer.Ordinal))
        {
            return raw;
        }

        Fail(name, $"Expected one of: {string.Join(", ", allowed)}.");
        return null;
    }

    public string? Text(string name, int maxLength)
    {
        var raw = Single(name)?.Trim();
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        // PostgreSQL text cannot hold U+0000: refuse it here rather than fail in the database.
        if (raw.Contains('\0', StringComparison.Ordinal))
        {
            Fail(name, "Must not contain the NUL character.");
            return null;
        }

        if (raw.Length <= maxLength)
        {
            return raw;
        }

        Fail(name, $"At most {maxLength} characters.");
        return null;
    }

    public void Fail(string name, string message) => _errors[name] = [message];

    public ProblemResult? ToProblem() =>
        _errors.Count == 0
            ? null
            : Problems.Create(StatusCodes.Status400BadRequest, "Bad query parameter", "One or more query parameters are invalid.", _errors);

    /// <summary>The parameter's value; null when it is absent, or when <paramref name="parse"/> refuses it, which is then an error.</summary>
    private T? Parse<T>(string name, Func<string, T?> parse, string expected)
        where T : struct
    {
        if (Single(name) is not { } raw)
        {
            return null;
        }

        if (parse(raw) is { } value)
        {
            return value;
        }

        Fail(name, expected);
        return null;
    }

    private string? Single(string name)
    {
        if (!query.TryGetValue(name, out var values) || values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1)
        {
            Fail(name, "Give this parameter once.");
            return null;
        }

        return values[0];
    }
}

public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public long Offset => (long)(Page - 1) * PageSize;

    /// <summary><see cref="Offset"/> as the count LINQ and the MongoDB driver skip: past <see cref="int.MaxValue"/> every page is empty anyway.</summary>
    public int Skip => (int)Math.Min(Offset, int.MaxValue);
}

/// <summary>The shape of every list the API returns.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);

public static class PageResponse
{
    public static PageResponse<T> Create<T>(PageRequest request, IReadOnlyList<T> items, long total) =>
        new(items, request.Page, request.PageSize, total);
}
