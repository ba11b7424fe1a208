using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;
using Moq;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;
using SkillHub.Standalone.Documents;
using SkillHub.Functions.Tests.Infrastructure.Security;
using SkillHub.Functions.Tests.Infrastructure.Http;

namespace SkillHub.Functions.Tests.Activity;

/// <summary>The recording done after a function declared with RecordsActivity has answered, behind the app's declared filters.</summary>
public sealed class ActivityRecordingTests
{
    private readonly AccessTokens _tokens = new(new JwtOptions(), new SymmetricSecurityKey(JwtForge.AppKey), TimeProvider.System);
    private readonly MemoryActivityLog _log = new();
    private readonly Guid _callerId = Guid.NewGuid();

    [Fact]
    public async Task ASuccessfulAnswer_IsRecordedOnce_WithCallerRouteIdClientAddressTraceIdAndStatus()
    {
        var http = Request(Roles.Trainer);
        var thingId = Guid.NewGuid();
        http.Request.RouteValues["id"] = thingId.ToString();

        var answer = TypedResults.Ok(new { Title = "x" });

        var result = await Gate().InvokeAsync(http, RecordingTargets.Change, Answer(answer));

        Assert.Same(answer, result);
        var entry = Assert.Single(await AllAsync());
        Assert.Equal("thing.change", entry.Action);
        Assert.Equal(new ActivityActor(_callerId, Roles.Trainer), entry.Actor);
        Assert.Equal(new ActivityTarget("thing", thingId.ToString()), entry.Target);
        Assert.Equal("203.0.113.7", entry.Ip);
        Assert.Equal("trace-of-this-request", entry.TraceId);
        Assert.Equal(new Dictionary<string, string> { ["status"] = "200" }, entry.Details);
        Assert.Equal(DateTimeKind.Utc, entry.At.Kind);
    }

    [Fact]
    public async Task WithoutARouteId_TheTargetIsTheIdOfTheResourceAnswered()
    {
        var created = new Resource(Guid.NewGuid(), "new");

        await Gate().InvokeAsync(Request(Roles.Admin), RecordingTargets.Change, Answer(TypedResults.Created("/api/things/1", created)));

        var entry = Assert.Single(await AllAsync());
        Assert.Equal(created.Id.ToString(), entry.Target.Id);
        Assert.Equal("201", entry.Details["status"]);
    }

    [Fact]
    public async Task ATargetNotedByTheFunction_WinsOverTheRouteIdAndTheAnswer()
    {
        var http = Request(Roles.Admin);
        http.Request.RouteValues["id"] = Guid.NewGuid().ToString();

        await Gate().InvokeAsync(http, RecordingTargets.Change, () =>
        {
            http.Request.NoteActivityTarget("noted-target");
            http.Request.NoteActivityDetail("role", "trainer");
            http.Request.NoteActivityDetail("disabled", true);
            http.Request.NoteActivityDetail("ignored", (string?)null);
            return Task.FromResult<IResult?>(TypedResults.Ok(new Resource(Guid.NewGuid(), "x")));
        });

        var entry = Assert.Single(await AllAsync());
        Assert.Equal("noted-target", entry.Target.Id);
        Assert.Equal(new Dictionary<string, string> { ["disabled"] = "true", ["role"] = "trainer", ["status"] = "200" }, entry.Details);
    }

