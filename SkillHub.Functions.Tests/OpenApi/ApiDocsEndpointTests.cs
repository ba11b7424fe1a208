using System.Net;
using System.Text.RegularExpressions;
using SkillHub.Functions.OpenApi;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.OpenApi;

/// <summary>/api/docs and its files over real HTTP: what is served, with which headers, and what is not.</summary>
public sealed partial class ApiDocsEndpointTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ThePage_IsHtmlToAnAnonymousCaller_UnderTheStrictContentSecurityPolicy()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/docs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(ApiDocsFunction.ContentSecurityPolicy, policy);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task EveryFileThePageNames_IsServedByTheApp_WithItsMediaType_AndNoneFromAnotherOrigin()
    {
        using var client = app.CreateClient();
        var html = await client.GetStringAsync(new Uri("/api/docs", UriKind.Relative));
        var named = Reference().Matches(html).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(["docs/swagger-ui.css", "docs/favicon-32x32.png", "docs/swagger-ui-bundle.js", "docs/skillhub-docs.js"], named);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [".css"] = "text/css",
            [".png"] = "image/png",
            [".js"] = "text/javascript",
        };
        foreach (var file in named)
        {
            using var response = await client.GetAsync(new Uri("/api/" + file, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{file}: {(int)response.StatusCode}");
            Assert.Equal(expected[Path.GetExtension(file)], response.Content.Headers.ContentType?.MediaType);
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task TheStartUpScript_PointsAtTheServedDocument_WithNoValidatorAndNoOtherAddress()
    {
        using var client = app.CreateClient();
        var script = await client.GetStringAsync(new Uri("/api/docs/skillhub-docs.js", UriKind.Relative));

        Assert.Contains("url: 'openapi.yaml'", script, StringComparison.Ordinal);
        Assert.Contains("validatorUrl: null", script, StringComparison.Ordinal);
        Assert.Contains("persistAuthorization: true", script, StringComparison.Ordinal);
        Assert.DoesNotContain("http", script, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AFile_AnswersItsETag_AndNoCache_ThenA304ToTheSameETag()
    {
        using var client = app.CreateClient();
        using var first = await client.GetAsync(new Uri("/api/docs/swagger-ui-bundle.js", UriKind.Relative));
        var etag = first.Headers.ETag;

        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.True(first.Headers.CacheControl?.NoCache, $"Cache-Control: {first.Headers.CacheControl}");
        Assert.False(first.Headers.CacheControl?.NoStore);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/docs/swagger-ui-bundle.js");
        again.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/api/docs/no-such-file.js")]
    [InlineData("/api/docs/index.html")]
    [InlineData("/api/docs/..%2fopenapi.yaml")]
    [InlineData("/api/docs/..%2F..%2FSkillHub.Functions.dll")]
    [InlineData("/api/docs/%2e%2e%2fhost.json")]
    [InlineData("/api/docs/Swashbuckle.AspNetCore.SwaggerUI.node_modules.swagger_ui_dist.swagger-ui.css")]
    public async Task ANameThePackageDoesNotShip_IsA404Problem(string path)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        await HttpProblem.AssertAsync(response, 404);
    }

    [GeneratedRegex("""(?:href|src)="([^"]+)""")]
    private static partial Regex Reference();
}
