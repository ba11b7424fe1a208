namespace SkillHub.Functions.Tests.Support;

/// <summary>A theory that needs a live MongoDB server; skipped with the reason, as <see cref="MongoFactAttribute"/> is, when none is named.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MongoTheoryAttribute : TheoryAttribute
{
    public MongoTheoryAttribute()
    {
        if (string.IsNullOrWhiteSpace(MongoFactAttribute.ConnectionString))
        {
            Skip = $"No MongoDB server: set {MongoFactAttribute.Variable} to a connection string to run this test (with Docker: docker compose up -d mongo).";
        }
    }
}
