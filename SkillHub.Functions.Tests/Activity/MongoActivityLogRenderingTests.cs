using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Infrastructure.Http;
using ActivityDocument = SkillHub.Functions.Activity.MongoActivityLog.ActivityDocument;
using SkillHub.Standalone.Documents;

namespace SkillHub.Functions.Tests.Activity;

/// <summary>The exact commands MongoActivityLog sends, rendered to BSON, and its documents as stored.</summary>
public sealed class MongoActivityLogRenderingTests
{
    private static readonly Guid ActorId = Guid.Parse("0190f5a3-7c1e-7d2a-9b4f-3c2d1e0f4a5b");

    [Fact]
    public void Filter_WithoutFilters_MatchesEveryEntry()
    {
        Assert.Equal(new BsonDocument(), Render(MongoActivityLog.Filter(new ActivityQuery())));
    }

    [Fact]
    public void Filter_WithEveryFilter_NamesEachFieldOnce_WithAnInclusiveDateRange()
    {
        var from = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = new DateTime(2026, 12, 31, 23, 59, 59, DateTimeKind.Utc);

        var rendered = Render(MongoActivityLog.Filter(new ActivityQuery(ActorId, "workshop.publish", "target-1", from, to)));

        var expected = new BsonDocument
        {
            { "actor.id", new BsonBinaryData(ActorId, GuidRepresentation.Standard) },
            { "action", "workshop.publish" },
            { "target.id", "target-1" },
            { "at", new BsonDocument { { "$gte", new BsonDateTime(from) }, { "$lte", new BsonDateTime(to) } } },
        };
        Assert.Equal(expected, rendered);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ABoundFinerThanAMillisecond_SelectsTheSameEntries_InMongoDbAndInMemory(bool bothBounds)
    {
        var stored = new DateTime(2026, 12, 1, 10, 0, 0, 500, DateTimeKind.Utc);
        var from = stored.AddTicks(5_000);
        var query = new ActivityQuery(From: from, To: bothBounds ? stored.AddTicks(9_000) : null);
        var memory = new MemoryActivityLog();
        await memory.AppendAsync(Entry(null, null, null) with { At = stored }, CancellationToken.None);

        var rendered = Render(MongoActivityLog.Filter(query))["at"].AsBsonDocument;
        var sent = rendered["$gte"].ToUniversalTime();
        var matchedInMemory = (await memory.QueryAsync(query, new PageRequest(1, 10), CancellationToken.None)).Total;

        // What MongoDB compares is what was sent: the stored millisecond matches exactly when the memory store finds it.
        Assert.Equal(matchedInMemory == 1, stored >= sent && (!rendered.Contains("$lte") || stored <= rendered["$lte"].ToUniversalTime()));
        Assert.Equal(0, matchedInMemory);
    }

    [Fact]
    public void Filter_OnTheActor_SendsTheIdAsAStandardUuid()
    {
        var rendered = Render(MongoActivityLog.Filter(new ActivityQuery(ActorId: ActorId)));

        var binary = rendered["actor.id"].AsBsonBinaryData;
        Assert.Equal(BsonBinarySubType.UuidStandard, binary.SubType);
        Assert.Equal(ActorId, binary.ToGuid(GuidRepresentation.Standard));
    }

    [Fact]
    public void NewestFirst_SortsByDateThenId_BothDescending()
    {
        var rendered = MongoActivityLog.NewestFirst.Render(Args());

        Assert.Equal(new BsonDocument { { "at", -1 }, { "_id", -1 } }, rendered);
    }

    [Fact]
    public void Indexes_AreNamed_AndKeyedForTheAdminQuery()
    {
        var rendered = MongoActivityLog.IndexesFor(TimeSpan.FromDays(400)).Select(i => (i.Options.Name, Keys: i.Keys.Render(Args()))).ToList();

        Assert.Equal(
            [
                ("at_desc_id_desc", new BsonDocument { { "at", -1 }, { "_id", -1 } }),
                ("actor_id_at_desc", new BsonDocument { { "actor.id", 1 }, { "at", -1 } }),
                ("action_at_desc", new BsonDocument { { "action", 1 }, { "at", -1 } }),
                ("target_id_at_desc", new BsonDocument { { "target.id", 1 }, { "at", -1 } }),
                ("at_ttl", new BsonDocument { { "at", 1 } }),
            ],
            rendered);
        Assert.All(MongoActivityLog.IndexesFor(TimeSpan.FromDays(400)), i => Assert.Null(i.Options.Unique));
    }

    [Fact]
    public void TheRetentionIndex_IsTheOnlyTtlIndex_AndExpiresEntriesAfterTheSetting()
    {
        var indexes = MongoActivityLog.IndexesFor(TimeSpan.FromDays(30));

        var ttl = Assert.Single(indexes, i => i.Options.ExpireAfter is not null);
        Assert.Equal(MongoActivityLog.RetentionIndexName, ttl.Options.Name);
        Assert.Equal(TimeSpan.FromDays(30), ttl.Options.ExpireAfter);
    }

    [Fact]
    public void AChangedRetention_IsAppliedToTheExistingTtlIndexInPlace_ByCollMod()
    {
        var command = MongoActivityLog.RetentionChange(TimeSpan.FromDays(400));

        Assert.Equal(
            new BsonDocument
            {
                { "collMod", "activity_logs" },
                { "index", new BsonDocument { { "name", "at_ttl" }, { "expireAfterSeconds", 400L * 86_400 } } },
            },
            command);
    }

    [Theory]
    [InlineData("actor.id")]
    [InlineData("action")]
    [InlineData("target.id")]
    public void EachEqualityFilter_LeadsAnIndexThatGoesOnByDateNewestFirst(string field)
    {
        var keys = MongoActivityLog.IndexesFor(TimeSpan.FromDays(400)).Select(i => i.Keys.Render(Args())).ToList();

        Assert.Contains(keys, k => k.ElementCount == 2 && k.GetElement(0) == new BsonElement(field, 1) && k.GetElement(1) == new BsonElement("at", -1));
    }

    [Fact]
    public void Document_IsStoredWithCamelCaseNames_StandardUuids_AndUtcDates()
    {
        var entry = Entry(new ActivityActor(ActorId, "admin"), ip: "203.0.113.7", traceId: "00-abc-def-01");

        var bson = ActivityDocument.From(entry).ToBsonDocument();

        Assert.Equal(["_id", "at", "actor", "action", "target", "ip", "traceId", "details"], bson.Names);
        Assert.Equal(BsonBinarySubType.UuidStandard, bson["_id"].AsBsonBinaryData.SubType);
        Assert.Equal(entry.Id, bson["_id"].AsBsonBinaryData.ToGuid(GuidRepresentation.Standard));
        Assert.Equal(new BsonDateTime(entry.At), bson["at"]);
        var actor = bson["actor"].AsBsonDocument;
        Assert.Equal(["id", "role"], actor.Names);
        Assert.Equal(BsonBinarySubType.UuidStandard, actor["id"].AsBsonBinaryData.SubType);
        Assert.Equal(new BsonDocument { { "type", "workshop" }, { "id", "w-1" } }, bson["target"]);
        Assert.Equal(new BsonDocument { { "role", "trainer" }, { "status", "200" } }, bson["details"]);
    }

    [Fact]
    public void Document_RoundTrips_ToTheSameEntry_InUtc()
    {
        var entry = Entry(new ActivityActor(ActorId, "admin"), ip: "2001:db8::7", traceId: "00-abc-def-01");

        var read = RoundTrip(entry);

        AssertSameEntry(entry, read);
        Assert.Equal(DateTimeKind.Utc, read.At.Kind);
    }

    [Fact]
    public void Document_OfASystemEntry_RoundTripsWithoutActorAddressOrTrace()
    {
        var entry = Entry(actor: null, ip: null, traceId: null);

        var bson = ActivityDocument.From(entry).ToBsonDocument();
        var read = RoundTrip(entry);

        Assert.Equal(BsonNull.Value, bson["actor"]);
        AssertSameEntry(entry, read);
        Assert.Null(read.Actor);
    }

    [Fact]
    public void Document_WithFieldsAddedByALaterVersion_StillReads()
    {
        var bson = ActivityDocument.From(Entry(new ActivityActor(ActorId, "admin"), null, null)).ToBsonDocument();
        bson.Add("addedLater", "x");
        bson["actor"].AsBsonDocument.Add("displayName", "Ada");
        bson["target"].AsBsonDocument.Add("title", "Écrire du SQL");

        var read = BsonSerializer.Deserialize<ActivityDocument>(bson).ToEntry();

        Assert.Equal("workshop.update", read.Action);
        Assert.Equal((new ActivityActor(ActorId, "admin"), new ActivityTarget("workshop", "w-1")), (read.Actor, read.Target));
    }

    internal static void AssertSameEntry(ActivityEntry expected, ActivityEntry actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.At, actual.At);
        Assert.Equal(DateTimeKind.Utc, actual.At.Kind);
        Assert.Equal(expected.Actor, actual.Actor);
        Assert.Equal(expected.Action, actual.Action);
        Assert.Equal(expected.Target, actual.Target);
        Assert.Equal(expected.Ip, actual.Ip);
        Assert.Equal(expected.TraceId, actual.TraceId);
        Assert.Equal(expected.Details.OrderBy(d => d.Key, StringComparer.Ordinal), actual.Details.OrderBy(d => d.Key, StringComparer.Ordinal));
    }

