using SkillHub.Functions.Infrastructure.Hosting;
using Microsoft.Extensions.Configuration;
using SkillHub.Standalone.Hosting;

namespace SkillHub.Functions.Tests.Infrastructure.Hosting;

public sealed class ScheduledTimerTests
{
    [Fact]
    public void Resolve_APercentName_ReadsTheFlatSetting()
    {
        var configuration = Configuration(("PurgeSchedule", "0 30 3 * * *"));

        var timer = ScheduledTimer.Resolve(Timer("%PurgeSchedule%"), configuration);

        Assert.Equal(new DateTime(2026, 5, 1, 3, 30, 0), timer.Schedule.GetNextOccurrence(new DateTime(2026, 5, 1, 0, 0, 0)));
    }

    [Fact]
    public void Resolve_ASixFieldExpression_ParsesWithSeconds()
    {
        var timer = ScheduledTimer.Resolve(Timer("15 */5 * * * *"), Configuration());

        Assert.Equal(new DateTime(2026, 5, 1, 0, 5, 15), timer.Schedule.GetNextOccurrence(new DateTime(2026, 5, 1, 0, 0, 20)));
    }

    [Theory]
    [InlineData("%Backup:Schedule%")]
    [InlineData("%Backup__Schedule%")]
    public void Resolve_ANestedSettingName_IsRefused(string schedule)
    {
        var configuration = Configuration(("Backup:Schedule", "0 0 2 * * *"));

        Assert.Throws<InvalidOperationException>(() => ScheduledTimer.Resolve(Timer(schedule), configuration));
    }

    [Fact]
    public void Resolve_ASettingThatIsNotSet_IsRefused()
    {
        Assert.Throws<InvalidOperationException>(() => ScheduledTimer.Resolve(Timer("%MissingSchedule%"), Configuration()));
    }

    [Theory]
    [InlineData("every night")]
    [InlineData("0 2 * * *")]
    [InlineData("0 0 25 * * *")]
    public void Resolve_AnExpressionThatIsNotSixFieldNcrontab_IsRefused(string schedule)
    {
        Assert.Throws<InvalidOperationException>(() => ScheduledTimer.Resolve(Timer(schedule), Configuration()));
    }

    [Fact]
    public void UnderTheFunctionsHost_EveryMissingScheduleSetting_IsNamed_WithWhereToPutIt()
    {
        var configuration = Configuration(("PurgeSchedule", "0 30 3 * * *"));

        var refused = Assert.Throws<InvalidOperationException>(() => TimerSchedules.RequireUnderFunctionsHost(AppTimers(), configuration));

        Assert.Contains("ReconcileSchedule", refused.Message, StringComparison.Ordinal);
        Assert.Contains("BackupSchedule", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PurgeSchedule", refused.Message, StringComparison.Ordinal);
        Assert.Contains("local.settings.json", refused.Message, StringComparison.Ordinal);
        Assert.Contains("\"BackupSchedule\": \"0 0 2 * * *\"", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnderTheFunctionsHost_TheStandaloneDefaults_DoNotStandInForTheHostsSettings()
    {
        Assert.Throws<InvalidOperationException>(() => TimerSchedules.RequireUnderFunctionsHost(AppTimers(), Configuration()));
    }

    [Fact]
    public void UnderTheFunctionsHost_EveryScheduleSet_IsAccepted()
    {
        var accepted = Record.Exception(() => TimerSchedules.RequireUnderFunctionsHost(AppTimers(), Configuration(EverySchedule)));

        Assert.Null(accepted);
    }

    [Fact]
    public void UnderTheFunctionsHost_AnInvalidSchedule_IsRefused_NamingItsTimer()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => TimerSchedules.RequireUnderFunctionsHost(AppTimers(), Configuration([.. EverySchedule[..2], ("BackupSchedule", "nightly"), EverySchedule[3]])));

        Assert.Contains("'nightly'", refused.Message, StringComparison.Ordinal);
    }

    private static readonly (string Key, string Value)[] EverySchedule = [("PurgeSchedule", "0 30 3 * * *"), ("ReconcileSchedule", "0 */5 * * * *"), ("BackupSchedule", "0 0 2 * * *"), ("NotificationSchedule", "*/30 * * * * *")];

    [Fact]
    public void TheTimersTheWorkerChecks_AreTheTimersOfTheBuildsMetadata()
    {
        var declared = AppTimers();
        var inMetadata = FunctionCatalog.Load(AppContext.BaseDirectory, typeof(SkillHubServices).Assembly).TimerFunctions.Select(f => (f.Name, f.Timer!.Schedule));

        Assert.Equal(4, declared.Count);
        Assert.Equal(inMetadata.Order(), declared.Order());
    }

    private static IReadOnlyList<(string Function, string Expression)> AppTimers() => TimerSchedules.Declared(typeof(SkillHubServices).Assembly);

    private static FunctionDescriptor Timer(string schedule) => new(
        "TestTimer",
        "SkillHub.Functions.Maintenance.PurgeSecurityRecords.Run",
        typeof(ScheduledTimerTests).GetMethod(nameof(Timer), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!,
        null,
        new TimerTriggerInfo(schedule, "timer"));

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
