namespace SkillHub.Functions.Tests.Support;

/// <summary>The settings every test app runs with, as environment variables name them (<c>__</c> for nesting).</summary>
public static class TestAppSettings
{
    public static Dictionary<string, string> For(string postgres) => new(StringComparer.Ordinal)
    {
        ["ConnectionStrings__Postgres"] = postgres,
        ["Jwt__SigningKey"] = AppFixture.SigningKey,
        ["Backup__SigningKey"] = AppFixture.BackupSigningKey,
        ["SkillHub__DocumentStore"] = "memory",
        ["Logging__LogLevel__Default"] = "Warning",
        // A test app never writes backups where a real one keeps them, even if its run spans the nightly schedule.
        ["Backup__Directory"] = Path.Combine(Path.GetTempPath(), "skillhub-test-backups", Guid.NewGuid().ToString("N")),
    };

    /// <summary>The same, plus the timer schedules the Functions host resolves from its own settings (a worker refuses to start without them).</summary>
    public static Dictionary<string, string?> ForWorker(string postgres)
    {
        var settings = For(postgres).ToDictionary(s => s.Key, string? (s) => s.Value, StringComparer.Ordinal);
        settings["PurgeSchedule"] = "0 30 3 * * *";
        settings["ReconcileSchedule"] = "0 */5 * * * *";
        settings["BackupSchedule"] = "0 0 2 * * *";
        settings["NotificationSchedule"] = "*/30 * * * * *";
        return settings;
    }
}
