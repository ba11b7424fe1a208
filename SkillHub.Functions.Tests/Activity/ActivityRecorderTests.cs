using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Tests.Support;
using SkillHub.Standalone.Documents;

namespace SkillHub.Functions.Tests.Activity;

/// <summary>The recorder as one filter: what it records of the answer the rest of the pipeline gives, typed results included.</summary>
public sealed class ActivityRecorderTests
{
    private readonly MemoryActivityLog _log = new();

    [Fact]
    public async Task ATypedResultsAnswer_IsRecordedWithTheStatusAndIdOfTheOutcomeItHolds()
    {
        var created = new ActivityRecordingTests.Resource(Guid.NewGuid(), "new");
        Results<Created<ActivityRecordingTests.Resource>, ProblemResult> answer = TypedResults.Created("/api/things/1", created);

        var result = await Recorder().InvokeAsync(Call(RecordingTargets.Change), () => Task.FromResult<IResult?>(answer));

        Assert.Same(answer, result);
        var entry = Assert.Single(await AllAsync());
        Assert.Equal(created.Id.ToString(), entry.Target.Id);
        Assert.Equal("201", entry.Details["status"]);
    }

    [Fact]
    public async Task ATypedResultsHoldingADeclaredFailure_IsRecordedAsTheFailedAction()
    {
        Results<NoContent, ProblemResult> answer = Problems.Unauthorized();

        await Recorder().InvokeAsync(Call(RecordingTargets.Attempt), () => Task.FromResult<IResult?>(answer));

        var entry = Assert.Single(await AllAsync());
        Assert.Equal("thing.attempt.failed", entry.Action);
        Assert.Equal("401", entry.Details["status"]);
    }

    [Fact]
    public async Task ATypedResultsHoldingAnUndeclaredFailure_IsNotRecorded()
    {
        Results<Ok<ActivityRecordingTests.Resource>, ProblemResult> answer = Problems.NotFound();

        await Recorder().InvokeAsync(Call(RecordingTargets.Change), () => Task.FromResult<IResult?>(answer));

        Assert.Empty(await AllAsync());
    }

    [Fact]
    public void Check_RefusesAMalformedDeclaration_BeforeTheFunctionIsServed()
    {
        Assert.Throws<ArgumentException>(() => Recorder().Check(RecordingTargets.Misdeclared));
    }

    private ActivityRecorder Recorder() => TestActivity.Recorder(_log);

    private static FunctionCall Call(string entryPoint) => new(new DefaultHttpContext(), entryPoint);

    private async Task<IReadOnlyList<ActivityEntry>> AllAsync() =>
        (await _log.QueryAsync(new ActivityQuery(), new PageRequest(1, 100), CancellationToken.None)).Items;
}
