using System.Reflection;
using System.Text.RegularExpressions;
using SkillHub.Functions.Infrastructure.Security;
using static SkillHub.Functions.Tests.Artefacts.OpenApi.OpenApiSpec;
using YamlDotNet.RepresentationModel;
using SkillHub.Standalone.Hosting;

namespace SkillHub.Functions.Tests.Artefacts.OpenApi;

/// <summary>
/// The embedded openapi.yaml against the build's functions.metadata and the functions' own access
/// attributes: the document describes exactly the routes served, by the names they are served under.
/// </summary>
public sealed partial class OpenApiDocumentTests
{
    [Fact]
    public void TheDocument_IsOpenApi303_WithTheApiTitleAndABearerJwtScheme()
    {
        Assert.Equal("3.0.3", Scalar(Root, "openapi"));
        var info = Mapping(Root, "info");
        Assert.Equal("SkillHub workshops API", Scalar(info, "title"));
        Assert.Equal("1.0.0", Scalar(info, "version"));
        Assert.False(string.IsNullOrWhiteSpace(Scalar(info, "description")));

        var bearer = Mapping(Mapping(Mapping(Root, "components"), "securitySchemes"), "bearerAuth");
        Assert.Equal("http", Scalar(bearer, "type"));
        Assert.Equal("bearer", Scalar(bearer, "scheme"));
        Assert.Equal("JWT", Scalar(bearer, "bearerFormat"));
    }

