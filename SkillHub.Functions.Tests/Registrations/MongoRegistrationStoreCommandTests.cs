using System.Net;
using System.Reflection;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using MongoDB.Driver.Core.Clusters;
using MongoDB.Driver.Core.Connections;
using MongoDB.Driver.Core.Servers;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Registrations;

using static SkillHub.Functions.Tests.Registrations.RegistrationBson;

namespace SkillHub.Functions.Tests.Registrations;

/// <summary>
/// The exact commands MongoRegistrationStore sends, with no server: every filter, update, sort,
/// pipeline and index rendered to BSON as the driver would send it, and compared with the command
/// written out by hand (mongosh syntax: UUID() is binary subtype 4).
/// </summary>
public sealed class MongoRegistrationStoreCommandTests
{
    private static readonly IBsonSerializerRegistry Registry = BsonSerializer.SerializerRegistry;

    public MongoRegistrationStoreCommandTests() => DocumentSerialization.Ensure();

    private static RenderArgs<RegistrationDocument> Args => new(Registry.GetSerializer<RegistrationDocument>(), Registry);

    // ---- filters, updates, sorts ----

    [Fact]
    public void FindById_FiltersOnTheIdAsAStandardUuid()
    {
        var filter = MongoRegistrationStore.ById(RegistrationId).Render(Args);

        AssertBson($$"""{ "_id": UUID("{{RegistrationId}}") }""", filter);
        Assert.Equal(BsonBinarySubType.UuidStandard, filter["_id"].AsBsonBinaryData.SubType);
        Assert.Equal(RegistrationId, filter["_id"].AsBsonBinaryData.ToGuid(GuidRepresentation.Standard));
    }

    [Fact]
    public void FindByWorkshopAndUser_FiltersOnBothStandardUuids()
    {
        var filter = MongoRegistrationStore.ByWorkshopAndUser(WorkshopId, UserId).Render(Args);

        AssertBson($$"""{ "workshopId": UUID("{{WorkshopId}}"), "userId": UUID("{{UserId}}") }""", filter);
        Assert.All(filter.Values, id => Assert.Equal(BsonBinarySubType.UuidStandard, id.AsBsonBinaryData.SubType));
    }

    [Fact]
    public void Transition_FiltersOnTheIdAndTheExpectedStatus()
    {
        var filter = MongoRegistrationStore.InStatus(RegistrationId, RegistrationStatus.Waitlisted).Render(Args);

        AssertBson($$"""{ "_id": UUID("{{RegistrationId}}"), "status": "waitlisted" }""", filter);
    }

    [Fact]
    public void Transition_SetsStatusTicketAndTime_AndPushesTheEntry_InOneUpdate()
    {
        var entry = new HistoryEntry(At, RegistrationStatus.Confirmed, AdminId, "a seat was freed");

        var update = MongoRegistrationStore.Transition(new RegistrationTransition(RegistrationStatus.Confirmed, 42, entry)).Render(Args);

        AssertBson(
            $$"""
            {
              "$set": { "status": "confirmed", "queueTicket": NumberLong(42), "updatedAt": ISODate("2026-03-01T09:30:15.123Z") },
              "$unset": { "attendance": 1 },
              "$push": { "history": { "at": ISODate("2026-03-01T09:30:15.123Z"), "status": "confirmed", "by": UUID("{{AdminId}}"), "reason": "a seat was freed" } }
            }
            """,
            update);
        Assert.Equal(BsonBinarySubType.UuidStandard, update["$push"]["history"]["by"].AsBsonBinaryData.SubType);
    }

