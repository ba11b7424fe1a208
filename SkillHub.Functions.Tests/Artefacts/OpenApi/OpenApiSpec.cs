using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using SkillHub.Standalone.Hosting;

namespace SkillHub.Functions.Tests.Artefacts.OpenApi;

/// <summary>One operation of the document: its path template, upper-case method and node.</summary>
internal sealed record ApiOperation(string Path, string Method, YamlMappingNode Node)
{
    public string Key => OpenApiSpec.Key(Path, Method);

    public string? OperationId => OpenApiSpec.ScalarOrNull(Node, "operationId");

    /// <summary>Each documented status with its response (references followed).</summary>
    public Dictionary<string, YamlMappingNode> Responses =>
        OpenApiSpec.Mapping(Node, "responses").Children.ToDictionary(
            r => ((YamlScalarNode)r.Key).Value!,
            r => OpenApiSpec.Follow(r.Value),
            StringComparer.Ordinal);

    /// <summary>The operation's parameters (references followed).</summary>
    public IReadOnlyList<YamlMappingNode> Parameters =>
        Node.Children.TryGetValue(new YamlScalarNode("parameters"), out var parameters)
            ? ((YamlSequenceNode)parameters).Children.Select(OpenApiSpec.Follow).ToList()
            : [];

    public IReadOnlyList<YamlMappingNode> ParametersIn(string location) =>
        Parameters.Where(p => OpenApiSpec.ScalarOrNull(p, "in") == location).ToList();

    public YamlMappingNode? RequestBody =>
        Node.Children.TryGetValue(new YamlScalarNode("requestBody"), out var body) ? OpenApiSpec.Follow(body) : null;

    /// <summary>The name of the components schema the JSON request body refers to, if it refers to one.</summary>
    public string? RequestSchemaName =>
        RequestBody is { } body
        && OpenApiSpec.Child(body, "content") is YamlMappingNode content
        && OpenApiSpec.Child(content, "application/json") is YamlMappingNode json
        && OpenApiSpec.Child(json, "schema") is YamlMappingNode schema
            ? OpenApiSpec.SchemaName(schema)
            : null;

    public override string ToString() => Key;
}

/// <summary>
/// The embedded openapi.yaml, parsed once, and the build's functions.metadata, with the few ways
/// the tests read them: operations, references, route templates.
/// </summary>
internal static partial class OpenApiSpec
{
    public const string SchemasPrefix = "#/components/schemas/";

    private static readonly string[] OperationKeys = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private static readonly Lazy<YamlMappingNode> Document = new(() =>
    {
        using var reader = new StreamReader(new MemoryStream(EmbeddedDocument()));
        var stream = new YamlStream();
        stream.Load(reader);
        return Assert.IsType<YamlMappingNode>(Assert.Single(stream.Documents).RootNode);
    });

    public static FunctionCatalog Catalog { get; } = FunctionCatalog.Load(AppContext.BaseDirectory, typeof(SkillHubServices).Assembly);

    public static YamlMappingNode Root => Document.Value;

    /// <summary>The bytes of the openapi.yaml resource embedded in the app's assembly.</summary>
    public static byte[] EmbeddedDocument()
    {
        using var resource = typeof(SkillHub.Functions.OpenApi.OpenApiFunction).Assembly.GetManifestResourceStream("openapi.yaml");
        Assert.NotNull(resource);
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        return copy.ToArray();
    }

    public static IEnumerable<ApiOperation> Operations()
    {
        foreach (var (path, item) in Mapping(Root, "paths").Children)
        {
            foreach (var (method, node) in ((YamlMappingNode)item).Children)
            {
                var name = ((YamlScalarNode)method).Value!;
                if (OperationKeys.Contains(name, StringComparer.Ordinal))
                {
                    yield return new ApiOperation(((YamlScalarNode)path).Value!, name.ToUpperInvariant(), (YamlMappingNode)node);
                }
            }
        }
    }

    /// <summary>The HTTP functions of this build, one entry per method, keyed like <see cref="ApiOperation.Key"/>.</summary>
    public static Dictionary<string, FunctionDescriptor> FunctionsByKey() =>
        Catalog.HttpFunctions
            .SelectMany(f => f.Http!.Methods.Select(m => (Key: Key(NormalizeRoute(Catalog.PathOf(f)), m), Function: f)))
            .ToDictionary(x => x.Key, x => x.Function, StringComparer.Ordinal);

    /// <summary>Each documented operation that this build serves, with the function serving it.</summary>
    public static List<(ApiOperation Operation, FunctionDescriptor Function)> ServedOperations()
    {
        var functions = FunctionsByKey();
        var served = Operations().Where(o => functions.ContainsKey(o.Key)).Select(o => (o, functions[o.Key])).ToList();
        Assert.NotEmpty(served);
        return served;
    }

