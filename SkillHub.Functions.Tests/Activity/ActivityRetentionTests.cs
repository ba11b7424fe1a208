using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Maintenance;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Activity;

public sealed class ShortRetentionApp : AppFixture
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Activity:RetentionDays", "30")];
}

/// <summary>Nobody can grow the log forever: entries past Activity__RetentionDays go with the purge timer (the in-memory store has no TTL index).</summary>
public sealed class ActivityRetentionTests(ShortRetentionApp app) : IClassFixture<ShortRetentionApp>
{
    [Fact]
    public async Task ThePurgeTimer_DeletesEntriesOlderThanTheRetention_AndKeepsYoungerOnes()
    {
        var log = app.Services.GetRequiredService<IActivityLog>();
        var now = DateTime.UtcNow;
        var old = Entry(now.AddDays(-31), "old");
        var young = Entry(now.AddDays(-29), "young");
        await log.AppendAsync(old, CancellationToken.None);
        await log.AppendAsync(young, CancellationToken.None);

        var purge = ActivatorUtilities.CreateInstance<PurgeSecurityRecords>(app.Services);
        await purge.Run(new TimerInfo(), CancellationToken.None);

        var (items, _) = await log.QueryAsync(new ActivityQuery(Action: "test.retention"), new PageRequest(1, 10), CancellationToken.None);
        Assert.Equal(["young"], items.Select(e => e.Target.Id));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("36501")]
    public void ARetentionOutsideOneDayToAHundredYears_KeepsTheAppFromStarting(string days)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => new ActivityOptions { RetentionDays = int.Parse(days, System.Globalization.CultureInfo.InvariantCulture) }.Validate());

        Assert.Contains("Activity__RetentionDays", refused.Message, StringComparison.Ordinal);
    }

    private static ActivityEntry Entry(DateTime at, string targetId) =>
        ActivityEntry.Create(new DateTimeOffset(at), null, "test.retention", new ActivityTarget("test", targetId), null, null, null);
}
