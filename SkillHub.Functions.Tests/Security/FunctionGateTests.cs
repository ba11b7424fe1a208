using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.Tokens;
using Moq;
using Npgsql;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Infrastructure.Security;

namespace SkillHub.Functions.Tests.Security;

public sealed class FunctionGateTests
{
    private readonly AccessTokens _tokens = new(new JwtOptions(), new SymmetricSecurityKey(JwtForge.AppKey), TimeProvider.System);
    // Admits only the sessions a test opened with Token(); any other session is refused.
    private readonly Mock<ISessionCheck> _sessions = new();
    private readonly FunctionGate _gate;

    public FunctionGateTests()
    {
        _gate = new FunctionGate(new AccessPolicyCatalog(typeof(GateTargets).Assembly), _tokens, _sessions.Object, TestActivity.Recorder(), TestReadiness.Ready(), NullLogger<FunctionGate>.Instance);
    }

    [Fact]
    public async Task Invoke_WithoutAuthorizationHeader_OnACallerRequiredFunction_Answers401Problem()
    {
        var http = Request(authorization: null);

        var result = await _gate.InvokeAsync(http, GateTargets.AnyCaller, FunctionAnsweringOk(http));

        (await ExecutedResult.ExecuteAsync(result)).AssertProblem(401);
    }