    [Fact]
    public void MarkAttendance_SetsTheAttendanceAndTime_AndPushesTheEntry_OrUnsetsItForNull()
    {
        var marked = MongoRegistrationStore.MarkAttendance(
            new AttendanceChange(RegistrationAttendance.Absent, new HistoryEntry(At, RegistrationStatus.Confirmed, AdminId, null, HistoryEntry.AttendanceMarked, RegistrationAttendance.Absent))).Render(Args);
        var unmarked = MongoRegistrationStore.MarkAttendance(
            new AttendanceChange(null, new HistoryEntry(At, RegistrationStatus.Confirmed, null, null, HistoryEntry.AttendanceMarked))).Render(Args);

        AssertBson(
            $$"""
            {
              "$set": { "attendance": "absent", "updatedAt": ISODate("2026-03-01T09:30:15.123Z") },
              "$push": { "history": { "at": ISODate("2026-03-01T09:30:15.123Z"), "status": "confirmed", "by": UUID("{{AdminId}}"), "reason": null,
                                      "cause": "attendance", "attendance": "absent" } }
            }
            """,
            marked);
        AssertBson(
            """
            {
              "$unset": { "attendance": 1 },
              "$set": { "updatedAt": ISODate("2026-03-01T09:30:15.123Z") },
              "$push": { "history": { "at": ISODate("2026-03-01T09:30:15.123Z"), "status": "confirmed", "by": null, "reason": null, "cause": "attendance" } }
            }
            """,
            unmarked);
    }

    [Fact]
    public void FirstWaitlisted_FiltersTheWorkshopsWaitlist_AndSortsByTicketThenId()
    {
        var filter = MongoRegistrationStore.WaitlistOf(WorkshopId).Render(Args);
        var sort = MongoRegistrationStore.QueueOrder.Render(Args);

        AssertBson($$"""{ "workshopId": UUID("{{WorkshopId}}"), "status": "waitlisted" }""", filter);
        AssertBson("""{ "queueTicket": 1, "_id": 1 }""", sort);
    }

    [Fact]
    public void CancelAllActive_FiltersConfirmedAndWaitlisted_AndSetsCancelledWithTheEntry()
    {
        var filter = MongoRegistrationStore.ActiveOf(WorkshopId).Render(Args);
        var update = MongoRegistrationStore.CancelAll(new HistoryEntry(At, RegistrationStatus.Cancelled, null, "workshop cancelled")).Render(Args);

        AssertBson($$"""{ "workshopId": UUID("{{WorkshopId}}"), "status": { "$in": ["confirmed", "waitlisted"] } }""", filter);
        AssertBson(
            """
            {
              "$set": { "status": "cancelled", "updatedAt": ISODate("2026-03-01T09:30:15.123Z") },
              "$unset": { "attendance": 1 },
              "$push": { "history": { "at": ISODate("2026-03-01T09:30:15.123Z"), "status": "cancelled", "by": null, "reason": "workshop cancelled" } }
            }
            """,
            update);
    }

    // ---- pipelines ----

    [Fact]
    public void Count_GroupsTheWorkshopsRegistrationsAsActiveCountsDoes()
    {
        AssertPipeline(
            $$"""
            [
              { "$match": { "workshopId": UUID("{{WorkshopId}}") } },
              { "$group": {
                  "_id": "$workshopId",
                  "confirmed": { "$sum": { "$cond": [ { "$eq": ["$status", "confirmed"] }, 1, 0 ] } },
                  "waitlisted": { "$sum": { "$cond": [ { "$eq": ["$status", "waitlisted"] }, 1, 0 ] } },
                  "cancelled": { "$sum": { "$cond": [ { "$not": [ { "$in": ["$status", ["confirmed", "waitlisted"]] } ] }, 1, 0 ] } } } }
            ]
            """,
            MongoRegistrationStore.CountPipeline(WorkshopId));
    }

    [Fact]
    public void AttendanceCounts_GroupsTheConfirmedRegistrationsOfTheWorkshopsByAttendance()
    {
        AssertPipeline(
            $$"""
            [
              { "$match": { "workshopId": { "$in": [ UUID("{{WorkshopId}}") ] }, "status": "confirmed" } },
              { "$group": {
                  "_id": "$workshopId",
                  "confirmed": { "$sum": 1 },
                  "attended": { "$sum": { "$cond": [ { "$eq": ["$attendance", "attended"] }, 1, 0 ] } },
                  "absent": { "$sum": { "$cond": [ { "$eq": ["$attendance", "absent"] }, 1, 0 ] } },
                  "excused": { "$sum": { "$cond": [ { "$eq": ["$attendance", "excused"] }, 1, 0 ] } } } }
            ]
            """,
            MongoRegistrationStore.AttendanceCountsPipeline([WorkshopId, WorkshopId]));
    }