    [Fact]
    public async Task AFunctionThatActsOnTheCallersOwnAccount_HasTheCallerAsTarget()
    {
        await Gate().InvokeAsync(Request(Roles.Participant), RecordingTargets.Leave, Answer(TypedResults.NoContent()));

        var entry = Assert.Single(await AllAsync());
        Assert.Equal(new ActivityTarget("user", _callerId.ToString()), entry.Target);
        Assert.Equal("204", entry.Details["status"]);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(429)]
    public async Task ADeclaredFailure_IsRecordedAsTheFailedAction_WithoutActor(int status)
    {
        var http = Request(role: null);

        await Gate().InvokeAsync(http, RecordingTargets.Attempt, () =>
        {
            http.Request.NoteActivityTarget("ada@example.test");
            return Task.FromResult<IResult?>(Problems.Create(status, "Refused", "Refused."));
        });

        var entry = Assert.Single(await AllAsync());
        Assert.Equal("thing.attempt.failed", entry.Action);
        Assert.Null(entry.Actor);
        Assert.Equal("ada@example.test", entry.Target.Id);
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Details["status"]);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(422)]
    public async Task AnUndeclaredFailure_IsNotRecorded(int status)
    {
        await Gate().InvokeAsync(Request(Roles.Admin), RecordingTargets.Change, Answer(Problems.Create(status, "No", "No.")));
        await Gate().InvokeAsync(Request(role: null), RecordingTargets.Attempt, Answer(Problems.Create(status, "No", "No.")));

        Assert.Empty(await AllAsync());
    }

    [Fact]
    public async Task ARequestTheGateRefuses_NeverRunsAndIsNotRecorded()
    {
        var anonymous = await Gate().InvokeAsync(Request(role: null), RecordingTargets.Change, Answer(TypedResults.Ok()));
        var forged = Request(role: null);
        forged.Request.Headers.Authorization = "Bearer not-a-token";
        var invalid = await Gate().InvokeAsync(forged, RecordingTargets.Change, Answer(TypedResults.Ok()));

        Assert.Equal(401, (anonymous as IStatusCodeHttpResult)?.StatusCode);
        Assert.Equal(401, (invalid as IStatusCodeHttpResult)?.StatusCode);
        Assert.Empty(await AllAsync());
    }

    [Fact]
    public async Task AFunctionThatThrows_IsNotRecorded()
    {
        var result = await Gate().InvokeAsync(Request(Roles.Admin), RecordingTargets.Change, () => throw new InvalidOperationException("boom"));

        Assert.Equal(500, (result as IStatusCodeHttpResult)?.StatusCode);
        Assert.Empty(await AllAsync());
    }

    [Fact]
    public async Task AFunctionThatDeclaresNothing_IsNotRecorded()
    {
        await Gate().InvokeAsync(Request(Roles.Admin), RecordingTargets.Read, Answer(TypedResults.Ok(new Resource(Guid.NewGuid(), "x"))));

        Assert.Empty(await AllAsync());
    }

    [Fact]
    public async Task WhenTheLogCannotBeWritten_TheFunctionsAnswerIsReturnedUnchanged()
    {
        var failing = new Mock<IActivityLog>();
        failing.Setup(l => l.AppendAsync(It.IsAny<ActivityEntry>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TimeoutException("A timeout occurred after 5000ms selecting a server"));
        var answer = TypedResults.Created("/api/things/1", new Resource(Guid.NewGuid(), "x"));

        var result = await Gate(failing.Object).InvokeAsync(Request(Roles.Admin), RecordingTargets.Change, Answer(answer));

        Assert.Same(answer, result);
        failing.Verify(l => l.AppendAsync(It.IsAny<ActivityEntry>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task UnderTheFunctionsHost_TheInvocationResultIsRecorded_AndLeftInPlace()
    {
        object? invocationResult = null;
        IResult? replaced = null;
        var middleware = new HttpGateMiddleware(Gate(), _ => invocationResult as IResult, (_, result) => replaced = result);
        var http = Request(Roles.Trainer);
        var thingId = Guid.NewGuid();
        http.Request.RouteValues["id"] = thingId.ToString();
        var context = new TestFunctionContext(RecordingTargets.Change, http);

        await middleware.Invoke(context, _ =>
        {
            invocationResult = TypedResults.Ok(new Resource(thingId, "x"));
            return Task.CompletedTask;
        });

        Assert.Null(replaced);
        var entry = Assert.Single(await AllAsync());
        Assert.Equal(thingId.ToString(), entry.Target.Id);
        Assert.Equal(_callerId, entry.Actor?.Id);
    }

    [Fact]
    public async Task UnderTheFunctionsHost_ADeclaredFailureIsRecorded_AndTheProblemLeftInPlace()
    {
        object? invocationResult = null;
        IResult? replaced = null;
        var middleware = new HttpGateMiddleware(Gate(), _ => invocationResult as IResult, (_, result) => replaced = result);
        var context = new TestFunctionContext(RecordingTargets.Attempt, Request(role: null));

        await middleware.Invoke(context, _ =>
        {
            invocationResult = Problems.Unauthorized();
            return Task.CompletedTask;
        });

        Assert.Null(replaced);
        Assert.Equal("thing.attempt.failed", Assert.Single(await AllAsync()).Action);
    }

    [Fact]
    public void TheCatalog_RefusesAMalformedDeclaration_WhenTheFunctionIsFirstServed()
    {
        var catalog = new RecordedActivityCatalog(typeof(RecordingTargets).Assembly);

        Assert.Throws<ArgumentException>(() => catalog.For(RecordingTargets.Misdeclared));
    }

    [Fact]
    public void ADetailNotedWithAnUnplainKey_IsRefused()
    {
        var note = new ActivityNote();

        Assert.Throws<ArgumentException>(() => note.Add("new role", "x"));
    }

    [Fact]
    public void AnOverlongDetail_IsCutToTheMaximumLength()
    {
        var note = new ActivityNote();

        note.Add("reason", new string('x', 1000));

        Assert.Equal(ActivityEntry.MaxDetailLength, note.Details["reason"].Length);
    }

    public sealed record Resource(Guid Id, string Title);

    /// <summary>The declared filters, the recorder among them: a refusal or an exception must reach it as the app's order has it.</summary>
    private FunctionPipeline Gate(IActivityLog? log = null) => TestPipeline.Create(_tokens, activity: TestActivity.Recorder(log ?? _log));

    private DefaultHttpContext Request(string? role)
    {
        var http = new DefaultHttpContext { TraceIdentifier = "trace-of-this-request" };
        http.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        if (role is not null)
        {
            http.Request.Headers.Authorization = $"Bearer {_tokens.Issue(_callerId, role, Guid.NewGuid()).Token}";
        }

        return http;
    }

    private static Func<Task<IResult?>> Answer(IResult result) => () => Task.FromResult<IResult?>(result);

    private async Task<IReadOnlyList<ActivityEntry>> AllAsync() =>
        (await _log.QueryAsync(new ActivityQuery(), new PageRequest(1, 100), CancellationToken.None)).Items;
}
