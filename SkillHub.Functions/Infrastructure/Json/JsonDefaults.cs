using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SkillHub.Functions.Infrastructure.Json;

/// <summary>The one set of JSON rules for bodies read and written by the API.</summary>
public static class JsonDefaults
{
    public static JsonSerializerOptions Options { get; } = CreateReadOnly();

    private static JsonSerializerOptions CreateReadOnly()
    {
        var options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver();
        options.MakeReadOnly();
        return options;
    }

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = false;
        options.AllowDuplicateProperties = false;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.Converters.Add(new UtcDateTimeConverter());
        return options;
    }
}

/// <summary>
/// Timestamps leave the API as UTC with a <c>Z</c>; they are accepted only with an explicit
/// offset, since a local time without one names no instant.
/// </summary>
public sealed class UtcDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && Timestamps.TryParse(reader.GetString(), out var value))
        {
            return value;
        }

        throw new JsonException("Expected an ISO 8601 timestamp with an offset, such as 2026-12-01T09:00:00Z.");
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Timestamps.Format(value));
    }
}

public static class Timestamps
{
    /// <summary>Parses ISO 8601 with an explicit offset (<c>Z</c> or <c>±hh:mm</c>) into a UTC <see cref="DateTime"/>.</summary>
    public static bool TryParse(string? text, out DateTime utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40 || !HasExplicitOffset(text))
        {
            return false;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        utc = parsed.UtcDateTime;
        return true;
    }

    public static string Format(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime();
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }

    private static bool HasExplicitOffset(string text)
    {
        if (text.EndsWith('Z') || text.EndsWith('z'))
        {
            return true;
        }

        var tIndex = text.IndexOfAny(['T', 't']);
        if (tIndex < 0)
        {
            return false;
        }

        var time = text.AsSpan(tIndex + 1);
        return time.IndexOfAny('+', '-') > 0;
    }
}
