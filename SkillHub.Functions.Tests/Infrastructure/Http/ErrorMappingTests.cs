using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SkillHub.Functions.Infrastructure.Http;

namespace SkillHub.Functions.Tests.Infrastructure.Http;

public sealed class ErrorMappingTests
{
    private readonly ErrorMapping _errors = new(NullLogger<ErrorMapping>.Instance);

    [Fact]
    public async Task Invoke_WhenNothingThrows_ReturnsTheAnswerUnchanged()
    {
        var answer = TypedResults.NoContent();

        var result = await _errors.InvokeAsync(Call(), () => Task.FromResult<IResult?>(answer));

        Assert.Same(answer, result);
    }

    [Fact]
    public async Task Invoke_WhenTheFunctionThrows_Answers500ProblemWithoutTheExceptionsText()
    {
        var result = await _errors.InvokeAsync(Call(), () => throw new InvalidOperationException("SELECT password_hash FROM users -- secret detail"));

        var executed = await ExecutedResult.ExecuteAsync(result);
        executed.AssertProblem(500);
        Assert.DoesNotContain("password_hash", executed.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), executed.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", executed.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(ErrorMappingTests), executed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_WhenTheDatabaseTimesOut_Answers503Problem()
    {
        var transient = new NpgsqlException("Exception while reading from stream", new TimeoutException("Timeout during reading attempt"));
        Assert.True(transient.IsTransient);

        var result = await _errors.InvokeAsync(Call(), () => throw transient);

        var executed = await ExecutedResult.ExecuteAsync(result);
        executed.AssertProblem(503);
        Assert.DoesNotContain("stream", executed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_WhenTheDatabaseRefusesTheConnection_Answers503Problem()
    {
        var result = await _errors.InvokeAsync(Call(), () => throw new SocketException((int)SocketError.ConnectionRefused));

        (await ExecutedResult.ExecuteAsync(result)).AssertProblem(503);
    }

    [Theory]
    [InlineData("a paused connection pool")]
    [InlineData("an operation timeout")]
    public async Task Invoke_WhenTheDocumentStoreCannotServeInTime_Answers503ProblemWithRetryAfter(string failure)
    {
        Exception exception = failure == "an operation timeout"
            ? new TimeoutException("The operation timed out.")
            : new MongoDB.Driver.MongoConnectionPoolPausedException("The connection pool is in paused state for server 127.0.0.1:27017.");

        var result = await _errors.InvokeAsync(Call(), () => throw exception);

        var executed = await ExecutedResult.ExecuteAsync(result);
        executed.AssertProblem(503);
        Assert.True(int.Parse(executed.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.DoesNotContain("27017", executed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_WhenTheDatabaseRefusesAStatement_Answers500Not503()
    {
        var result = await _errors.InvokeAsync(Call(),
            () => throw new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", "23505"));

        var executed = await ExecutedResult.ExecuteAsync(result);
        executed.AssertProblem(500);
        Assert.DoesNotContain("duplicate key", executed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_WhenASharedResourceStaysBusy_Answers503ProblemWithTheDetailAndRetryAfterItGives()
    {
        var result = await _errors.InvokeAsync(Call(), () => throw new ServiceBusyException("pool exhausted", "The server is busy checking passwords.", TimeSpan.FromSeconds(7)));

        var executed = await ExecutedResult.ExecuteAsync(result);
        Assert.Equal("The server is busy checking passwords.", executed.AssertProblem(503).GetProperty("detail").GetString());
        Assert.Equal("7", executed.Headers.RetryAfter.ToString());
        Assert.DoesNotContain("pool exhausted", executed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_WhenTheBodyIsTooLarge_Answers413Problem()
    {
        var result = await _errors.InvokeAsync(Call(), () => throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge));

        (await ExecutedResult.ExecuteAsync(result)).AssertProblem(413);
    }

    [Fact]
    public async Task Invoke_WhenTheClientHasGone_Answers499Problem()
    {
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();
        var http = new DefaultHttpContext { RequestAborted = aborted.Token };

        var result = await _errors.InvokeAsync(new FunctionCall(http, GateTargets.AnonymousCaller), () => throw new OperationCanceledException(aborted.Token));

        (await ExecutedResult.ExecuteAsync(result)).AssertProblem(StatusCodes.Status499ClientClosedRequest);
    }

    [Fact]
    public void IsDatabaseUnavailable_LooksThroughWrappingExceptions()
    {
        var wrapped = new InvalidOperationException("wrapper", new NpgsqlException("Exception while connecting", new SocketException((int)SocketError.ConnectionRefused)));

        Assert.True(ErrorMapping.IsDatabaseUnavailable(wrapped));
        Assert.False(ErrorMapping.IsDatabaseUnavailable(new InvalidOperationException("no database involved")));
    }

    private static FunctionCall Call() => new(new DefaultHttpContext(), GateTargets.AnonymousCaller);
}
