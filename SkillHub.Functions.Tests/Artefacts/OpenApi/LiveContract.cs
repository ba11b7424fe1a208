namespace SkillHub.Functions.Tests.Artefacts.OpenApi;

/// <summary>
/// The tests that hold a running app to openapi.yaml and requests.http each start an app with a
/// database of its own. They run one after the other, once the parallel test classes are done, so
/// they add no connections to the PostgreSQL server those classes share (max_connections 100).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LiveContract
{
    public const string Name = "Live contract";
}
