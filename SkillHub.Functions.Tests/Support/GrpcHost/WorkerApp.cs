namespace SkillHub.Functions.Tests.Support.GrpcHost;

/// <summary>A built worker the host can start: its directory and the assembly <c>dotnet</c> runs.</summary>
public sealed record WorkerApp(string Directory, string EntryAssembly)
{
    /// <summary>The product as Azure runs it: <c>SkillHub.Functions.dll</c>, its documents in MongoDB.</summary>
    public static WorkerApp Product { get; } = new(Repository.AppDirectory, "SkillHub.Functions.dll");

    /// <summary>
    /// The product's functions, middleware and services, started from <c>SkillHub.Standalone.dll</c>,
    /// so that the in-memory store can stand in for MongoDB (no server exists on these machines).
    /// </summary>
    public static WorkerApp Standalone { get; } = new(Repository.BuildDirectory("SkillHub.Standalone"), "SkillHub.Standalone.dll");
}
