using System.Text.Json;
using SkillHub.Functions.Tests.Support;
using static SkillHub.Functions.Tests.OpenApi.OpenApiSpec;

namespace SkillHub.Functions.Tests.Requests;

/// <summary>
/// requests.http, at the root of the repository: one request for every route of functions.metadata
/// and nothing else, with only the public demo credentials.
/// </summary>
public sealed class RequestsHttpTests
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
        Assert.Equal("http://127.0.0.1:7071/api", variables["baseUrl"]);

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

    /// <summary>The path of a request URL as a route: <c>{{baseUrl}}</c> is <c>/api</c>, the query is dropped, other variables stand for template variables.</summary>
    private static string RoutePath(string url)
    {
        Assert.StartsWith("{{baseUrl}}/", url, StringComparison.Ordinal);
        var path = "/api" + url["{{baseUrl}}".Length..];
        var query = path.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? path : path[..query];
    }
}