    private static ActivityEntry Entry(ActivityActor? actor, string? ip, string? traceId) =>
        ActivityEntry.Create(
            new DateTimeOffset(2026, 11, 2, 8, 15, 0, 123, TimeSpan.FromHours(2)).AddTicks(4567),
            actor,
            "workshop.update",
            new ActivityTarget("workshop", "w-1"),
            ip,
            traceId,
            new Dictionary<string, string> { ["status"] = "200", ["role"] = "trainer" });

    private static ActivityEntry RoundTrip(ActivityEntry entry)
    {
        var bytes = ActivityDocument.From(entry).ToBson();
        return BsonSerializer.Deserialize<ActivityDocument>(bytes).ToEntry();
    }

    [Fact]
    public void Holding_ComparesTheTargetAndEveryDetailWithoutCase()
    {
        var rendered = Render(MongoActivityLog.Holding("Ada@Example.test"));

        Assert.Equal(BsonDocument.Parse(
            """
            { $expr: { $or: [
                { $eq: [ { $toLower: '$target.id' }, 'ada@example.test' ] },
                { $in: [ 'ada@example.test', { $map: { input: { $objectToArray: '$details' }, in: { $toLower: '$$this.v' } } } ] } ] } }
            """), rendered);
    }

    [Fact]
    public void Replacing_IsOnePipelineSet_ThatSwapsOnlyTheMatchingValues()
    {
        var rendered = MongoActivityLog.Replacing("Ada@Example.test", "user-1").Render(Args()).AsBsonArray;

        var stage = BsonDocument.Parse(
            """
            { $set: {
                'target.id': { $cond: [ { $eq: [ { $toLower: '$target.id' }, 'ada@example.test' ] }, 'user-1', '$target.id' ] },
                details: { $arrayToObject: { $map: { input: { $objectToArray: '$details' }, in: {
                    k: '$$this.k', v: { $cond: [ { $eq: [ { $toLower: '$$this.v' }, 'ada@example.test' ] }, 'user-1', '$$this.v' ] } } } } } } }
            """);
        Assert.Equal(new BsonArray { stage }, rendered);
    }

    private static RenderArgs<ActivityDocument> Args()
    {
        DocumentSerialization.Ensure();
        var registry = BsonSerializer.SerializerRegistry;
        return new RenderArgs<ActivityDocument>(registry.GetSerializer<ActivityDocument>(), registry);
    }

    private static BsonDocument Render(FilterDefinition<ActivityDocument> filter) => filter.Render(Args());
}
