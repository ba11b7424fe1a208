using SkillHub.Standalone.Hosting;

namespace SkillHub.Functions.Tests.Standalone.Hosting;

public sealed class FunctionsHostTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void IsPresent_WithFunctionsUriAsTwoArguments_IsTrue()
    {
        Assert.True(FunctionsHost.IsPresent(["--host", "127.0.0.1", "--functions-uri", "http://127.0.0.1:50051/"], NoEnvironment));
    }

    [Fact]
    public void IsPresent_WithFunctionsUriAsOneArgument_IsTrue()
    {
        Assert.True(FunctionsHost.IsPresent(["--functions-uri=http://127.0.0.1:50051/"], NoEnvironment));
    }

    [Fact]
    public void IsPresent_WithTheHostEndpointInTheEnvironment_IsTrue()
    {
        Func<string, string?> environment = name => name == "Functions__Worker__HostEndpoint" ? "http://127.0.0.1:50051" : null;

        Assert.True(FunctionsHost.IsPresent([], environment));
    }

    [Fact]
    public void IsPresent_WithoutEither_IsFalse()
    {
        Assert.False(FunctionsHost.IsPresent(["--urls", "http://127.0.0.1:7071"], NoEnvironment));
    }

    [Fact]
    public void IsPresent_WithAnEmptyHostEndpoint_IsFalse()
    {
        Assert.False(FunctionsHost.IsPresent([], _ => string.Empty));
    }
}
