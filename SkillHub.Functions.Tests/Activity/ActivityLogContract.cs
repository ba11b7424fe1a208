using SkillHub.Functions.Activity;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Tests.Workshops;
using SkillHub.Standalone.Documents;

namespace SkillHub.Functions.Tests.Activity;

/// <summary>
/// What every <see cref="IActivityLog"/> does, whatever stores it: each behaviour is run on a
/// fresh, empty log by <see cref="MemoryActivityLogTests"/> always, and by
/// <see cref="MongoActivityLogLiveTests"/> when a MongoDB server is named.
/// </summary>
public abstract class ActivityLogContract
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly ActivityActor Admin = new(Guid.Parse("0190f5a3-0000-7000-8000-00000000000a"), "admin");
    private static readonly ActivityActor Trainer = new(Guid.Parse("0190f5a3-0000-7000-8000-00000000000b"), "trainer");

    private static readonly Dictionary<string, Func<IActivityLog, Task>> Behaviours = new(StringComparer.Ordinal)
    {
        [nameof(AnAppendedEntry_ReadsBackAsAppended)] = AnAppendedEntry_ReadsBackAsAppended,
        [nameof(Entries_ComeNewestFirst)] = Entries_ComeNewestFirst,
        [nameof(EntriesOfTheSameMillisecond_ComeInDescendingIdOrder)] = EntriesOfTheSameMillisecond_ComeInDescendingIdOrder,
        [nameof(TheActorFilter_KeepsThatActorsEntriesOnly)] = TheActorFilter_KeepsThatActorsEntriesOnly,
        [nameof(TheActionFilter_KeepsThatActionOnly)] = TheActionFilter_KeepsThatActionOnly,
        [nameof(TheTargetFilter_KeepsThatTargetOnly)] = TheTargetFilter_KeepsThatTargetOnly,
        [nameof(FromAndTo_AreInclusive)] = FromAndTo_AreInclusive,
        [nameof(Filters_Combine)] = Filters_Combine,
        [nameof(Pages_NeitherOverlapNorSkip_AndCountEveryMatch)] = Pages_NeitherOverlapNorSkip_AndCountEveryMatch,
        [nameof(APageBeyondTheLast_IsEmpty_ButCountsEveryMatch)] = APageBeyondTheLast_IsEmpty_ButCountsEveryMatch,
        [nameof(ASystemEntry_HasNoActor_AndNoActorFilterMatchesIt)] = ASystemEntry_HasNoActor_AndNoActorFilterMatchesIt,
        [nameof(Purge_DeletesTheEntriesMadeBeforeTheCutoff_AndKeepsTheRest)] = Purge_DeletesTheEntriesMadeBeforeTheCutoff_AndKeepsTheRest,
        [nameof(ReplaceValue_SwapsTheValueInTargetsAndDetails_WithoutCase_AndLeavesEverythingElse)] = ReplaceValue_SwapsTheValueInTargetsAndDetails_WithoutCase_AndLeavesEverythingElse,
    };

    public static TheoryData<string> BehaviourNames => new(Behaviours.Keys);

    protected static Task RunAsync(string behaviour, IActivityLog log) => Behaviours[behaviour](log);

    private static async Task AnAppendedEntry_ReadsBackAsAppended(IActivityLog log)
    {
        var entry = Entry(0, Admin, "user.update", "user-1", new Dictionary<string, string> { ["role"] = "trainer", ["status"] = "200" });

        await log.AppendAsync(entry, CancellationToken.None);
        var (items, total) = await QueryAsync(log, new ActivityQuery());

        Assert.Equal(1, total);
        MongoActivityLogRenderingTests.AssertSameEntry(entry, Assert.Single(items));
    }

    private static async Task Entries_ComeNewestFirst(IActivityLog log)
    {
        var entries = Enumerable.Range(0, 5).Select(i => Entry(i, Admin, "workshop.update", $"w-{i}")).ToList();
        foreach (var entry in entries.OrderBy(_ => Guid.NewGuid()))
        {
            await log.AppendAsync(entry, CancellationToken.None);
        }

        var (items, _) = await QueryAsync(log, new ActivityQuery());

        Assert.Equal(entries.Select(e => e.Id).Reverse(), items.Select(e => e.Id));
    }

    private static async Task EntriesOfTheSameMillisecond_ComeInDescendingIdOrder(IActivityLog log)
    {
        var entries = Enumerable.Range(0, 4).Select(i => Entry(0, Admin, "workshop.update", $"w-{i}")).ToList();
        foreach (var entry in entries)
        {
            await log.AppendAsync(entry, CancellationToken.None);
        }

        var (items, _) = await QueryAsync(log, new ActivityQuery());

        Assert.Equal(entries.Select(e => e.Id).OrderDescending(), items.Select(e => e.Id));
    }

    private static async Task TheActorFilter_KeepsThatActorsEntriesOnly(IActivityLog log)
    {
        await AppendAsync(log, Entry(0, Admin, "workshop.create", "w-1"), Entry(1, Trainer, "workshop.create", "w-2"), Entry(2, Trainer, "workshop.publish", "w-2"));

        var (items, total) = await QueryAsync(log, new ActivityQuery(ActorId: Trainer.Id));

        Assert.Equal(2, total);
        Assert.Equal(["workshop.publish", "workshop.create"], items.Select(e => e.Action));
        Assert.All(items, e => Assert.Equal(Trainer, e.Actor));
    }

    private static async Task TheActionFilter_KeepsThatActionOnly(IActivityLog log)
    {
        await AppendAsync(log, Entry(0, null, "auth.login", "u-1"), Entry(1, null, "auth.login.failed", "ada@example.test"), Entry(2, null, "auth.login", "u-2"));

        var (items, total) = await QueryAsync(log, new ActivityQuery(Action: "auth.login"));

        Assert.Equal(2, total);
        Assert.Equal(["u-2", "u-1"], items.Select(e => e.Target.Id));
    }

    private static async Task TheTargetFilter_KeepsThatTargetOnly(IActivityLog log)
    {
        await AppendAsync(log, Entry(0, Admin, "workshop.create", "w-1"), Entry(1, Admin, "workshop.create", "w-2"), Entry(2, Admin, "workshop.publish", "w-1"));

        var (items, total) = await QueryAsync(log, new ActivityQuery(TargetId: "w-1"));

        Assert.Equal(2, total);
        Assert.Equal(["workshop.publish", "workshop.create"], items.Select(e => e.Action));
    }

    private static async Task Purge_DeletesTheEntriesMadeBeforeTheCutoff_AndKeepsTheRest(IActivityLog log)
    {
        var entries = Enumerable.Range(0, 5).Select(i => Entry(i, Admin, "workshop.update", $"w-{i}")).ToList();
        await AppendAsync(log, [.. entries]);

        var purged = await log.PurgeOlderThanAsync(entries[2].At, CancellationToken.None);
        var (items, total) = await QueryAsync(log, new ActivityQuery());

        Assert.Equal(2, purged);
        Assert.Equal(3, total);
        Assert.Equal(["w-4", "w-3", "w-2"], items.Select(e => e.Target.Id));
    }

    private static async Task FromAndTo_AreInclusive(IActivityLog log)
    {
        var entries = Enumerable.Range(0, 5).Select(i => Entry(i, Admin, "workshop.update", $"w-{i}")).ToList();
        await AppendAsync(log, [.. entries]);

        var (items, total) = await QueryAsync(log, new ActivityQuery(From: entries[1].At, To: entries[3].At));

        Assert.Equal(3, total);
        Assert.Equal(["w-3", "w-2", "w-1"], items.Select(e => e.Target.Id));
    }

    private static async Task Filters_Combine(IActivityLog log)
    {
        await AppendAsync(
            log,
            Entry(0, Trainer, "workshop.update", "w-1"),
            Entry(1, Trainer, "workshop.publish", "w-1"),
            Entry(2, Admin, "workshop.update", "w-1"),
            Entry(3, Trainer, "workshop.update", "w-2"),
            Entry(4, Trainer, "workshop.update", "w-1"));

        var (items, total) = await QueryAsync(log, new ActivityQuery(Trainer.Id, "workshop.update", "w-1", Start.UtcDateTime.AddMinutes(1)));

        Assert.Equal(1, total);
        Assert.Equal(Start.UtcDateTime.AddMinutes(4), Assert.Single(items).At);
    }

    private static async Task Pages_NeitherOverlapNorSkip_AndCountEveryMatch(IActivityLog log)
    {
        // Two entries per minute: pages cut through entries of the same instant too.
        var entries = Enumerable.Range(0, 7).Select(i => Entry(i / 2, Admin, "workshop.update", $"w-{i}")).ToList();
        await AppendAsync(log, [.. entries]);

        var pages = new List<IReadOnlyList<ActivityEntry>>();
        for (var page = 1; page <= 3; page++)
        {
            var (items, total) = await log.QueryAsync(new ActivityQuery(), new PageRequest(page, 3), CancellationToken.None);
            Assert.Equal(7, total);
            pages.Add(items);
        }

        Assert.Equal([3, 3, 1], pages.Select(p => p.Count));
        var (all, _) = await QueryAsync(log, new ActivityQuery());
        Assert.Equal(all.Select(e => e.Id), pages.SelectMany(p => p).Select(e => e.Id));
        Assert.Equal(7, all.Select(e => e.Id).Distinct().Count());
    }

    private static async Task APageBeyondTheLast_IsEmpty_ButCountsEveryMatch(IActivityLog log)
    {
        await AppendAsync(log, Entry(0, Admin, "workshop.create", "w-1"), Entry(1, Admin, "workshop.create", "w-2"));

        var (items, total) = await log.QueryAsync(new ActivityQuery(), new PageRequest(3, 1), CancellationToken.None);

        Assert.Empty(items);
        Assert.Equal(2, total);
    }

    private static async Task ASystemEntry_HasNoActor_AndNoActorFilterMatchesIt(IActivityLog log)
    {
        var system = ActivityEntry.ForSystem(new FixedClock(Start), "registration.reconcile", new ActivityTarget("workshop", "w-1"), new Dictionary<string, string> { ["repaired"] = "2" });
        await AppendAsync(log, system, Entry(1, Admin, "workshop.update", "w-1"));

        var (all, _) = await QueryAsync(log, new ActivityQuery(TargetId: "w-1"));
        var (byAdmin, _) = await QueryAsync(log, new ActivityQuery(ActorId: Admin.Id));

        var read = all.Single(e => e.Action == "registration.reconcile");
        Assert.Null(read.Actor);
        Assert.Null(read.Ip);
        Assert.Equal("2", read.Details["repaired"]);
        Assert.DoesNotContain(byAdmin, e => e.Id == system.Id);
    }

    private static async Task ReplaceValue_SwapsTheValueInTargetsAndDetails_WithoutCase_AndLeavesEverythingElse(IActivityLog log)
    {
        var asTarget = Entry(0, null, "auth.login.failed", "Ada@Example.test");
        var asDetail = Entry(1, Admin, "user.update", "user-1", new Dictionary<string, string> { ["email"] = "ada@example.TEST", ["status"] = "200" });
        var within = Entry(2, Admin, "user.update", "user-2", new Dictionary<string, string> { ["note"] = "not ada@example.test alone", ["status"] = "200" });
        var other = Entry(3, Trainer, "auth.login.failed", "grace@example.test");
        await AppendAsync(log, asTarget, asDetail, within, other);

        var changed = await log.ReplaceValueAsync("ada@example.test", "user-1", CancellationToken.None);

        Assert.Equal(2, changed);
        var byId = (await QueryAsync(log, new ActivityQuery())).Items.ToDictionary(e => e.Id);
        MongoActivityLogRenderingTests.AssertSameEntry(asTarget with { Target = asTarget.Target with { Id = "user-1" } }, byId[asTarget.Id]);
        MongoActivityLogRenderingTests.AssertSameEntry(
            asDetail with { Details = new Dictionary<string, string> { ["email"] = "user-1", ["status"] = "200" } }, byId[asDetail.Id]);
        MongoActivityLogRenderingTests.AssertSameEntry(within, byId[within.Id]);
        MongoActivityLogRenderingTests.AssertSameEntry(other, byId[other.Id]);
    }

    private static ActivityEntry Entry(int minute, ActivityActor? actor, string action, string targetId, Dictionary<string, string>? details = null) =>
        ActivityEntry.Create(
            Start.AddMinutes(minute),
            actor,
            action,
            new ActivityTarget(action.StartsWith("auth.", StringComparison.Ordinal) ? "user" : "workshop", targetId),
            "203.0.113.7",
            $"00-{Guid.NewGuid():N}-0000000000000001-01",
            details ?? new Dictionary<string, string> { ["status"] = "200" });

    private static async Task AppendAsync(IActivityLog log, params ActivityEntry[] entries)
    {
        foreach (var entry in entries)
        {
            await log.AppendAsync(entry, CancellationToken.None);
        }
    }

    private static Task<(IReadOnlyList<ActivityEntry> Items, long Total)> QueryAsync(IActivityLog log, ActivityQuery query) =>
        log.QueryAsync(query, new PageRequest(1, PageRequest.MaxPageSize), CancellationToken.None);
}

public sealed class MemoryActivityLogTests : ActivityLogContract
{
    [Theory]
    [MemberData(nameof(BehaviourNames))]
    public Task TheMemoryLog_Behaves(string behaviour) => RunAsync(behaviour, new MemoryActivityLog());
}
