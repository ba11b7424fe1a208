using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Infrastructure.Telemetry;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Support;
using SkillHub.Standalone.Documents;
using SkillHub.Standalone.Hosting;

namespace SkillHub.Functions.Tests.Standalone.Hosting;

/// <summary>Every function class can be built from the app's services, on either document store, without reaching a server.</summary>
public sealed class CompositionTests
{
    [Theory]
    [InlineData("memory", typeof(MemoryRegistrationStore))]
    [InlineData("mongodb", typeof(MongoRegistrationStore))]
    public async Task EveryFunctionClass_IsComposedFromTheAppsServices(string documentStore, Type expectedStore)
    {
        await using var app = UnreachableApp.Build(documentStore);
        var catalog = app.Services.GetRequiredService<FunctionCatalog>();
        await using var scope = app.Services.CreateAsyncScope();

        foreach (var type in catalog.Functions.Select(f => f.Method.DeclaringType!).Distinct())
        {
            Assert.NotNull(ActivatorUtilities.CreateInstance(scope.ServiceProvider, type));
        }

        Assert.IsType(expectedStore, DocumentSpans.Inner(app.Services.GetRequiredService<IRegistrationStore>()));
        Assert.Equal(documentStore == "mongodb", app.Services.GetServices<IMongoIndexes>().Any());
    }
}
