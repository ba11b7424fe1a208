using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.IdentityModel.Tokens;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Infrastructure.Security;

namespace SkillHub.Functions.Tests.Infrastructure.Http;

/// <summary>The filters as the Functions host runs them: a refused request must never reach the function (worker issue #2325).</summary>
public sealed class HttpGateMiddlewareTests
{
    private readonly AccessTokens _tokens = new(new JwtOptions(), new SymmetricSecurityKey(JwtForge.AppKey), TimeProvider.System);
    private readonly HttpGateMiddleware _middleware;
    private IResult? _result;

    public HttpGateMiddlewareTests()
    {
        _middleware = new HttpGateMiddleware(TestPipeline.Create(_tokens), _ => null, (_, result) => _result = result);
    }

    [Fact]
    public async Task Invoke_ARefusedRequest_NeverReachesTheFunction_AndSetsA401Result()
    {
        var context = new TestFunctionContext(GateTargets.AnyCaller, new DefaultHttpContext());
        var functionRan = false;

        await _middleware.Invoke(context, _ => { functionRan = true; return Task.CompletedTask; });

        Assert.False(functionRan);
        (await ExecutedResult.ExecuteAsync(_result)).AssertProblem(401);
    }

    [Fact]
    public async Task Invoke_AForgedToken_NeverReachesTheFunction_AndSetsA401Result()
    {
        var http = new DefaultHttpContext();
        http.Request.Headers.Authorization = $"Bearer {JwtForge.Unsigned(JwtForge.Claims(Guid.NewGuid(), Roles.Admin, DateTimeOffset.UtcNow))}";
        var context = new TestFunctionContext(GateTargets.AdminOnly, http);
        var functionRan = false;

        await _middleware.Invoke(context, _ => { functionRan = true; return Task.CompletedTask; });

        Assert.False(functionRan);
        (await ExecutedResult.ExecuteAsync(_result)).AssertProblem(401);
    }

    [Fact]
    public async Task Invoke_AnAllowedRequest_RunsTheFunction_AndLeavesItsResultAlone()
    {
        var userId = Guid.NewGuid();
        var http = new DefaultHttpContext();
        http.Request.Headers.Authorization = $"Bearer {_tokens.Issue(userId, Roles.Participant, Guid.NewGuid()).Token}";
        var context = new TestFunctionContext(GateTargets.AnyCaller, http);
        Caller? seen = null;

        await _middleware.Invoke(context, ctx => { seen = ctx.GetHttpContext()!.Request.Caller(); return Task.CompletedTask; });

        Assert.Equal(userId, seen?.Id);
        Assert.Null(_result);
    }

    [Fact]
    public async Task Invoke_WhenTheFunctionThrows_SetsA500Result()
    {
        var context = new TestFunctionContext(GateTargets.AnonymousCaller, new DefaultHttpContext());

        await _middleware.Invoke(context, _ => throw new InvalidOperationException("boom"));

        (await ExecutedResult.ExecuteAsync(_result)).AssertProblem(500);
    }

    [Fact]
    public async Task Invoke_WithoutAnHttpContext_Throws()
    {
        var context = new TestFunctionContext(GateTargets.AnonymousCaller, http: null);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _middleware.Invoke(context, _ => Task.CompletedTask));
    }

    [Fact]
    public void AppliesTo_AnHttpTriggeredFunction_IsTrue()
    {
        Assert.True(HttpGateMiddleware.AppliesTo(new TestFunctionContext(GateTargets.AnyCaller, null, "httpTrigger")));
    }

    [Fact]
    public void AppliesTo_ATimerTriggeredFunction_IsFalse()
    {
        Assert.False(HttpGateMiddleware.AppliesTo(new TestFunctionContext(GateTargets.AnyCaller, null, "timerTrigger")));
    }
}
