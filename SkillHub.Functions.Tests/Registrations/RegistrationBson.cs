using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;

namespace SkillHub.Functions.Tests.Registrations;

/// <summary>The fixed ids and instant the BSON tests write, and how they compare BSON with the form written out by hand.</summary>
internal static class RegistrationBson
{
    public static readonly Guid RegistrationId = Guid.Parse("0b9f2f4e-5a1c-4d3e-9f8a-1c2d3e4f5a6b");
    public static readonly Guid WorkshopId = Guid.Parse("7e1d6c2b-3a4f-4b5c-8d9e-0f1a2b3c4d5e");
    public static readonly Guid UserId = Guid.Parse("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
    public static readonly Guid AdminId = Guid.Parse("ffeeddcc-bbaa-4998-8776-554433221100");

    /// <summary>Sub-millisecond ticks included: BSON keeps milliseconds only.</summary>
    public static readonly DateTime At = new DateTime(2026, 3, 1, 9, 30, 15, 123, DateTimeKind.Utc).AddTicks(4567);

    /// <summary>Compares the shell forms first, for a readable difference, then the values, types included.</summary>
    public static void AssertBson(string expectedJson, BsonValue actual)
    {
        var expected = expectedJson.TrimStart().StartsWith('[')
            ? BsonSerializer.Deserialize<BsonArray>(expectedJson)
            : (BsonValue)BsonDocument.Parse(expectedJson);
        var shell = new JsonWriterSettings { OutputMode = JsonOutputMode.Shell };
        Assert.Equal(expected.ToJson(shell), actual.ToJson(shell));
        Assert.Equal(expected, actual);
    }
}