    [Fact]
    public void ParticipantAttendance_SortsTheUsersRegistrationsByChange_AndFacetsTheMarkedSeatsAndTheLateCancellationsSince()
    {
        AssertPipeline(
            $$"""
            [
              { "$match": { "userId": UUID("{{UserId}}") } },
              { "$sort": { "updatedAt": -1, "_id": -1 } },
              { "$facet": {
                  "marked": [
                    { "$match": { "status": "confirmed", "attendance": { "$in": ["attended", "absent", "excused"] } } },
                    { "$limit": 50 },
                    { "$project": { "_id": 0, "workshopId": 1, "attendance": 1 } } ],
                  "late": [
                    { "$unwind": "$history" },
                    { "$match": { "history.cause": "cancellation.late", "history.at": { "$gte": ISODate("2026-03-01T09:30:15.124Z") } } },
                    { "$count": "count" } ] } }
            ]
            """,
            MongoRegistrationStore.ParticipantAttendancePipeline(UserId, At, 50));
    }

    [Fact]
    public void ListForWorkshop_RanksByStatusSortsByTicketThenId_AndFacetsTheTotalAndThePage()
    {
        AssertPipeline(
            $$"""
            [
              { "$match": { "workshopId": UUID("{{WorkshopId}}") } },
              { "$addFields": { "statusRank": { "$switch": {
                  "branches": [
                    { "case": { "$eq": ["$status", "confirmed"] }, "then": 0 },
                    { "case": { "$eq": ["$status", "waitlisted"] }, "then": 1 }
                  ],
                  "default": 2 } } } },
              { "$sort": { "statusRank": 1, "queueTicket": 1, "_id": 1 } },
              { "$facet": {
                  "total": [ { "$count": "count" } ],
                  "items": [ { "$skip": NumberLong(40) }, { "$limit": 20 }, { "$project": { "statusRank": 0 } } ] } }
            ]
            """,
            MongoRegistrationStore.WorkshopPagePipeline(WorkshopId, null, new PageRequest(3, 20)));
    }

    [Fact]
    public void ListForWorkshop_WithAStatus_MatchesItToo()
    {
        var stages = Render(MongoRegistrationStore.WorkshopPagePipeline(WorkshopId, RegistrationStatus.Cancelled, new PageRequest(1, 20)));

        AssertBson($$"""{ "$match": { "workshopId": UUID("{{WorkshopId}}"), "status": "cancelled" } }""", stages[0]);
    }

    [Fact]
    public void APageOfNoSize_AsksOnlyForTheTotal()
    {
        var stages = Render(MongoRegistrationStore.UserPagePipeline(UserId, new PageRequest(1, 0)));

        AssertBson("""{ "$facet": { "total": [ { "$count": "count" } ] } }""", stages[^1]);
    }

    [Fact]
    public void ListForUser_SortsByLatestChangeThenHighestId_AndFacetsTheTotalAndThePage()
    {
        AssertPipeline(
            $$"""
            [
              { "$match": { "userId": UUID("{{UserId}}") } },
              { "$sort": { "updatedAt": -1, "_id": -1 } },
              { "$facet": {
                  "total": [ { "$count": "count" } ],
                  "items": [ { "$skip": NumberLong(0) }, { "$limit": 10 } ] } }
            ]
            """,
            MongoRegistrationStore.UserPagePipeline(UserId, new PageRequest(1, 10)));
    }

    [Fact]
    public void WaitlistPositions_CountTheTicketsAheadOfEveryRegistration_InOneAggregation()
    {
        var otherWorkshop = Guid.Parse("12345678-9abc-4def-8123-456789abcdef");
        var first = new Registration(RegistrationId, WorkshopId, UserId, RegistrationStatus.Waitlisted, 30, At, At, []);
        var second = new Registration(AdminId, otherWorkshop, UserId, RegistrationStatus.Waitlisted, 7, At, At, []);

        AssertPipeline(
            $$"""
            [
              { "$match": { "workshopId": { "$in": [ UUID("{{WorkshopId}}"), UUID("{{otherWorkshop}}") ] }, "status": "waitlisted" } },
              { "$project": { "_id": 0, "workshopId": 1, "queueTicket": 1 } },
              { "$facet": {
                  "{{RegistrationId:N}}": [
                    { "$match": { "workshopId": UUID("{{WorkshopId}}"), "queueTicket": { "$lt": NumberLong(30) } } },
                    { "$count": "ahead" } ],
                  "{{AdminId:N}}": [
                    { "$match": { "workshopId": UUID("{{otherWorkshop}}"), "queueTicket": { "$lt": NumberLong(7) } } },
                    { "$count": "ahead" } ] } }
            ]
            """,
            MongoRegistrationStore.WaitlistPositionsPipeline([first, second]));
    }

