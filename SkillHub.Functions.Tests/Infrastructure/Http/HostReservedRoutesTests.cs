using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Standalone.Hosting;

namespace SkillHub.Functions.Tests.Infrastructure.Http;

/// <summary>
/// The Functions host puts a function whose route starts with "admin" or "runtime" in error at
/// start-up, whatever the route prefix (ScriptHost.ValidateHttpFunction). Nothing in the build or
/// the standalone host would notice, so this test does.
/// </summary>
public sealed class HostReservedRoutesTests
{
    private static readonly FunctionCatalog Catalog = FunctionCatalog.Load(AppContext.BaseDirectory, typeof(SkillHubServices).Assembly);

    [Fact]
    public void NoFunctionRoute_StartsWithASegmentTheFunctionsHostReserves()
    {
        var refused = Catalog.HttpFunctions
            .Where(f => f.Http!.Route.Trim('/').ToLowerInvariant() is var route && (route.StartsWith("admin", StringComparison.Ordinal) || route.StartsWith("runtime", StringComparison.Ordinal)))
            .Select(f => $"{f.Name}: {f.Http!.Route}")
            .ToList();

        Assert.True(refused.Count == 0, "The Functions host would refuse: " + string.Join(", ", refused) + $". Start admin routes with AdminRoute.Prefix.");
    }

    [Fact]
    public void AdminRoutes_AreStillServedUnderApiAdmin()
    {
        var activity = Assert.Single(Catalog.HttpFunctions, f => f.Name == "ListActivity");

        Assert.Equal($"/api/{AdminRoute.Prefix}/activity", Catalog.PathOf(activity));
    }
}
