using System.Net;
using System.Text;
using SkillHub.Functions.Infrastructure.Json;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Infrastructure.Json;

/// <summary>The strict body rules as a client meets them through Kestrel and the gate.</summary>
public sealed class RequestBodyHttpTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Login_WithABodyOverOneMebibyte_Answers413Problem()
    {
        var json = $$"""{"email":"ann@example.test","password":"{{new string('x', JsonBody.MaxBytes)}}"}""";
        // As curl does for a large body: the client waits for 100 Continue, which the app never asks for,
        // so the 413 arrives before the body is sent. Without it, the server closing the connection while
        // the client still writes the mebibyte can reach the client as a broken pipe instead of the answer.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;

        var response = await app.Client.SendAsync(request);

        await HttpProblem.AssertAsync(response, 413);
    }

    [Fact]
    public async Task Login_WithAChunkedBodyOverOneMebibyte_Answers413Problem()
    {
        var json = Encoding.UTF8.GetBytes($$"""{"email":"ann@example.test","password":"{{new string('x', JsonBody.MaxBytes)}}"}""");
        using var content = new StreamContent(new MemoryStream(json));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await app.Client.SendAsync(request);

        await HttpProblem.AssertAsync(response, 413);
    }

    [Fact]
    public async Task Login_WithATextPlainBody_Answers415Problem()
    {
        var response = await app.Client.PostAsync("/api/auth/login",
            new StringContent("""{"email":"ann@example.test","password":"x"}""", Encoding.UTF8, "text/plain"));

        await HttpProblem.AssertAsync(response, 415);
    }

    [Fact]
    public async Task Login_WithMalformedJson_Answers400Problem()
    {
        var response = await app.Client.PostAsync("/api/auth/login", AppFixture.RawJson("""{"email":"ann@example.test","""));

        await HttpProblem.AssertAsync(response, 400);
    }

    [Fact]
    public async Task Register_WithAJsonArray_Answers400Problem()
    {
        var response = await app.Client.PostAsync("/api/auth/register", AppFixture.RawJson("""[{"email":"ann@example.test"}]"""));

        await HttpProblem.AssertAsync(response, 400);
    }

    [Fact]
    public async Task UnknownRoute_Answers404Problem()
    {
        var response = await app.Client.GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await HttpProblem.AssertAsync(response, 404);
    }
}
