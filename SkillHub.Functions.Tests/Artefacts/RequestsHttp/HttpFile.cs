using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SkillHub.Functions.Tests.Artefacts.RequestsHttp;

/// <summary>One request of a .http file, as written (variables unresolved).</summary>
internal sealed record HttpFileRequest(
    int Line,
    string Title,
    string? Name,
    int? ExpectedStatus,
    string Method,
    string Url,
    IReadOnlyList<(string Name, string Value)> Headers,
    string? Body);

/// <summary>
/// The subset of the REST Client .http format that requests.http uses: file variables
/// (<c>@name = value</c>), requests separated by <c>###</c>, <c># @name</c> to name a request,
/// comments, a request line, headers, a blank line and a body; plus this project's
/// <c># attendu : NNN</c> comment, the status the request should get.
/// </summary>
internal static partial class HttpFile
{
    public static (IReadOnlyDictionary<string, string> Variables, IReadOnlyList<HttpFileRequest> Requests) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var requests = new List<HttpFileRequest>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var block = new List<(int Number, string Text)>();
        var title = string.Empty;
        for (var i = 0; i <= lines.Length; i++)
        {
            if (i == lines.Length || lines[i].StartsWith("###", StringComparison.Ordinal))
            {
                if (ParseRequest(block, title) is { } request)
                {
                    requests.Add(request);
                }

                block.Clear();
                title = i < lines.Length ? lines[i][3..].Trim() : string.Empty;
                continue;
            }

            if (FileVariable().Match(lines[i]) is { Success: true } variable)
            {
                variables[variable.Groups[1].Value] = variable.Groups[2].Value.Trim();
                continue;
            }

            block.Add((i + 1, lines[i]));
        }

        return (variables, requests);
    }

    private static HttpFileRequest? ParseRequest(List<(int Number, string Text)> block, string title)
    {
        string? name = null;
        int? expected = null;
        var index = 0;
        for (; index < block.Count; index++)
        {
            var line = block[index].Text.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (!line.StartsWith('#') && !line.StartsWith("//", StringComparison.Ordinal))
            {
                break;
            }

            if (NameComment().Match(line) is { Success: true } named)
            {
                name = named.Groups[1].Value;
            }
            else if (ExpectedComment().Match(line) is { Success: true } status)
            {
                expected = int.Parse(status.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }

        if (index == block.Count)
        {
            return null;
        }

        var requestLine = RequestLine().Match(block[index].Text.Trim());
        Assert.True(requestLine.Success, $"Line {block[index].Number}: not a request line: {block[index].Text}");
        var headers = new List<(string, string)>();
        for (index++; index < block.Count && block[index].Text.Trim().Length > 0; index++)
        {
            var header = block[index].Text;
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            Assert.True(colon > 0, $"Line {block[index].Number}: not a header: {header}");
            headers.Add((header[..colon].Trim(), header[(colon + 1)..].Trim()));
        }

        var body = string.Join('\n', block.Skip(index).Select(l => l.Text)).Trim();
        return new HttpFileRequest(block[0].Number, title, name, expected, requestLine.Groups[1].Value, requestLine.Groups[2].Value, headers, body.Length == 0 ? null : body);
    }

    /// <summary>
    /// Replaces every <c>{{…}}</c> of <paramref name="text"/>: a file variable (itself resolved),
    /// <c>$guid</c>, <c>$datetime iso8601 N unit</c>, or a named request's
    /// <c>name.response.body.$.path</c> or <c>name.response.headers.Name</c>.
    /// </summary>
    public static string Resolve(string text, IReadOnlyDictionary<string, string> variables, IReadOnlyDictionary<string, HttpFileResponse> responses, DateTimeOffset now) =>
        Reference().Replace(text, match => Value(match.Groups[1].Value.Trim(), variables, responses, now));

    private static string Value(string reference, IReadOnlyDictionary<string, string> variables, IReadOnlyDictionary<string, HttpFileResponse> responses, DateTimeOffset now)
    {
        if (variables.TryGetValue(reference, out var value))
        {
            return Resolve(value, variables, responses, now);
        }

        if (reference == "$guid")
        {
            return Guid.NewGuid().ToString();
        }

        if (DateTimeVariable().Match(reference) is { Success: true } datetime)
        {
            var amount = int.Parse(datetime.Groups[1].Value, CultureInfo.InvariantCulture);
            var at = datetime.Groups[2].Value switch
            {
                "d" => now.AddDays(amount),
                "h" => now.AddHours(amount),
                "m" => now.AddMinutes(amount),
                var unit => throw new InvalidOperationException($"Unsupported $datetime unit '{unit}'."),
            };
            return at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }

        var parts = reference.Split('.', 4);
        if (parts.Length == 4 && parts[1] == "response" && responses.TryGetValue(parts[0], out var response))
        {
            return parts[2] switch
            {
                "body" when parts[3].StartsWith("$.", StringComparison.Ordinal) => BodyValue(response.Body, parts[3][2..], reference),
                "headers" => response.Headers.TryGetValue(parts[3], out var header) ? header : throw new InvalidOperationException($"{{{{{reference}}}}}: no such header."),
                _ => throw new InvalidOperationException($"{{{{{reference}}}}} is not a reference this runner understands."),
            };
        }

        throw new InvalidOperationException($"{{{{{reference}}}}} names no variable and no request answered so far.");
    }

    private static string BodyValue(string body, string path, string reference)
    {
        using var json = JsonDocument.Parse(body);
        var current = json.RootElement;
        foreach (var step in path.Split('.'))
        {
            // A property, or an item of one: items[0].
            var open = step.IndexOf('[', StringComparison.Ordinal);
            var property = open > 0 && step.EndsWith(']') ? step[..open] : step;
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(property, out current))
            {
                throw new InvalidOperationException($"{{{{{reference}}}}}: the answer has no {path}.");
            }

            if (property.Length < step.Length)
            {
                var index = int.Parse(step[(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
                if (current.ValueKind != JsonValueKind.Array || index >= current.GetArrayLength())
                {
                    throw new InvalidOperationException($"{{{{{reference}}}}}: the answer has no {path}.");
                }

                current = current[index];
            }
        }

        return current.ValueKind == JsonValueKind.String ? current.GetString()! : current.GetRawText();
    }

    [GeneratedRegex(@"^@([A-Za-z_][\w-]*)\s*=(.*)$")]
    private static partial Regex FileVariable();

    [GeneratedRegex(@"^#\s*@name\s+(\S+)\s*$")]
    private static partial Regex NameComment();

    [GeneratedRegex(@"^#\s*attendu\s*:\s*(\d{3})\b")]
    private static partial Regex ExpectedComment();

    [GeneratedRegex(@"^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(\S+)(?:\s+HTTP/\d(?:\.\d)?)?$")]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"\{\{(.+?)\}\}")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^\$datetime\s+iso8601\s+(-?\d+)\s+([a-zA-Z]+)$")]
    private static partial Regex DateTimeVariable();
}

/// <summary>What a named request answered, as later requests may refer to it.</summary>
internal sealed record HttpFileResponse(string Body, IReadOnlyDictionary<string, string> Headers);
