using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Registrations;

using static SkillHub.Functions.Tests.Registrations.RegistrationBson;

namespace SkillHub.Functions.Tests.Registrations;

/// <summary>
/// Every BSON document class of the registrations collection, through the driver's own serializer:
/// to BSON bytes, the bytes read back as raw BSON (standard UUIDs, UTC dates to the millisecond,
/// string statuses, 64-bit tickets) and as the class again, which maps back to what was stored.
/// </summary>
public sealed class RegistrationDocumentBsonTests
{
    public RegistrationDocumentBsonTests() => DocumentSerialization.Ensure();

    [Fact]
    public void Registration_RoundTripsThroughBson_WithStandardUuidsUtcMillisecondsAndStringStatuses()
    {
        var registration = new Registration(
            RegistrationId,
            WorkshopId,
            UserId,
            RegistrationStatus.Confirmed,
            long.MaxValue,
            At,
            DateTime.SpecifyKind(At.AddMinutes(1), DateTimeKind.Unspecified),
            [
                new HistoryEntry(At, RegistrationStatus.Waitlisted, null, null),
                new HistoryEntry(At.AddMinutes(1), RegistrationStatus.Confirmed, AdminId, "a seat was freed"),
            ]);

        var (raw, back) = RoundTrip(MongoRegistrationStore.ToDocument(registration));

        AssertBson(
            $$"""
            {
              "_id": UUID("{{RegistrationId}}"),
              "workshopId": UUID("{{WorkshopId}}"),
              "userId": UUID("{{UserId}}"),
              "status": "confirmed",
              "queueTicket": NumberLong("9223372036854775807"),
              "createdAt": ISODate("2026-03-01T09:30:15.123Z"),
              "updatedAt": ISODate("2026-03-01T09:31:15.123Z"),
              "history": [
                { "at": ISODate("2026-03-01T09:30:15.123Z"), "status": "waitlisted", "by": null, "reason": null },
                { "at": ISODate("2026-03-01T09:31:15.123Z"), "status": "confirmed", "by": UUID("{{AdminId}}"), "reason": "a seat was freed" }
              ]
            }
            """,
            raw);
        Assert.All(
            [raw["_id"], raw["workshopId"], raw["userId"], raw["history"][1]["by"]],
            id => Assert.Equal(BsonBinarySubType.UuidStandard, id.AsBsonBinaryData.SubType));

        var mapped = MongoRegistrationStore.ToRegistration(back);
        var milliseconds = At.AddTicks(-4567);
        Assert.Equal(
            registration with { CreatedAt = milliseconds, UpdatedAt = milliseconds.AddMinutes(1), History = [] },
            mapped with { History = [] });
        Assert.Equal(
            [
                new HistoryEntry(milliseconds, RegistrationStatus.Waitlisted, null, null),
                new HistoryEntry(milliseconds.AddMinutes(1), RegistrationStatus.Confirmed, AdminId, "a seat was freed"),
            ],
            mapped.History);
        Assert.All([mapped.CreatedAt, mapped.UpdatedAt, .. mapped.History.Select(h => h.At)], date => Assert.Equal(DateTimeKind.Utc, date.Kind));
    }

    [Fact]
    public void Registration_WithTheEmptyId_KeepsIt()
    {
        var document = MongoRegistrationStore.ToDocument(
            new Registration(Guid.Empty, WorkshopId, UserId, RegistrationStatus.Waitlisted, 1, At, At, []));

        var classMap = BsonClassMap.LookupClassMap(typeof(RegistrationDocument));
        var (raw, back) = RoundTrip(document);

        Assert.False(classMap.IdMemberMap.IdGenerator.IsEmpty(document.Id));
        Assert.Equal(new BsonBinaryData(Guid.Empty, GuidRepresentation.Standard), raw["_id"]);
        Assert.Equal(Guid.Empty, back.Id);
        Assert.Empty(back.History);
    }

    [Fact]
    public void Registration_WithFieldsAddedByALaterVersion_StillReads_InTheDocumentAndItsHistory()
    {
        var raw = MongoRegistrationStore.ToDocument(
            new Registration(RegistrationId, WorkshopId, UserId, RegistrationStatus.Confirmed, 3, At, At, [new HistoryEntry(At, RegistrationStatus.Confirmed, null, null)]))
            .ToBsonDocument();
        raw.Add("addedLater", "x");
        raw["history"][0].AsBsonDocument.Add("channel", "mobile");

        var back = MongoRegistrationStore.ToRegistration(BsonSerializer.Deserialize<RegistrationDocument>(raw));

        Assert.Equal((RegistrationId, RegistrationStatus.Confirmed), (back.Id, back.Status));
        Assert.Equal(RegistrationStatus.Confirmed, Assert.Single(back.History).Status);
    }

    [Fact]
    public void HistoryEntry_RoundTripsThroughBson()
    {
        var (raw, back) = RoundTrip(MongoRegistrationStore.ToDocument(new HistoryEntry(At, RegistrationStatus.Cancelled, UserId, "changed my mind")));

        AssertBson($$"""{ "at": ISODate("2026-03-01T09:30:15.123Z"), "status": "cancelled", "by": UUID("{{UserId}}"), "reason": "changed my mind" }""", raw);
        Assert.Equal(At.AddTicks(-4567), back.At);
        Assert.Equal(DateTimeKind.Utc, back.At.Kind);
        Assert.Equal(RegistrationStatus.Cancelled, back.Status);
        Assert.Equal(UserId, back.By);
        Assert.Equal("changed my mind", back.Reason);
    }

