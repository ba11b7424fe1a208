using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Standalone.Hosting;

namespace SkillHub.Functions.Tests.Standalone.Hosting;

/// <summary>The standalone host calls a function whatever IResult it declares, as the worker does.</summary>
public sealed class FunctionInvokerTests
{
    [Fact]
    public async Task AFunctionReturningTypedResults_IsServed_WithTheOutcomeItChose()
    {
        var invoker = Invoker(nameof(TypedTargets.Find));

        var found = await invoker.InvokeHttpAsync(Request(id: "known"));
        var missing = await invoker.InvokeHttpAsync(Request(id: "other"));

        Assert.Equal("known", Assert.IsType<Ok<string>>(Assert.IsType<Results<Ok<string>, ProblemResult>>(found).Result).Value);
        Assert.Equal(404, Assert.IsType<ProblemResult>(Assert.IsType<Results<Ok<string>, ProblemResult>>(missing).Result).StatusCode);
    }

    [Theory]
    [InlineData(nameof(TypedTargets.Created), typeof(Created<string>))]
    [InlineData(nameof(TypedTargets.Accepted), typeof(Accepted))]
    [InlineData(nameof(TypedTargets.Echo), typeof(Results<Ok<string>, ProblemResult>))]
    public async Task AFunctionReturningOneTypedResult_IsServed(string method, Type expected)
    {
        var result = await Invoker(method).InvokeHttpAsync(Request(id: "known"));

        Assert.IsType(expected, result);
    }

    [Fact]
    public void AFunctionReturningSomethingElseThanAResult_IsRefusedWhenServed()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Invoker(nameof(TypedTargets.Text)));

        Assert.Contains(nameof(TypedTargets.Text), refused.Message, StringComparison.Ordinal);
    }

    private static FunctionInvoker Invoker(string method) =>
        new(new FunctionDescriptor(method, $"{typeof(TypedTargets).FullName}.{method}", typeof(TypedTargets).GetMethod(method)!,
            new HttpTriggerInfo("things/{id}", ["GET"], "Anonymous"), null));

    private static DefaultHttpContext Request(string id)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };
        http.Request.RouteValues["id"] = id;
        return http;
    }

    public sealed class TypedTargets
    {
        public async Task<Results<Ok<string>, ProblemResult>> Find(HttpRequest request, string id, CancellationToken cancellationToken)
        {
            await Task.Yield();
            return id == "known" ? TypedResults.Ok(id) : Problems.NotFound();
        }

        public Task<Created<string>> Created(string id) => Task.FromResult(TypedResults.Created($"/things/{id}", id));

        public Accepted Accepted() => TypedResults.Accepted((string?)null);

        public Results<Ok<string>, ProblemResult> Echo(string id) => TypedResults.Ok(id);

        public Task<string> Text() => Task.FromResult("not a result");
    }
}
