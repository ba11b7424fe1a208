using System.Net;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Artefacts.OpenApi;

namespace SkillHub.Functions.Tests.OpenApi;

public sealed class OpenApiEndpointTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task GetOpenApiYaml_AnswersTheEmbeddedDocument_AsYaml_ToAnAnonymousCaller()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/openapi.yaml", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/yaml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(OpenApiSpec.EmbeddedDocument(), await response.Content.ReadAsByteArrayAsync());
    }
}
