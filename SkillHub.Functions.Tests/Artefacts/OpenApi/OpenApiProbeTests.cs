using System.Reflection;
using System.Text;
using System.Text.Json;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;
using YamlDotNet.RepresentationModel;
using static SkillHub.Functions.Tests.Artefacts.OpenApi.OpenApiSpec;

namespace SkillHub.Functions.Tests.Artefacts.OpenApi;

/// <summary>
/// Every operation, called the wrong ways a client will call it (no token, a forged one, each role,
/// ids that name nothing, a body that is not JSON, malformed, empty or with an unknown property, a
/// query parameter that cannot be read), answers only statuses its operation documents, each with
/// the documented body; and the refusals that the document promises do happen.
/// </summary>
[Collection(LiveContract.Name)]
public sealed class OpenApiProbeTests(AppFixture app) : IClassFixture<AppFixture>
{
    /// <summary>Least privileged first: a probe acts as the weakest role an operation admits.</summary>
    private static readonly string[] RolesByPrivilege = [Roles.Participant, Roles.Trainer, Roles.Admin];

    [Fact]
    public async Task EveryOperation_AnswersEveryProbe_WithADocumentedStatusAndBody()
    {
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var role in RolesByPrivilege)
        {
            tokens[role] = (await app.CreateUserAsync(role)).AccessToken;
        }

        using var checker = new DocumentedResponses();
        var broken = new List<string>();
        foreach (var (operation, function) in ServedOperations())
        {
            var path = Concrete(operation.Path);
            var access = function.Method.GetCustomAttribute<AccessAttribute>(inherit: false);
            var admitted = access switch
            {
                CallerRequiredAttribute { Roles.Count: > 0 } required => RolesByPrivilege.First(required.Roles.Contains),
                _ => Roles.Participant,
            };

            // Who may call: nobody, a forged token, each role.
            var anonymous = await SendAsync(checker, operation, path, token: null, Body(operation, "{}"));
            if (access is CallerRequiredAttribute)
            {
                Expect(broken, operation, "without a token", anonymous, 401);
            }

            var forged = await SendAsync(checker, operation, path, "not-a-token", Body(operation, "{}"));
            if (access is not AnonymousAttribute)
            {
                Expect(broken, operation, "with a forged token", forged, 401);
            }

            foreach (var role in RolesByPrivilege)
            {
                var answer = await SendAsync(checker, operation, path, tokens[role], Body(operation, "{}"));
                if (access is CallerRequiredAttribute { Roles.Count: > 0 } limited && !limited.Roles.Contains(role))
                {
                    Expect(broken, operation, $"as {role}", answer, 403);
                }
                else
                {
                    broken.AddRange(FieldsNotDocumented(operation, answer));
                }
            }

            if (operation.RequestBody is not null)
            {
                Expect(broken, operation, "with a text/plain body", await SendAsync(checker, operation, path, tokens[admitted], new StringContent("x", Encoding.UTF8, "text/plain")), 415);
                Expect(broken, operation, "with malformed JSON", await SendAsync(checker, operation, path, tokens[admitted], AppFixture.RawJson("{")), 400);
                var unknown = await SendAsync(checker, operation, path, tokens[admitted], AppFixture.RawJson("""{"unexpectedProperty": 1}"""));
                Expect(broken, operation, "with an unknown property", unknown, 422);
            }

            if (operation.ParametersIn("query").Count > 0)
            {
                var query = string.Join("&", operation.ParametersIn("query").Select(p => $"{Scalar(p, "name")}=%00x"));
                var answer = await SendAsync(checker, operation, $"{path}?{query}", tokens[admitted], Body(operation, "{}"));
                Expect(broken, operation, "with unreadable query parameters", answer, 400);
                broken.AddRange(FieldsNotDocumented(operation, answer));
            }
        }

        AssertNone([.. checker.Violations, .. broken], "Probes answered otherwise than openapi.yaml says:");
        Assert.True(checker.Checked.Count > 100, $"Only {checker.Checked.Count} answers were checked.");
    }

    private sealed record Answer(int Status, string Body);

    private async Task<Answer> SendAsync(DocumentedResponses checker, ApiOperation operation, string path, string? token, HttpContent? body)
    {
        using var client = checker.ClientFor(app);
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path) { Content = body };
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        if (operation.ParametersIn("header").Any(p => Scalar(p, "name") == "If-Match"))
        {
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        }

        using var response = await client.SendAsync(request);
        return new Answer((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static StringContent? Body(ApiOperation operation, string json) =>
        operation.RequestBody is null ? null : AppFixture.RawJson(json);

    private static void Expect(List<string> broken, ApiOperation operation, string probe, Answer answer, int status)
    {
        if (answer.Status != status)
        {
            broken.Add($"{operation} {probe}: expected {status}, answered {answer.Status} {answer.Body}");
        }
    }

    /// <summary>The fields a 400 or 422 names must be documented: query parameters for a 400, body properties (or the body as a whole) for a 422.</summary>
    private static IEnumerable<string> FieldsNotDocumented(ApiOperation operation, Answer answer)
    {
        if (answer.Status is not (400 or 422) || !answer.Body.StartsWith('{'))
        {
            yield break;
        }

        using var json = JsonDocument.Parse(answer.Body);
        if (!json.RootElement.TryGetProperty("errors", out var errors))
        {
            yield break;
        }

        var known = answer.Status == 400
            ? operation.ParametersIn("query").Select(p => Scalar(p, "name")).ToHashSet(StringComparer.Ordinal)
            : operation.RequestSchemaName is { } name && Child(Schema(name), "properties") is YamlMappingNode properties
                ? properties.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Append("body").ToHashSet(StringComparer.Ordinal)
                : ["body"];
        foreach (var field in errors.EnumerateObject().Select(e => e.Name).Where(name => !known.Contains(name)))
        {
            yield return $"{operation} {answer.Status} names '{field}', which the operation does not document";
        }
    }

    /// <summary>The path with every variable given a well-formed value that names nothing.</summary>
    private static string Concrete(string template) =>
        string.Join('/', template.Split('/').Select(segment => segment switch
        {
            _ when !IsVariable(segment) => segment,
            "{id}" when template.StartsWith("/api/admin/backups", StringComparison.Ordinal) => "20260101T000000Z-0a1b2c3d",
            _ => Guid.NewGuid().ToString(),
        }));
}
