namespace SkillHub.Functions.Tests.Support;

/// <summary>
/// A test that needs a live MongoDB server: it runs when SKILLHUB_TEST_MONGODB holds a connection
/// string and is reported as skipped, with the reason, otherwise. Never a silent pass.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MongoFactAttribute : FactAttribute
{
    public const string Variable = "SKILLHUB_TEST_MONGODB";

    public const string SkipReason =
        $"No MongoDB server: set {Variable} to a connection string to run this test (with Docker: docker compose up -d mongo).";

    public MongoFactAttribute()
    {
        if (!HasServer)
        {
            Skip = SkipReason;
        }
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);

    public static bool HasServer => !string.IsNullOrWhiteSpace(ConnectionString);
}