    [Fact]
    public void RegistrationEvent_RoundTripsThroughBson()
    {
        var (raw, back) = RoundTrip(new RegistrationEventDocument
        {
            RegistrationId = RegistrationId,
            UserId = UserId,
            At = RegistrationBson.At.AddTicks(-4567),
            Status = RegistrationStatus.Waitlisted,
            By = null,
            Reason = null,
        });

        AssertBson(
            $$"""
            { "at": ISODate("2026-03-01T09:30:15.123Z"), "status": "waitlisted", "by": null, "reason": null, "registrationId": UUID("{{RegistrationId}}"), "userId": UUID("{{UserId}}") }
            """,
            raw);
        Assert.Equal((RegistrationId, UserId, At.AddTicks(-4567), RegistrationStatus.Waitlisted), (back.RegistrationId, back.UserId, back.At, back.Status));
        Assert.Null(back.By);
        Assert.Null(back.Reason);
    }

    [Fact]
    public void RegistrationEvent_ReadsAProjectionWithoutByOrReason()
    {
        var projected = BsonDocument.Parse(
            $$"""{ "registrationId": UUID("{{RegistrationId}}"), "userId": UUID("{{UserId}}"), "at": ISODate("2026-03-01T09:30:15.123Z"), "status": "confirmed" }""");

        var document = BsonSerializer.Deserialize<RegistrationEventDocument>(projected);

        Assert.Equal(RegistrationId, document.RegistrationId);
        Assert.Null(document.By);
        Assert.Null(document.Reason);
    }

    [Fact]
    public void Page_RoundTripsThroughBson_WithItsTotalAndItems()
    {
        var page = new PageDocument<RegistrationDocument>
        {
            Total = [new CountDocument { Count = 41 }],
            Items = [MongoRegistrationStore.ToDocument(new Registration(RegistrationId, WorkshopId, UserId, RegistrationStatus.Confirmed, 3, At, At, []))],
        };

        var (raw, back) = RoundTrip(page);

        AssertBson(
            $$"""
            {
              "total": [ { "count": NumberLong(41) } ],
              "items": [ {
                "_id": UUID("{{RegistrationId}}"), "workshopId": UUID("{{WorkshopId}}"), "userId": UUID("{{UserId}}"),
                "status": "confirmed", "queueTicket": NumberLong(3),
                "createdAt": ISODate("2026-03-01T09:30:15.123Z"), "updatedAt": ISODate("2026-03-01T09:30:15.123Z"), "history": [] } ]
            }
            """,
            raw);
        Assert.Equal(41, Assert.Single(back.Total).Count);
        Assert.Equal(RegistrationId, Assert.Single(back.Items).Id);
    }

    [Fact]
    public void Page_ReadsTheServersFacet_WhoseCountIsA32BitInteger_OrAbsentWhenNothingMatched()
    {
        var counted = BsonSerializer.Deserialize<PageDocument<RegistrationEventDocument>>(BsonDocument.Parse("""{ "total": [ { "count": 7 } ], "items": [] }"""));
        var none = BsonSerializer.Deserialize<PageDocument<RegistrationEventDocument>>(BsonDocument.Parse("""{ "total": [], "items": [] }"""));
        var totalOnly = BsonSerializer.Deserialize<PageDocument<RegistrationEventDocument>>(BsonDocument.Parse("""{ "total": [ { "count": 2 } ] }"""));

        Assert.Equal(7, Assert.Single(counted.Total).Count);
        Assert.Empty(none.Total);
        Assert.Empty(totalOnly.Items);
    }

    [Fact]
    public void StatusCount_RoundTripsThroughBson_KeyedByTheStatusString()
    {
        var (raw, back) = RoundTrip(new StatusCountDocument { Status = RegistrationStatus.Waitlisted, Count = 12 });

        AssertBson("""{ "_id": "waitlisted", "count": 12 }""", raw);
        Assert.Equal((RegistrationStatus.Waitlisted, 12), (back.Status, back.Count));
    }

    [Fact]
    public void WorkshopCounts_RoundTripsThroughBson_KeyedByTheWorkshopsStandardUuid()
    {
        var (raw, back) = RoundTrip(new WorkshopCountsDocument { WorkshopId = WorkshopId, Confirmed = 3, Waitlisted = 2, Cancelled = 1 });

        AssertBson($$"""{ "_id": UUID("{{WorkshopId}}"), "confirmed": 3, "waitlisted": 2, "cancelled": 1 }""", raw);
        Assert.Equal(BsonBinarySubType.UuidStandard, raw["_id"].AsBsonBinaryData.SubType);
        Assert.Equal((WorkshopId, 3, 2, 1), (back.WorkshopId, back.Confirmed, back.Waitlisted, back.Cancelled));
    }

    private static (BsonDocument Raw, T Back) RoundTrip<T>(T document)
    {
        var bytes = document.ToBson();
        return (BsonSerializer.Deserialize<BsonDocument>(bytes), BsonSerializer.Deserialize<T>(bytes));
    }
}