    [Theory]
    [InlineData("Basic YWRtaW46YWRtaW4=")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Token abc.def.ghi")]
    [InlineData("Bearer not-a-token")]
    public async Task Invoke_WithAMalformedAuthorizationHeader_Answers401Problem(string header)
    {
        var http = Request(header);

        var result = await _gate.InvokeAsync(http, GateTargets.AnyCaller, FunctionAnsweringOk(http));

        (await ExecutedResult.ExecuteAsync(result)).AssertProblem(401);
    }

    [Fact]
    public async Task Invoke_WithTwoAuthorizationHeaders_Answers401Problem()
    {
        var token = Token(Guid.NewGuid(), Roles.Admin);
        var http = Request(authorization: null);
        http.Request.Headers.Authorization = new Microsoft.Extensions.Primitives.StringValues([$"Bearer {token}", $"Bearer {token}"]);

        var result = await _gate.InvokeAsync(http, GateTargets.AnyCaller, FunctionAnsweringOk(http));

        (await ExecutedResult.ExecuteAsync(result)).AssertProblem(401);
    }

    [Fact]
    public async Task Invoke_WithAValidTokenOfTheWrongRole_Answers403Problem()
    {
        var http = Request($"Bearer {Token(Guid.NewGuid(), Roles.Trainer)}");

        var result = await _gate.InvokeAsync(http, GateTargets.AdminOnly, FunctionAnsweringOk(http));

        (await ExecutedResult.ExecuteAsync(result)).AssertProblem(403);
    }

    [Fact]
    public async Task Invoke_WithAValidToken_RunsTheFunctionWithTheCallerAvailable()
    {
        var userId = Guid.NewGuid();
        var http = Request($"Bearer {Token(userId, Roles.Admin)}");

        var result = await _gate.InvokeAsync(http, GateTargets.AdminOnly, FunctionAnsweringOk(http));

        var ok = Assert.IsType<Ok<Caller?>>(result);
        Assert.Equal(new Caller(userId, Roles.Admin), ok.Value);
    }

    [Theory]
    [InlineData(GateTargets.AnyCaller)]
    [InlineData(GateTargets.AdminOnly)]
    [InlineData(GateTargets.OptionalCaller)]
    public async Task Invoke_WithAValidTokenWhoseSessionNoLongerAdmitsIt_Answers401_WithoutRunningTheFunction(string entryPoint)
    {
        var http = Request($"Bearer {_tokens.Issue(Guid.NewGuid(), Roles.Admin, Guid.NewGuid()).Token}");
        var ran = false;

        var result = await _gate.InvokeAsync(http, entryPoint, () => { ran = true; return Task.FromResult<IResult?>(TypedResults.Ok()); });

        (await ExecutedResult.ExecuteAsync(result)).AssertProblem(401);
        Assert.False(ran);
        Assert.Null(http.Request.Caller());
    }

    [Fact]
    public async Task Invoke_WhenTheSessionCannotBeRead_Answers503Problem()
    {
        _sessions.Setup(s => s.AdmitsAsync(It.IsAny<Caller>(), It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new NpgsqlException("Exception while connecting", new SocketException((int)SocketError.ConnectionRefused)));
        var http = Request($"Bearer {_tokens.Issue(Guid.NewGuid(), Roles.Participant, Guid.NewGuid()).Token}");

        var result = await _gate.InvokeAsync(http, GateTargets.AnyCaller, FunctionAnsweringOk(http));

        (await ExecutedResult.ExecuteAsync(result)).AssertProblem(503);
    }

    [Fact]
    public async Task Invoke_WithABearerPrefixInAnotherCase_AcceptsTheToken()
    {
        var userId = Guid.NewGuid();
        var http = Request($"bearer {Token(userId, Roles.Participant)}");

        var result = await _gate.InvokeAsync(http, GateTargets.AnyCaller, FunctionAnsweringOk(http));

        Assert.Equal(userId, Assert.IsType<Ok<Caller?>>(result).Value?.Id);
    }

    [Fact]
    public async Task Invoke_OnAnAnonymousFunction_IgnoresAGarbageToken()
    {
        var http = Request("Bearer garbage");

        var result = await _gate.InvokeAsync(http, GateTargets.AnonymousCaller, FunctionAnsweringOk(http));

        Assert.Null(Assert.IsType<Ok<Caller?>>(result).Value);
    }

    [Fact]
    public async Task Invoke_OnACallerOptionalFunction_WithABadToken_Answers401Problem()
    {
        var http = Request("Bearer garbage");

        var result = await _gate.InvokeAsync(http, GateTargets.OptionalCaller, FunctionAnsweringOk(http));

        (await ExecutedResult.ExecuteAsync(result)).AssertProblem(401);
    }

    [Fact]
    public async Task Invoke_OnACallerOptionalFunction_WithoutAToken_RunsAnonymously()
    {
        var http = Request(authorization: null);

        var result = await _gate.InvokeAsync(http, GateTargets.OptionalCaller, FunctionAnsweringOk(http));

        Assert.Null(Assert.IsType<Ok<Caller?>>(result).Value);
    }

    [Fact]
    public async Task Invoke_WhenTheFunctionThrows_Answers500ProblemWithoutTheExceptionsText()
    {
        var http = Request(authorization: null);

        var result = await _gate.InvokeAsync(http, GateTargets.AnonymousCaller,
            () => throw new InvalidOperationException("SELECT password_hash FROM users -- secret detail"));

        var executed = await ExecutedResult.ExecuteAsync(result);
        executed.AssertProblem(500);
        Assert.DoesNotContain("password_hash", executed.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), executed.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", executed.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(FunctionGateTests), executed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_WhenTheDatabaseTimesOut_Answers503Problem()
    {
        var http = Request(authorization: null);
        var transient = new NpgsqlException("Exception while reading from stream", new TimeoutException("Timeout during reading attempt"));
        Assert.True(transient.IsTransient);

        var result = await _gate.InvokeAsync(http, GateTargets.AnonymousCaller, () => throw transient);

        var executed = await ExecutedResult.ExecuteAsync(result);
        executed.AssertProblem(503);
        Assert.DoesNotContain("stream", executed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_WhenTheDatabaseRefusesTheConnection_Answers503Problem()
    {
        var http = Request(authorization: null);

        var result = await _gate.InvokeAsync(http, GateTargets.AnonymousCaller,
            () => throw new SocketException((int)SocketError.ConnectionRefused));

        (await ExecutedResult.ExecuteAsync(result)).AssertProblem(503);
    }

    [Theory]
    [InlineData("a paused connection pool")]
    [InlineData("an operation timeout")]
    public async Task Invoke_WhenTheDocumentStoreCannotServeInTime_Answers503ProblemWithRetryAfter(string failure)
    {
        var http = Request(authorization: null);
        Exception exception = failure == "an operation timeout"
            ? new TimeoutException("The operation timed out.")
            : new MongoDB.Driver.MongoConnectionPoolPausedException("The connection pool is in paused state for server 127.0.0.1:27017.");

        var result = await _gate.InvokeAsync(http, GateTargets.AnonymousCaller, () => throw exception);

        var executed = await ExecutedResult.ExecuteAsync(result);
        executed.AssertProblem(503);
        Assert.True(int.Parse(executed.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.DoesNotContain("27017", executed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_WhenTheDatabaseRefusesAStatement_Answers500Not503()
    {
        var http = Request(authorization: null);

        var result = await _gate.InvokeAsync(http, GateTargets.AnonymousCaller,
            () => throw new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", "23505"));

        var executed = await ExecutedResult.ExecuteAsync(result);
        executed.AssertProblem(500);
        Assert.DoesNotContain("duplicate key", executed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_OnAFunctionWithoutAccessAttribute_Answers500ProblemInsteadOfRunningIt()
    {
        var http = Request(authorization: null);

        var result = await _gate.InvokeAsync(http, GateTargets.NoAttribute, FunctionAnsweringOk(http));

        (await ExecutedResult.ExecuteAsync(result)).AssertProblem(500);
    }

    /// <summary>A token of a new session that the session check admits for this user and role.</summary>
    private string Token(Guid userId, string role)
    {
        var session = Guid.NewGuid();
        _sessions.Setup(s => s.AdmitsAsync(new Caller(userId, role), session, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        return _tokens.Issue(userId, role, session).Token;
    }

    private static DefaultHttpContext Request(string? authorization)
    {
        var http = new DefaultHttpContext();
        if (authorization is not null)
        {
            http.Request.Headers.Authorization = authorization;
        }

        return http;
    }

    private static Func<Task<IResult?>> FunctionAnsweringOk(HttpContext http) =>
        () => Task.FromResult<IResult?>(TypedResults.Ok(http.Request.Caller()));
}
