using System.Reflection;
using System.Text.RegularExpressions;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Tests.Artefacts.OpenApi;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Artefacts.Readme;

/// <summary>
/// The front README and the docs/ files it leads to, read as an examiner reads them: every link
/// leads somewhere, and the route table lists exactly the operations of openapi.yaml, marking
/// those that write an activity entry.
/// </summary>
public sealed partial class ReadmeTests
{
    private static readonly string ReadmePath = Path.Combine(Repository.Root, "README.md");

    public static TheoryData<string> Documents()
    {
        var documents = new TheoryData<string> { "README.md" };
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            documents.Add(Path.GetRelativePath(Repository.Root, file));
        }

        return documents;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryRelativeLink_LeadsToAFileOfTheRepository(string document)
    {
        var broken = BrokenLinks(Path.Combine(Repository.Root, document));

        Assert.True(broken.Count == 0, $"{document} links to what does not exist: {string.Join(", ", broken)}");
    }

    /// <summary>The relative links of the Markdown file at <paramref name="path"/> that lead to no file nor folder beside it.</summary>
    internal static List<string> BrokenLinks(string path) =>
        LinkTarget().Matches(File.ReadAllText(path))
            .Select(m => m.Groups["target"].Value)
            .Where(target => !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith('#') && !target.StartsWith("mailto:", StringComparison.Ordinal))
            .Select(target => target.Split('#')[0])
            .Where(target => !File.Exists(Path.Combine(Path.GetDirectoryName(path)!, target)) && !Directory.Exists(Path.Combine(Path.GetDirectoryName(path)!, target)))
            .ToList();

    [Fact]
    public void TheFrontReadme_FitsAnExaminersTime()
    {
        // The issue's budget: about 15 to 20 KB; everything else lives in docs/.
        Assert.InRange(new FileInfo(ReadmePath).Length, 8_000, 21_000);
    }

    [Fact]
    public void TheRouteTable_ListsExactlyTheDocumentedOperations()
    {
        var documented = OpenApiSpec.Operations().Select(o => $"{o.Method} {o.Path}").Order(StringComparer.Ordinal).ToList();

        var listed = RouteTable().Select(row => row.Route).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(documented, listed);
    }

    [Fact]
    public void TheRouteTable_MarksExactlyTheRoutesThatRecordActivity()
    {
        var recording = OpenApiSpec.ServedOperations()
            .Where(served => served.Function.Method.GetCustomAttribute<RecordsActivityAttribute>() is not null)
            .Select(served => $"{served.Operation.Method} {served.Operation.Path}")
            .Order(StringComparer.Ordinal)
            .ToList();

        var marked = RouteTable().Where(row => row.RecordsActivity).Select(row => row.Route).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(recording);
        Assert.Equal(recording, marked);
    }

    /// <summary>The rows of the README's route table: the route as "METHOD /path", and whether it is marked ✎.</summary>
    private static List<(string Route, bool RecordsActivity)> RouteTable()
    {
        var lines = File.ReadAllLines(ReadmePath);
        var header = Array.FindIndex(lines, line => line.StartsWith("| route | qui peut l'appeler | base(s) |", StringComparison.Ordinal));
        Assert.True(header >= 0, "README.md has no route table (| route | qui peut l'appeler | base(s) |).");
        return lines.Skip(header + 2)
            .TakeWhile(line => line.StartsWith('|'))
            .Select(line => RouteCell().Match(line))
            .Select(match =>
            {
                Assert.True(match.Success, "A row of the route table does not start with a `METHOD /api/...` cell.");
                return ($"{match.Groups["method"].Value} {match.Groups["path"].Value}", match.Groups["mark"].Success);
            })
            .ToList();
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex LinkTarget();

    [GeneratedRegex(@"^\| \**`(?<method>GET|POST|PUT|PATCH|DELETE) (?<path>/api/[^`]*)`\**(?<mark> ✎)? \|")]
    private static partial Regex RouteCell();
}
