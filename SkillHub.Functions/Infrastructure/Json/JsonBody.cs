using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using SkillHub.Functions.Infrastructure.Http;

namespace SkillHub.Functions.Infrastructure.Json;

/// <summary>The outcome of reading a request body: a value, or the problem to answer instead.</summary>
public readonly record struct BodyResult<T>(T? Value, IResult? Problem)
{
    public bool IsValid => Problem is null;
}

/// <summary>
/// Reads JSON request bodies the same strict way everywhere: JSON only (415), at most 1 MiB,
/// refused before parsing (413), well-formed (400), an object naming only the request's own
/// properties (422, the mass-assignment guard), each of the right type (422).
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 1024 * 1024;

    private static readonly string[] NotAccepted = ["This property is not accepted here."];

    private static readonly ConcurrentDictionary<Type, HashSet<string>> KnownProperties = new();

    public static async Task<BodyResult<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsJson(request.ContentType))
        {
            return new(null, Problems.UnsupportedMediaType());
        }

        if (request.ContentLength > MaxBytes)
        {
            return new(null, Problems.PayloadTooLarge(MaxBytes));
        }

        var bytes = await ReadLimitedAsync(request.Body, cancellationToken);
        if (bytes is null)
        {
            return new(null, Problems.PayloadTooLarge(MaxBytes));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException)
        {
            return new(null, Problems.BadRequest("The request body is not well-formed JSON."));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new(null, Problems.BadRequest("The request body must be a JSON object."));
            }

            var unknown = UnknownProperties<T>(document.RootElement);
            if (unknown.Count > 0)
            {
                return new(null, Problems.Validation(unknown.ToDictionary(name => name, _ => NotAccepted, StringComparer.Ordinal)));
            }

            try
            {
                var value = document.RootElement.Deserialize<T>(JsonDefaults.Options);
                return value is null
                    ? new(null, Problems.BadRequest("The request body must be a JSON object."))
                    : new(value, null);
            }
            catch (JsonException exception)
            {
                var field = FieldFromPath(exception.Path);
                return new(null, Problems.Validation(field, "This value has the wrong type or format."));
            }
        }
    }

    /// <summary>Reads the body and hands it to <paramref name="handle"/>, or answers the problem that reading it raised.</summary>
    public static async Task<IResult> HandleAsync<T>(HttpRequest request, Func<T, Task<IResult>> handle, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(handle);
        var body = await ReadAsync<T>(request, cancellationToken);
        return body.IsValid ? await handle(body.Value!) : body.Problem!;
    }

    internal static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || mediaType.MediaType.Value is not { } type)
        {
            return false;
        }

        if (mediaType.Charset.HasValue && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<byte[]?> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static List<string> UnknownProperties<T>(JsonElement root)
    {
        var known = KnownProperties.GetOrAdd(typeof(T), static type =>
        {
            var info = JsonDefaults.Options.GetTypeInfo(type);
            return info.Kind == JsonTypeInfoKind.Object
                ? info.Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal)
                : [];
        });

        return root.EnumerateObject()
            .Select(property => property.Name)
            .Where(name => !known.Contains(name))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static string FieldFromPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        var end = field.IndexOfAny(['.', '[']);
        return end > 0 ? field[..end] : field;
    }
}
