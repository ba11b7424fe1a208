using Microsoft.AspNetCore.Http;
using SkillHub.Functions.Infrastructure.Http;

namespace SkillHub.Functions.Tests.Infrastructure.Http;

public sealed class SecurityHeadersTests
{
    [Theory]
    [InlineData(200)]
    [InlineData(401)]
    [InlineData(503)]
    public async Task Invoke_SetsTheHeaders_WhateverTheAnswer(int status)
    {
        var http = new DefaultHttpContext();
        var answer = status == 200 ? (IResult)TypedResults.Ok() : Problems.Create(status, "Refused", "Refused.");

        var result = await new SecurityHeaders().InvokeAsync(new FunctionCall(http, GateTargets.AnonymousCaller), () => Task.FromResult<IResult?>(answer));

        var executed = await ExecutedResult.ExecuteAsync(result, http);
        Assert.Equal(status, executed.Status);
        Assert.Equal("nosniff", executed.Headers.XContentTypeOptions.ToString());
        Assert.Equal("no-store", executed.Headers.CacheControl.ToString());
        Assert.Equal("no-referrer", executed.Headers["Referrer-Policy"].ToString());
    }
}
