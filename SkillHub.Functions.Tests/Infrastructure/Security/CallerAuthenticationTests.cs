using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.IdentityModel.Tokens;
using Moq;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Infrastructure.Http;

namespace SkillHub.Functions.Tests.Infrastructure.Security;

public sealed class CallerAuthenticationTests
{
    private readonly AccessTokens _tokens = new(new JwtOptions(), new SymmetricSecurityKey(JwtForge.AppKey), TimeProvider.System);
    // Admits only the sessions a test opened with Token(); any other session is refused.
    private readonly Mock<ISessionCheck> _sessions = new();
    private readonly CallerAuthentication _authentication;

    public CallerAuthenticationTests()
    {
        _authentication = new CallerAuthentication(new AccessPolicyCatalog(typeof(GateTargets).Assembly), _tokens, _sessions.Object);
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

        var result = await _authentication.InvokeAsync(new FunctionCall(http, GateTargets.AnyCaller), FunctionAnsweringOk(http));

        (await ExecutedResult.ExecuteAsync(result)).AssertProblem(401);
    }

    [Fact]
    public async Task Invoke_WithTwoAuthorizationHeaders_Answers401Problem()
    {
        var token = Token(Guid.NewGuid(), Roles.Admin);
        var http = Request(authorization: null);
        http.Request.Headers.Authorization = new Microsoft.Extensions.Primitives.StringValues([$"Bearer {token}", $"Bearer {token}"]);

        var result = await _authentication.InvokeAsync(new FunctionCall(http, GateTargets.AnyCaller), FunctionAnsweringOk(http));

        (await ExecutedResult.ExecuteAsync(result)).AssertProblem(401);
    }

    [Fact]
    public async Task Invoke_WithAValidToken_RunsTheFunctionWithTheCallerAvailable()
    {
        var userId = Guid.NewGuid();
        var http = Request($"Bearer {Token(userId, Roles.Admin)}");

        var result = await _authentication.InvokeAsync(new FunctionCall(http, GateTargets.AdminOnly), FunctionAnsweringOk(http));

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

        var result = await _authentication.InvokeAsync(new FunctionCall(http, entryPoint), () => { ran = true; return Task.FromResult<IResult?>(TypedResults.Ok()); });

        (await ExecutedResult.ExecuteAsync(result)).AssertProblem(401);
        Assert.False(ran);
        Assert.Null(http.Request.Caller());
    }

    [Fact]
    public async Task Invoke_WithABearerPrefixInAnotherCase_AcceptsTheToken()
    {
        var userId = Guid.NewGuid();
        var http = Request($"bearer {Token(userId, Roles.Participant)}");

        var result = await _authentication.InvokeAsync(new FunctionCall(http, GateTargets.AnyCaller), FunctionAnsweringOk(http));

        Assert.Equal(userId, Assert.IsType<Ok<Caller?>>(result).Value?.Id);
    }

    [Fact]
    public void Check_OfAFunctionWithoutAccessAttribute_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => _authentication.Check(GateTargets.NoAttribute));
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