    [Fact]
    public void TheDocumentedOperations_AreExactlyTheHttpFunctionsOfThisBuild()
    {
        var served = FunctionsByKey().Keys.ToHashSet(StringComparer.Ordinal);
        var documented = Operations().Select(o => Key(o.Path, o.Method)).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(served);
        var undocumented = served.Except(documented, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var notServed = documented.Except(served, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.True(
            undocumented.Count == 0 && notServed.Count == 0,
            "openapi.yaml and functions.metadata disagree." + Environment.NewLine
            + $"Served but not documented: {Describe(undocumented)}" + Environment.NewLine
            + $"Documented but not served: {Describe(notServed)}");
    }

    [Fact]
    public void EveryOperationId_IsTheNameOfTheFunctionServingThatRoute()
    {
        var functionNames = FunctionsByKey().ToDictionary(f => f.Key, f => f.Value.Name, StringComparer.Ordinal);
        var mismatches = Operations()
            .Where(o => functionNames.ContainsKey(Key(o.Path, o.Method)))
            .Select(o => (Operation: o, Expected: functionNames[Key(o.Path, o.Method)], Actual: ScalarOrNull(o.Node, "operationId")))
            .Where(x => x.Actual != x.Expected)
            .Select(x => $"{Key(x.Operation.Path, x.Operation.Method)}: operationId '{x.Actual}', function '{x.Expected}'")
            .ToList();

        Assert.True(mismatches.Count == 0, "operationId must be the [Function] name:" + Environment.NewLine + string.Join(Environment.NewLine, mismatches));
        var ids = Operations().Select(o => ScalarOrNull(o.Node, "operationId")).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void EveryReference_ResolvesInsideTheDocument()
    {
        var references = References(Root).ToList();
        Assert.NotEmpty(references);
        var broken = references.Where(reference => Resolve(reference) is null).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(broken.Count == 0, "Unresolved $ref: " + string.Join(", ", broken));
    }

    [Fact]
    public void EveryOperation_DocumentsASuccessResponse()
    {
        var without = Operations()
            .Where(o => !Responses(o).Keys.Any(code => code.Length == 3 && code[0] == '2'))
            .Select(o => Key(o.Path, o.Method))
            .ToList();
        Assert.True(without.Count == 0, "No 2xx response documented for: " + Describe(without));
    }

    [Fact]
    public void EveryOperationThatReadsABearerToken_Documents401()
    {
        var without = OperationsWithFunctions()
            .Where(x => x.Access is not AnonymousAttribute && !Responses(x.Operation).ContainsKey("401"))
            .Select(x => x.Function.Name)
            .ToList();
        Assert.True(without.Count == 0, "No 401 documented for: " + Describe(without));
    }

    [Fact]
    public void EveryOperationLimitedToSomeRoles_Documents403()
    {
        var without = OperationsWithFunctions()
            .Where(x => x.Access is CallerRequiredAttribute { Roles.Count: > 0 } && !Responses(x.Operation).ContainsKey("403"))
            .Select(x => x.Function.Name)
            .ToList();
        Assert.True(without.Count == 0, "No 403 documented for: " + Describe(without));
    }

    [Fact]
    public void EachOperationsSecurity_MatchesTheAccessAttributeOfItsFunction()
    {
        var wrong = new List<string>();
        foreach (var (operation, function, access) in OperationsWithFunctions())
        {
            var security = Assert.IsType<YamlSequenceNode>(operation.Node.Children[new YamlScalarNode("security")]);
            var requirements = security.Children.Select(DescribeRequirement).Order(StringComparer.Ordinal).ToList();
            string[] expected = access switch
            {
                AnonymousAttribute => [],
                CallerOptionalAttribute => ["{}", "bearerAuth"],
                CallerRequiredAttribute => ["bearerAuth"],
                _ => ["(unknown access attribute)"],
            };
            if (!requirements.SequenceEqual(expected.Order(StringComparer.Ordinal), StringComparer.Ordinal))
            {
                wrong.Add($"{function.Name} ({access?.GetType().Name ?? "no access attribute"}): [{string.Join(", ", requirements)}], expected [{string.Join(", ", expected)}]");
            }
        }

        Assert.True(wrong.Count == 0, "Operation security disagrees with the code:" + Environment.NewLine + string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void EveryErrorResponse_IsAProblemDocument()
    {
        var wrong = Operations()
            .SelectMany(o => Responses(o).Where(r => r.Key[0] is '4' or '5').Select(r => (Operation: o, Code: r.Key, Response: r.Value)))
            .Where(x => !x.Response.Children.TryGetValue(new YamlScalarNode("content"), out var content)
                || content is not YamlMappingNode types
                || types.Children.Keys.Select(k => ((YamlScalarNode)k).Value).SingleOrDefault() != "application/problem+json")
            .Select(x => $"{Key(x.Operation.Path, x.Operation.Method)} {x.Code}")
            .ToList();
        Assert.True(wrong.Count == 0, "Error responses must be application/problem+json only: " + Describe(wrong));
    }

    [Fact]
    public void EveryRequestBody_RefusesUnknownProperties_AsTheMassAssignmentGuardDoes()
    {
        var open = new List<string>();
        foreach (var operation in Operations())
        {
            if (!operation.Node.Children.TryGetValue(new YamlScalarNode("requestBody"), out var body))
            {
                continue;
            }

            var schema = Follow(Mapping(Mapping(Mapping(Follow(body), "content"), "application/json"), "schema"));
            if (ScalarOrNull(schema, "additionalProperties") != "false")
            {
                open.Add(Key(operation.Path, operation.Method));
            }
        }

        Assert.True(open.Count == 0, "Request body schemas without additionalProperties: false: " + Describe(open));
    }

    [Fact]
    public void EveryPathTemplateVariable_IsARequiredPathParameterOfItsOperations()
    {
        var missing = new List<string>();
        foreach (var operation in Operations())
        {
            var declared = operation.Node.Children.TryGetValue(new YamlScalarNode("parameters"), out var parameters)
                ? ((YamlSequenceNode)parameters).Children.Select(Follow)
                    .Where(p => ScalarOrNull(p, "in") == "path" && ScalarOrNull(p, "required") == "true")
                    .Select(p => Scalar(p, "name"))
                    .ToHashSet(StringComparer.Ordinal)
                : [];
            missing.AddRange(TemplateVariable().Matches(operation.Path)
                .Select(m => m.Groups[1].Value)
                .Where(name => !declared.Contains(name))
                .Select(name => $"{Key(operation.Path, operation.Method)} {{{name}}}"));
        }

        Assert.True(missing.Count == 0, "Path variables without a required path parameter: " + Describe(missing));
    }

    /// <summary>Each documented operation with the function that serves it and that function's access attribute.</summary>
    private static List<(ApiOperation Operation, FunctionDescriptor Function, AccessAttribute? Access)> OperationsWithFunctions()
    {
        return ServedOperations()
            .Select(x => (x.Operation, x.Function, x.Function.Method.GetCustomAttribute<AccessAttribute>(inherit: false)))
            .ToList();
    }

    private static Dictionary<string, YamlMappingNode> Responses(ApiOperation operation) => operation.Responses;

    private static string Describe(List<string> items) => OpenApiSpec.Describe(items);

    private static string DescribeRequirement(YamlNode requirement)
    {
        var mapping = (YamlMappingNode)requirement;
        return mapping.Children.Count == 0 ? "{}" : string.Join("+", mapping.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
    }

    private static IEnumerable<string> References(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    if (((YamlScalarNode)key).Value == "$ref")
                    {
                        yield return ((YamlScalarNode)value).Value!;
                    }
                    else
                    {
                        foreach (var reference in References(value))
                        {
                            yield return reference;
                        }
                    }
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var reference in sequence.Children.SelectMany(References))
                {
                    yield return reference;
                }

                break;
        }
    }

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex TemplateVariable();
}
