using System.Collections.Immutable;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace SkillHub.Functions.Tests.Infrastructure.Http;

/// <summary>
/// A hand-written <see cref="FunctionContext"/>, as the worker's own tests have one: the HttpContext
/// sits in Items under "HttpRequestContext", where the ASP.NET Core integration puts it.
/// </summary>
internal sealed class TestFunctionContext : FunctionContext
{
    public TestFunctionContext(string entryPoint, HttpContext? http, string triggerType = "httpTrigger")
    {
        FunctionDefinition = new TestFunctionDefinition(entryPoint, triggerType);
        if (http is not null)
        {
            Items["HttpRequestContext"] = http;
        }
    }

    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => FunctionDefinition.Id;

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext => throw new NotSupportedException();

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; } = new ServiceCollection().BuildServiceProvider();

    public override FunctionDefinition FunctionDefinition { get; }

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => throw new NotSupportedException();
}

internal sealed class TestFunctionDefinition(string entryPoint, string triggerType) : FunctionDefinition
{
    public override ImmutableArray<FunctionParameter> Parameters => [];

    public override string PathToAssembly => typeof(TestFunctionDefinition).Assembly.Location;

    public override string EntryPoint => entryPoint;

    public override string Id => entryPoint;

    public override string Name => entryPoint[(entryPoint.LastIndexOf('.') + 1)..];

    public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; } =
        ImmutableDictionary<string, BindingMetadata>.Empty.Add("trigger", new TestBindingMetadata("trigger", triggerType, BindingDirection.In));

    public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
}

internal sealed class TestBindingMetadata(string name, string type, BindingDirection direction) : BindingMetadata
{
    public override string Name => name;

    public override string Type => type;

    public override BindingDirection Direction => direction;
}
