using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Tests.Support;
using SkillHub.Standalone.Hosting;

namespace SkillHub.Functions.Tests.Standalone.Hosting;

public sealed class StandaloneHostTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly FunctionCatalog Catalog = FunctionCatalog.Load(AppContext.BaseDirectory, typeof(SkillHubServices).Assembly);

    [Fact]
    public void EveryHttpFunctionOfTheMetadata_IsServedAtItsRouteWithItsMethods_AndNothingElse()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null)
            .ToDictionary(
                e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName,
                e => (Path: "/" + e.RoutePattern.RawText!.TrimStart('/'), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Order().ToList()));

        var expected = Catalog.HttpFunctions.ToDictionary(
            f => f.Name,
            f => (Path: Catalog.PathOf(f), Methods: f.Http!.Methods.Order().ToList()));

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Keys.Order(), endpoints.Keys.Order());
        foreach (var (name, function) in expected)
        {
            Assert.Equal(function.Path, endpoints[name].Path);
            Assert.Equal(function.Methods, endpoints[name].Methods);
        }
    }

    [Fact]
    public void Metadata_UsesTheHostJsonRoutePrefix()
    {
        Assert.Equal("api", Catalog.RoutePrefix);
        Assert.All(Catalog.HttpFunctions, f => Assert.StartsWith("/api/", Catalog.PathOf(f), StringComparison.Ordinal));
    }

    [Fact]
    public void EveryHttpFunction_IsAnonymousToTheHost_BecauseTheJwtIsTheAuthentication()
    {
        Assert.All(Catalog.HttpFunctions, f => Assert.Equal("Anonymous", f.Http!.AuthLevel));
    }

    [Fact]
    public void EveryHttpFunction_DeclaresExactlyOneAccessPolicy()
    {
        var policies = new Functions.Infrastructure.Security.AccessPolicyCatalog();
        Assert.All(Catalog.HttpFunctions, f => Assert.NotNull(policies.For(f.EntryPoint)));
    }

    [Fact]
    public async Task EveryHttpFunction_AnswersOverHttp_WithoutA404FromRouting()
    {
        using var client = app.CreateClient();
        foreach (var function in Catalog.HttpFunctions)
        {
            var path = System.Text.RegularExpressions.Regex.Replace(Catalog.PathOf(function), "{[a-zA-Z]+:guid}", _ => Guid.NewGuid().ToString())
                .Replace(Functions.Infrastructure.Http.AdminRoute.Prefix, "admin", StringComparison.Ordinal);
            foreach (var method in function.Http!.Methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                // A 404 may only come from the function itself (an unknown id), never from routing.
                Assert.False(
                    (int)response.StatusCode == 404 && body.Contains("No resource at this address", StringComparison.Ordinal),
                    $"{method} {path} is not served.");
                Assert.NotEqual(405, (int)response.StatusCode);
            }
        }
    }
}