    [Fact]
    public void History_UnwindsEveryEntry_SortsByTimeIdAndPosition_AndFacetsTheTotalAndThePage()
    {
        AssertPipeline(
            $$"""
            [
              { "$match": { "workshopId": UUID("{{WorkshopId}}") } },
              { "$unwind": { "path": "$history", "includeArrayIndex": "historyIndex" } },
              { "$sort": { "history.at": 1, "_id": 1, "historyIndex": 1 } },
              { "$facet": {
                  "total": [ { "$count": "count" } ],
                  "items": [
                    { "$skip": NumberLong(50) },
                    { "$limit": 50 },
                    { "$project": {
                        "_id": 0, "registrationId": "$_id", "userId": 1, "at": "$history.at",
                        "status": "$history.status", "by": "$history.by", "reason": "$history.reason",
                        "attendance": "$history.attendance" } } ] } }
            ]
            """,
            MongoRegistrationStore.HistoryPagePipeline(WorkshopId, new PageRequest(2, 50)));
    }

    [Fact]
    public void ActiveCounts_GroupByWorkshop_AndKeepWorkshopsWithAnActiveRegistration()
    {
        AssertPipeline(
            """
            [
              { "$group": {
                  "_id": "$workshopId",
                  "confirmed": { "$sum": { "$cond": [ { "$eq": ["$status", "confirmed"] }, 1, 0 ] } },
                  "waitlisted": { "$sum": { "$cond": [ { "$eq": ["$status", "waitlisted"] }, 1, 0 ] } },
                  "cancelled": { "$sum": { "$cond": [ { "$not": [ { "$in": ["$status", ["confirmed", "waitlisted"]] } ] }, 1, 0 ] } } } },
              { "$match": { "$or": [ { "confirmed": { "$gt": 0 } }, { "waitlisted": { "$gt": 0 } } ] } }
            ]
            """,
            MongoRegistrationStore.ActiveCountsPipeline);
    }

    // ---- indexes ----

    [Fact]
    public void Indexes_AreTheUniqueRegistrationTheWaitingListTheUsersListAndTheRecentChanges_EachNamed()
    {
        var indexes = MongoRegistrationStore.Indexes;

        Assert.Equal(4, indexes.Count);
        AssertBson("""{ "workshopId": 1, "userId": 1 }""", indexes[0].Keys.Render(Args));
        Assert.Equal("workshopId_userId_unique", indexes[0].Options.Name);
        Assert.True(indexes[0].Options.Unique);
        AssertBson("""{ "workshopId": 1, "status": 1, "queueTicket": 1 }""", indexes[1].Keys.Render(Args));
        Assert.Equal("workshopId_status_queueTicket", indexes[1].Options.Name);
        Assert.NotEqual(true, indexes[1].Options.Unique);
        AssertBson("""{ "userId": 1, "updatedAt": -1 }""", indexes[2].Keys.Render(Args));
        Assert.Equal("userId_updatedAt", indexes[2].Options.Name);
        Assert.NotEqual(true, indexes[2].Options.Unique);
        AssertBson("""{ "updatedAt": 1 }""", indexes[3].Keys.Render(Args));
        Assert.Equal("updatedAt", indexes[3].Options.Name);
    }

