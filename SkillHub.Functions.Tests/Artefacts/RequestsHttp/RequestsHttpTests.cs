using System.Text.Json;
using SkillHub.Functions.Tests.Demo;
using SkillHub.Functions.Tests.Artefacts.OpenApi;
using SkillHub.Functions.Tests.Support;
using YamlDotNet.RepresentationModel;
using static SkillHub.Functions.Tests.Artefacts.OpenApi.OpenApiSpec;

namespace SkillHub.Functions.Tests.Artefacts.RequestsHttp;

/// <summary>
/// requests.http, at the root of the repository: one request for every route of functions.metadata
/// and nothing else, with only the public demo credentials; and, sent in order to an app seeded
/// with the same demo accounts, every request gets the status its « # attendu » comment announces,
/// with an answer that fits openapi.yaml.
/// </summary>
[Collection(LiveContract.Name)]
public sealed class RequestsHttpTests(DemoDataTests.DemoApp app) : IClassFixture<DemoDataTests.DemoApp>
{
    private static readonly Lazy<(IReadOnlyDictionary<string, string> Variables, IReadOnlyList<HttpFileRequest> Requests)> File =
        new(() => HttpFile.Parse(System.IO.File.ReadAllText(Path.Combine(Repository.Root, "requests.http"))));

    [Fact]
    public void EveryRouteAndMethod_OfFunctionsMetadata_IsRequested_AndNothingElse()
    {
        var served = FunctionsByKey().Keys.ToHashSet(StringComparer.Ordinal);
        var requested = new HashSet<string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var request in File.Value.Requests)
        {
            var path = RoutePath(request.Url);
            var route = served
                .Select(key => (Key: key, Method: key[..key.IndexOf(' ', StringComparison.Ordinal)], Template: key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..]))
                .Where(r => r.Method == request.Method && Matches(r.Template, path))
                .OrderByDescending(r => r.Template.Split('/').Count(segment => !IsVariable(segment)))
                .Select(r => r.Key)
                .FirstOrDefault();
            if (route is null)
            {
                unknown.Add($"line {request.Line}: {request.Method} {request.Url}");
            }
            else
            {
                requested.Add(route);
            }
        }

        AssertNone([.. served.Except(requested).Order(StringComparer.Ordinal).Select(key => $"not requested: {key}"), .. unknown.Select(u => $"no such route: {u}")],
            "requests.http and functions.metadata disagree:");
    }

    [Fact]
    public void EveryRequest_AnnouncesItsStatus_AndUsesNoSecret()
    {
        var (variables, requests) = File.Value;
        Assert.NotEmpty(requests);
        AssertNone(requests.Where(r => r.ExpectedStatus is null).Select(r => $"line {r.Line}: no « # attendu : NNN » comment").ToList(), "Requests without an expected status:");
        AssertNone(
            requests.SelectMany(r => r.Headers.Where(h => h.Name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && !h.Value.StartsWith("Bearer {{", StringComparison.Ordinal))
                .Select(h => $"line {r.Line}: a literal Authorization header")).ToList(),
            "Tokens must come from the login answers:");
        // The address scripts/start.sh serves, as openapi.yaml names it (its only absolute server), with the route prefix.
        var server = Assert.Single(
            ((YamlSequenceNode)Child(Root, "servers")!).Children.Select(s => Scalar(Assert.IsType<YamlMappingNode>(s), "url")),
            url => url.StartsWith("http", StringComparison.Ordinal));
        Assert.Equal(server + "/api", variables["baseUrl"]);

        // The passwords of the accounts logged into are the public ones of data/demo.json.
        using var demo = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(Repository.Root, "data", "demo.json")));
        var demoAccounts = demo.RootElement.GetProperty("accounts").EnumerateArray()
            .Select(a => (Email: a.GetProperty("email").GetString()!, Password: a.GetProperty("password").GetString()!))
            .ToList();
        foreach (var (name, value) in variables.Where(v => v.Key.EndsWith("Password", StringComparison.Ordinal)))
        {
            Assert.True(demoAccounts.Any(a => a.Password == value), $"@{name} is not a password of data/demo.json.");
        }

        foreach (var (name, value) in variables.Where(v => v.Key.EndsWith("Email", StringComparison.Ordinal)))
        {
            Assert.True(demoAccounts.Any(a => a.Email == value), $"@{name} is not an account of data/demo.json.");
        }
    }

    [Fact]
    public Task TheRequests_SentInOrderToTheDemoApp_GetTheAnnouncedStatuses_AndDocumentedAnswers() =>
        ReplayAsync(app.BaseAddress);

    /// <summary>Sends every request of the file in order to the demo app at <paramref name="baseAddress"/> and checks each status and answer.</summary>
    internal static async Task ReplayAsync(Uri baseAddress)
    {
        var (fileVariables, requests) = File.Value;
        var variables = new Dictionary<string, string>(fileVariables, StringComparer.Ordinal)
        {
            ["baseUrl"] = new Uri(baseAddress, "/api").ToString().TrimEnd('/'),
        };
        var responses = new Dictionary<string, HttpFileResponse>(StringComparer.Ordinal);
        using var checker = new DocumentedResponses();
        using var client = checker.ClientFor(baseAddress);
        var now = DateTimeOffset.UtcNow;
        var wrong = new List<string>();

        foreach (var request in requests)
        {
            string Resolve(string text) => HttpFile.Resolve(text, variables, responses, now);

            using var message = new HttpRequestMessage(new HttpMethod(request.Method), Resolve(request.Url));
            var contentType = "application/json";
            foreach (var (name, value) in request.Headers)
            {
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    contentType = value;
                }
                else
                {
                    Assert.True(message.Headers.TryAddWithoutValidation(name, Resolve(value)), $"line {request.Line}: header {name}");
                }
            }

            if (request.Body is not null)
            {
                message.Content = new StringContent(Resolve(request.Body), System.Text.Encoding.UTF8);
                message.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
            }

            using var response = await client.SendAsync(message);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode != request.ExpectedStatus)
            {
                wrong.Add($"line {request.Line} ({request.Title}): expected {request.ExpectedStatus}, answered {(int)response.StatusCode} {body}");
            }

            if (request.Name is not null)
            {
                var headers = response.Headers.Concat(response.Content.Headers)
                    .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
                responses[request.Name] = new HttpFileResponse(body, headers);
            }
        }

        AssertNone(wrong, "requests.http does not run as it says:");
        checker.AssertDocumented();
        Assert.Equal(requests.Count, checker.Checked.Count);
    }

    /// <summary>The path of a request URL as a route: <c>{{baseUrl}}</c> is <c>/api</c>, the query is dropped, other variables stand for template variables.</summary>
    private static string RoutePath(string url)
    {
        Assert.StartsWith("{{baseUrl}}/", url, StringComparison.Ordinal);
        var path = "/api" + url["{{baseUrl}}".Length..];
        var query = path.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? path : path[..query];
    }
}
