using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SkillHub.Functions.Tests.Infrastructure.Http;

/// <summary>An <see cref="IResult"/> written to an in-memory response: what a client would receive.</summary>
internal sealed record ExecutedResult(int Status, string? ContentType, IHeaderDictionary Headers, string Body)
{
    public static async Task<ExecutedResult> ExecuteAsync(IResult? result, HttpContext? http = null)
    {
        Assert.NotNull(result);
        http ??= new DefaultHttpContext();
        http.RequestServices ??= new ServiceCollection().AddLogging().BuildServiceProvider();
        using var body = new MemoryStream();
        http.Response.Body = body;
        await result.ExecuteAsync(http);
        return new ExecutedResult(http.Response.StatusCode, http.Response.ContentType, http.Response.Headers, System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }

    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    /// <summary>Asserts an RFC 9457 problem with the given status, and returns its body.</summary>
    public JsonElement AssertProblem(int status)
    {
        Assert.Equal(status, Status);
        Assert.StartsWith("application/problem+json", ContentType, StringComparison.Ordinal);
        var json = Json;
        Assert.Equal(status, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("traceId").GetString()));
        return json;
    }
}