    [Fact]
    public void ListForCalendar_MatchesTheUsersConfirmed_AndCancelledWhoseLastEntryIsTheWorkshopsCancellation_LatestChangedFirst()
    {
        var filter = MongoRegistrationStore.CalendarOf(UserId).Render(Args);
        var sort = MongoRegistrationStore.LatestChangedFirst.Render(Args);

        AssertBson($$"""
            {
              "userId": UUID("{{UserId}}"),
              "$or": [
                { "status": "confirmed" },
                { "status": "cancelled", "$expr": { "$let": { "vars": { "last": { "$arrayElemAt": ["$history", -1] } }, "in": { "$eq": ["$$last.cause", "workshop.cancelled"] } } } }
              ]
            }
            """, filter);
        AssertBson("""{ "updatedAt": -1, "_id": -1 }""", sort);
    }

    [Fact]
    public void ChangedSince_MatchesUpdatesAtOrAfterTheTime_ToTheMillisecond()
    {
        var since = new DateTime(2026, 12, 1, 9, 30, 0, 123, DateTimeKind.Utc).AddTicks(4567);

        AssertBson("""{ "updatedAt": { "$gte": { "$date": "2026-12-01T09:30:00.123Z" } } }""", MongoRegistrationStore.ChangedSince(since).Render(Args));
    }

    // ---- what the memory store must agree with ----

    [Fact]
    public void GuidOrder_OfTheMemoryStore_IsTheByteOrderMongoDbSortsStandardUuidsBy()
    {
        // MongoDB orders binary values of one length and subtype by their bytes; the memory store breaks ties with Guid.CompareTo.
        var random = new Random(20260301);
        for (var i = 0; i < 10_000; i++)
        {
            var left = new Guid(RandomBytes(random, i));
            var right = new Guid(RandomBytes(random, i));
            var byBytes = ((ReadOnlySpan<byte>)left.ToByteArray(bigEndian: true)).SequenceCompareTo(right.ToByteArray(bigEndian: true));

            Assert.Equal(Math.Sign(byBytes), Math.Sign(left.CompareTo(right)));
        }

        Assert.Equal(
            new BsonBinaryData(Guid.Parse("00000000-0000-0000-0000-000000000001"), GuidRepresentation.Standard).Bytes,
            [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    }

    [Fact]
    public void DuplicateKey_IsRecognisedFromAWriteErrorOrACommandError_AndNothingElse()
    {
        var connection = new ConnectionId(new ServerId(new ClusterId(), new DnsEndPoint("localhost", 27017)));

        var command = new BsonDocument("insert", "registrations");

        Assert.True(MongoErrors.IsDuplicateKey(new MongoCommandException(connection, "E11000", command, new BsonDocument("code", 11000))));
        Assert.False(MongoErrors.IsDuplicateKey(new MongoCommandException(connection, "other", command, new BsonDocument("code", 2))));
        Assert.False(MongoErrors.IsDuplicateKey(new MongoCommandException(connection, "no reply", command)));
        Assert.True(MongoErrors.IsDuplicateKey(WriteException(connection, ServerErrorCategory.DuplicateKey, 11000)));
        Assert.False(MongoErrors.IsDuplicateKey(WriteException(connection, ServerErrorCategory.Uncategorized, 2)));
        Assert.False(MongoErrors.IsDuplicateKey(new MongoConnectionException(connection, "gone")));
    }

    // ---- helpers ----

    private static List<BsonDocument> Render<TOutput>(PipelineDefinition<RegistrationDocument, TOutput> pipeline) =>
        [.. pipeline.Render(Args).Documents];

    private static void AssertPipeline<TOutput>(string expectedJson, PipelineDefinition<RegistrationDocument, TOutput> pipeline) =>
        AssertBson(expectedJson, new BsonArray(Render(pipeline)));

    private static byte[] RandomBytes(Random random, int i)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        // Some pairs share their leading bytes, so the later fields decide too.
        if (i % 3 == 0)
        {
            Array.Clear(bytes, 0, 8);
        }

        return bytes;
    }

    // WriteError has no public constructor: the driver builds it from the server's reply.
    private static MongoWriteException WriteException(ConnectionId connection, ServerErrorCategory category, int code)
    {
        var error = (WriteError)Activator.CreateInstance(
            typeof(WriteError), BindingFlags.Instance | BindingFlags.NonPublic, null, [category, code, "E11000 duplicate key", new BsonDocument()], null)!;
        return new MongoWriteException(connection, error, null, null);
    }
}
