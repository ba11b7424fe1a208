using SkillHub.Functions.Infrastructure.Hosting;

namespace SkillHub.Functions.Tests.Support;

/// <summary>Start-up readiness for unit tests of what runs once the databases are prepared, or before.</summary>
public static class TestReadiness
{
    public static StartupReadiness Ready()
    {
        var readiness = new StartupReadiness();
        readiness.MarkReady();
        return readiness;
    }

    public static StartupReadiness Waiting(string status)
    {
        var readiness = new StartupReadiness();
        readiness.Report(status);
        return readiness;
    }
}
