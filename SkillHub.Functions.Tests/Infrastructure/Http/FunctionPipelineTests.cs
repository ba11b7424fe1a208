using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;
using Moq;
using Npgsql;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Infrastructure.Security;

namespace SkillHub.Functions.Tests.Infrastructure.Http;

public sealed class FunctionPipelineTests
{
    private readonly AccessTokens _tokens = new(new JwtOptions(), new SymmetricSecurityKey(JwtForge.AppKey), TimeProvider.System);
    private readonly List<string> _trace = [];

    [Fact]
    public async Task Invoke_RunsEachFilterAroundTheNext_TheFirstOutermost_ThenTheFunction()
    {
        var pipeline = new FunctionPipeline([new Tracing("a", _trace), new Tracing("b", _trace)]);

        await pipeline.InvokeAsync(new DefaultHttpContext(), GateTargets.AnonymousCaller, () =>
        {
            _trace.Add("function");
            return Task.FromResult<IResult?>(TypedResults.Ok());
        });

        Assert.Equal(["a in", "b in", "function", "b out", "a out"], _trace);
    }

    [Fact]
    public async Task Invoke_AFilterThatAnswers_StopsTheFiltersAfterItAndTheFunction()
    {
        var refusal = Problems.Forbidden();
        var pipeline = new FunctionPipeline([new Tracing("a", _trace), new Answering(refusal), new Tracing("b", _trace)]);

        var result = await pipeline.InvokeAsync(new DefaultHttpContext(), GateTargets.AnonymousCaller, () => throw new InvalidOperationException("must not run"));

        Assert.Same(refusal, result);
        Assert.Equal(["a in", "a out"], _trace);
    }

    [Fact]
    public void Check_ThrowsForAFunctionOneOfTheDeclaredFiltersCannotServe()
    {
        var pipeline = TestPipeline.Create(_tokens);

        Assert.Throws<InvalidOperationException>(() => pipeline.Check(GateTargets.NoAttribute));
        pipeline.Check(GateTargets.AnyCaller);
    }

    [Fact]
    public async Task TheDeclaredFilters_WhenTheSessionCannotBeRead_Answer503WithTheSecurityHeaders()
    {
        var sessions = new Mock<ISessionCheck>();
        sessions.Setup(s => s.AdmitsAsync(It.IsAny<Caller>(), It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new NpgsqlException("Exception while connecting", new SocketException((int)SocketError.ConnectionRefused)));
        var http = new DefaultHttpContext();
        http.Request.Headers.Authorization = $"Bearer {_tokens.Issue(Guid.NewGuid(), Roles.Participant, Guid.NewGuid()).Token}";

        var result = await TestPipeline.Create(_tokens, sessions.Object).InvokeAsync(http, GateTargets.AnyCaller, FunctionThatMustNotRun);

        await AssertProblemWithSecurityHeadersAsync(result, http, 503);
    }

    [Fact]
    public async Task TheDeclaredFilters_ARefusedCaller_Gets401WithTheSecurityHeaders()
    {
        var http = new DefaultHttpContext();

        var result = await TestPipeline.Create(_tokens).InvokeAsync(http, GateTargets.AnyCaller, FunctionThatMustNotRun);

        await AssertProblemWithSecurityHeadersAsync(result, http, 401);
    }

    [Fact]
    public async Task TheDeclaredFilters_WhileStarting_Answer503WithTheSecurityHeaders()
    {
        var http = new DefaultHttpContext();

        var result = await TestPipeline.Create(_tokens, readiness: TestReadiness.Waiting("starting"))
            .InvokeAsync(http, GateTargets.AnonymousCaller, FunctionThatMustNotRun);

        await AssertProblemWithSecurityHeadersAsync(result, http, 503);
    }

    [Fact]
    public async Task TheDeclaredFilters_OnAFunctionWithoutAccessAttribute_Answer500InsteadOfRunningIt()
    {
        var result = await TestPipeline.Create(_tokens).InvokeAsync(new DefaultHttpContext(), GateTargets.NoAttribute, FunctionThatMustNotRun);

        (await ExecutedResult.ExecuteAsync(result)).AssertProblem(500);
    }

    private static Task<IResult?> FunctionThatMustNotRun() => throw new InvalidOperationException("The function ran.");

    private static async Task AssertProblemWithSecurityHeadersAsync(IResult? result, HttpContext http, int status)
    {
        var executed = await ExecutedResult.ExecuteAsync(result, http);
        executed.AssertProblem(status);
        var headers = executed.Headers;
        Assert.Equal("nosniff", headers.XContentTypeOptions.ToString());
        Assert.Equal("no-store", headers.CacheControl.ToString());
        Assert.Equal("no-referrer", headers["Referrer-Policy"].ToString());
    }

    private sealed class Tracing(string name, List<string> trace) : IFunctionFilter
    {
        public async Task<IResult?> InvokeAsync(FunctionCall invocation, Func<Task<IResult?>> proceed)
        {
            trace.Add($"{name} in");
            var result = await proceed();
            trace.Add($"{name} out");
            return result;
        }
    }

    private sealed class Answering(IResult answer) : IFunctionFilter
    {
        public Task<IResult?> InvokeAsync(FunctionCall invocation, Func<Task<IResult?>> proceed) => Task.FromResult<IResult?>(answer);
    }
}
