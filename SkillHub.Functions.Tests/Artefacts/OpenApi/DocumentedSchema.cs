using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using static SkillHub.Functions.Tests.Artefacts.OpenApi.OpenApiSpec;

namespace SkillHub.Functions.Tests.Artefacts.OpenApi;

/// <summary>
/// Checks a JSON value the app answered against a schema of the document, the subset of OpenAPI
/// 3.0 the document uses: $ref, allOf, nullable, type, required, properties, additionalProperties,
/// items, enum, format (date-time, uuid), pattern, minimum/maximum, minLength/maxLength. An object
/// property the schema does not name is a violation unless the schema has additionalProperties:
/// what the app answers must be documented, and what the document requires must be answered.
/// </summary>
internal static class DocumentedSchema
{
    public static List<string> Violations(YamlMappingNode schema, JsonElement value)
    {
        var violations = new List<string>();
        Check(schema, value, "$", violations);
        return violations;
    }

    private static void Check(YamlMappingNode schema, JsonElement value, string at, List<string> violations)
    {
        schema = Follow(schema);
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (ScalarOrNull(schema, "nullable") != "true")
            {
                violations.Add($"{at} is null, which its schema does not allow");
            }

            return;
        }

        if (Child(schema, "allOf") is YamlSequenceNode all)
        {
            foreach (var part in all.Children)
            {
                Check(Follow(part), value, at, violations);
            }
        }

        var enumeration = Strings(schema, "enum");
        if (enumeration.Count > 0 && !enumeration.Contains(Text(value), StringComparer.Ordinal))
        {
            violations.Add($"{at} is {value.GetRawText()}, not one of [{string.Join(", ", enumeration)}]");
        }

        switch (ScalarOrNull(schema, "type"))
        {
            // An object that is its allOf parts (and nullable, which needs a type beside it): the parts checked it.
            case "object" when Child(schema, "allOf") is not null && Child(schema, "properties") is null:
                break;
            case "object":
                CheckObject(schema, value, at, violations);
                break;
            case "array":
                if (value.ValueKind != JsonValueKind.Array)
                {
                    violations.Add($"{at} is {value.ValueKind}, not an array");
                    return;
                }

                var items = (YamlMappingNode)Child(schema, "items")!;
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Check(items, item, $"{at}[{index++}]", violations);
                }

                break;
            case "string":
                CheckString(schema, value, at, violations);
                break;
            case "integer":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
                {
                    violations.Add($"{at} is {value.GetRawText()}, not an integer");
                    return;
                }

                CheckBounds(schema, number, at, violations);
                break;
            case "number":
                if (value.ValueKind != JsonValueKind.Number)
                {
                    violations.Add($"{at} is {value.GetRawText()}, not a number");
                    return;
                }

                CheckBounds(schema, value.GetDouble(), at, violations);
                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    violations.Add($"{at} is {value.ValueKind}, not a boolean");
                }

                break;
            case null when Child(schema, "allOf") is not null:
                break;
            case var other:
                violations.Add($"{at}: the schema's type '{other}' is not one these tests check");
                break;
        }
    }

    private static void CheckObject(YamlMappingNode schema, JsonElement value, string at, List<string> violations)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            violations.Add($"{at} is {value.ValueKind}, not an object");
            return;
        }

        foreach (var required in Strings(schema, "required"))
        {
            if (!value.TryGetProperty(required, out _))
            {
                violations.Add($"{at}.{required} is required by the document but missing");
            }
        }

        var properties = Child(schema, "properties") as YamlMappingNode;
        var additional = Child(schema, "additionalProperties");
        foreach (var property in value.EnumerateObject())
        {
            if (properties is not null && Child(properties, property.Name) is YamlMappingNode propertySchema)
            {
                Check(propertySchema, property.Value, $"{at}.{property.Name}", violations);
            }
            else if (additional is YamlMappingNode additionalSchema)
            {
                Check(additionalSchema, property.Value, $"{at}.{property.Name}", violations);
            }
            else if (additional is not YamlScalarNode { Value: "true" })
            {
                violations.Add($"{at}.{property.Name} is answered but not documented");
            }
        }
    }

    private static void CheckString(YamlMappingNode schema, JsonElement value, string at, List<string> violations)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            violations.Add($"{at} is {value.ValueKind}, not a string");
            return;
        }

        var text = value.GetString()!;
        var wellFormed = ScalarOrNull(schema, "format") switch
        {
            "date-time" => DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "uuid" => Guid.TryParseExact(text, "D", out _),
            _ => true,
        };
        if (!wellFormed)
        {
            violations.Add($"{at} is \"{text}\", not a {ScalarOrNull(schema, "format")}");
        }

        if (ScalarOrNull(schema, "pattern") is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            violations.Add($"{at} is \"{text}\", which does not match {pattern}");
        }

        var length = text.EnumerateRunes().Count();
        if ((ScalarOrNull(schema, "minLength") is { } min && length < int.Parse(min, CultureInfo.InvariantCulture))
            || (ScalarOrNull(schema, "maxLength") is { } max && length > int.Parse(max, CultureInfo.InvariantCulture)))
        {
            violations.Add($"{at} has {length} characters, outside the documented length");
        }
    }

    private static void CheckBounds(YamlMappingNode schema, long number, string at, List<string> violations)
    {
        if ((ScalarOrNull(schema, "minimum") is { } min && number < long.Parse(min, CultureInfo.InvariantCulture))
            || (ScalarOrNull(schema, "maximum") is { } max && number > long.Parse(max, CultureInfo.InvariantCulture)))
        {
            violations.Add($"{at} is {number}, outside the documented bounds");
        }
    }

    private static void CheckBounds(YamlMappingNode schema, double number, string at, List<string> violations)
    {
        if ((ScalarOrNull(schema, "minimum") is { } min && number < double.Parse(min, CultureInfo.InvariantCulture))
            || (ScalarOrNull(schema, "maximum") is { } max && number > double.Parse(max, CultureInfo.InvariantCulture)))
        {
            violations.Add($"{at} is {number.ToString(CultureInfo.InvariantCulture)}, outside the documented bounds");
        }
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        _ => value.GetRawText(),
    };
}
