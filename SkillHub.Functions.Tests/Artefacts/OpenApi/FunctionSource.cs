using System.Text.RegularExpressions;
using SkillHub.Functions.Tests.Support;
using SkillHub.Standalone.Hosting;

namespace SkillHub.Functions.Tests.Artefacts.OpenApi;

/// <summary>
/// What the source of an HTTP function reads from its request: the JSON body type, the query
/// parameters, the If-Match header. Read from the function's own text (from its [Function]
/// attribute to the next one), so the document is compared with the code, not with a list kept
/// beside it.
/// </summary>
internal static partial class FunctionSource
{
    private static readonly Lazy<List<string>> Sources = new(() =>
        Directory.EnumerateFiles(Path.Combine(Repository.Root, "SkillHub.Functions"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList());

    /// <summary>The text of the function, from its [Function] attribute to the next function of its class or the end of the file.</summary>
    public static string Of(FunctionDescriptor function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var attribute = $"[Function(\"{function.Name}\")]";
        var text = Assert.Single(Sources.Value, source => source.Contains(attribute, StringComparison.Ordinal));
        var start = text.IndexOf(attribute, StringComparison.Ordinal);
        var next = text.IndexOf("[Function(", start + 1, StringComparison.Ordinal);
        return next < 0 ? text[start..] : text[start..next];
    }

    /// <summary>The request type the function reads its JSON body into, or null when it reads none.</summary>
    public static string? BodyType(FunctionDescriptor function) =>
        JsonBodyRead().Match(Of(function)) is { Success: true } match ? match.Groups[1].Value : null;

    /// <summary>The query parameters the function reads (page and pageSize when it reads paging).</summary>
    public static IReadOnlySet<string> QueryParameters(FunctionDescriptor function)
    {
        var text = Of(function);
        var names = QueryRead().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        if (text.Contains(".Paging()", StringComparison.Ordinal) || text.Contains("ReadPaging(", StringComparison.Ordinal))
        {
            names.Add("page");
            names.Add("pageSize");
        }

        return names;
    }

    public static bool ReadsIfMatch(FunctionDescriptor function) => Of(function).Contains("Headers.IfMatch", StringComparison.Ordinal);

    [GeneratedRegex(@"JsonBody\.(?:HandleAsync|ReadAsync)<(\w+)>")]
    private static partial Regex JsonBodyRead();

    [GeneratedRegex(@"query\.(?:Timestamp|Id|Text|Bool|OneOf|Number)\(""(\w+)""")]
    private static partial Regex QueryRead();
}