    /// <summary>Fails with every finding, one a line, unless there is none.</summary>
    public static void AssertNone(IReadOnlyCollection<string> findings, string heading)
    {
        ArgumentNullException.ThrowIfNull(findings);
        Assert.True(findings.Count == 0, heading + Environment.NewLine + string.Join(Environment.NewLine, findings));
    }

    /// <summary>
    /// The documented operation a concrete request path falls under: a literal segment beats a
    /// template variable (<c>/registrations/me</c> before <c>/registrations/{registrationId}</c>).
    /// </summary>
    public static ApiOperation? Find(string method, string path) =>
        Operations()
            .Where(o => string.Equals(o.Method, method, StringComparison.OrdinalIgnoreCase) && Matches(o.Path, path))
            .OrderByDescending(o => o.Path.Split('/').Count(segment => !segment.StartsWith('{')))
            .FirstOrDefault();

    /// <summary>Whether <paramref name="path"/> fits <paramref name="template"/>, segment by segment, where any segment in braces fits a template variable.</summary>
    public static bool Matches(string template, string path)
    {
        var expected = template.Trim('/').Split('/');
        var actual = path.Trim('/').Split('/');
        return expected.Length == actual.Length
            && expected.Zip(actual).All(pair => IsVariable(pair.First) || string.Equals(pair.First, pair.Second, StringComparison.Ordinal) || FitsPartly(pair.First, pair.Second));
    }

    /// <summary>A segment that holds a variable next to literal text (<c>{token}.ics</c>) fits what repeats the text around any value.</summary>
    private static bool FitsPartly(string template, string segment) =>
        template.Contains('{', StringComparison.Ordinal)
        && Regex.IsMatch(segment, "^" + string.Join("[^/]+", TemplateVariable().Split(template).Select(Regex.Escape)) + "$");

    public static bool IsVariable(string segment) => segment.StartsWith('{') && segment.EndsWith('}');

    /// <summary>
    /// "{id:guid}" and "{id?}" as an OpenAPI path template names them: "{id}"; a parameter that admits
    /// one literal only ("{area:regex(^admin$)}", see AdminRoute) as that literal.
    /// </summary>
    public static string NormalizeRoute(string path) => RouteVariable().Replace(SingleLiteral().Replace(path, "$1"), "{$1}");

    public static string Key(string path, string method) => $"{method.ToUpperInvariant()} {path}";

    public static string Describe(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }

    /// <summary>The node a local JSON pointer reference names, or null when it names nothing here.</summary>
    public static YamlNode? Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        YamlNode current = Root;
        foreach (var token in reference[2..].Split('/').Select(t => Uri.UnescapeDataString(t).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)))
        {
            if (current is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(token), out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    /// <summary>The mapping itself, or the one its $ref names.</summary>
    public static YamlMappingNode Follow(YamlNode node)
    {
        var mapping = Assert.IsType<YamlMappingNode>(node);
        return mapping.Children.TryGetValue(new YamlScalarNode("$ref"), out var reference)
            ? Follow(Resolve(((YamlScalarNode)reference).Value!) ?? throw new InvalidOperationException($"Unresolved $ref {reference}."))
            : mapping;
    }

    /// <summary>The components schema a schema node refers to by <c>$ref</c>, or null for an inline schema.</summary>
    public static string? SchemaName(YamlMappingNode schema) =>
        ScalarOrNull(schema, "$ref") is { } reference && reference.StartsWith(SchemasPrefix, StringComparison.Ordinal)
            ? reference[SchemasPrefix.Length..]
            : null;

    public static YamlMappingNode Schema(string name) => Mapping(Mapping(Mapping(Root, "components"), "schemas"), name);

    public static YamlNode? Child(YamlMappingNode parent, string key) =>
        parent.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlMappingNode Mapping(YamlMappingNode parent, string key) =>
        Assert.IsType<YamlMappingNode>(parent.Children[new YamlScalarNode(key)]);

    public static string Scalar(YamlMappingNode parent, string key) =>
        ScalarOrNull(parent, key) ?? throw new InvalidOperationException($"'{key}' is missing.");

    public static string? ScalarOrNull(YamlMappingNode parent, string key) =>
        parent.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    public static IReadOnlyList<string> Strings(YamlMappingNode parent, string key) =>
        Child(parent, key) is YamlSequenceNode sequence ? sequence.Children.Select(n => ((YamlScalarNode)n).Value!).ToList() : [];

    [GeneratedRegex(@"\{([^}:?=*]+)[^}]*\}")]
    private static partial Regex RouteVariable();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex TemplateVariable();

    [GeneratedRegex(@"\{[^}:]+:regex\(\^([A-Za-z0-9_-]+)\$\)\}")]
    private static partial Regex SingleLiteral();
}
