using System.Text;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Comments;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Registrations;
using SkillHub.Standalone.Documents;

namespace SkillHub.Functions.Tests.Backups;

/// <summary>The one backup format of the document collections, produced and read by the in-memory stores.</summary>
public sealed class DocumentBackupTests
{
    internal static readonly DateTime At = new(2025, 3, 14, 9, 26, 53, 589, DateTimeKind.Utc);

    internal static readonly Registration KnownRegistration = new(
        Guid.Parse("0195a3b2-1c4d-7e8f-9a0b-1c2d3e4f5a6b"),
        Guid.Parse("11111111-2222-4333-8444-555555555555"),
        Guid.Parse("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"),
        RegistrationStatus.Confirmed,
        7,
        At,
        At.AddSeconds(1),
        [
            new HistoryEntry(At, RegistrationStatus.Waitlisted, null, null),
            new HistoryEntry(At.AddSeconds(1), RegistrationStatus.Confirmed, Guid.Parse("cccccccc-dddd-4eee-8fff-000000000000"), "promoted"),
        ]);

    /// <summary>The known registration exactly as every backup file holds it: relaxed Extended JSON v2 on one line.</summary>
    internal const string KnownRegistrationJson =
        """{ "_id" : { "$uuid" : "0195a3b2-1c4d-7e8f-9a0b-1c2d3e4f5a6b" }, """
        + "\"workshopId\" : { \"$uuid\" : \"11111111-2222-4333-8444-555555555555\" }, "
        + "\"userId\" : { \"$uuid\" : \"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee\" }, "
        + "\"status\" : \"confirmed\", \"queueTicket\" : 7, "
        + "\"createdAt\" : { \"$date\" : \"2025-03-14T09:26:53.589Z\" }, \"updatedAt\" : { \"$date\" : \"2025-03-14T09:26:54.589Z\" }, "
        + "\"history\" : [{ \"at\" : { \"$date\" : \"2025-03-14T09:26:53.589Z\" }, \"status\" : \"waitlisted\", \"by\" : null, \"reason\" : null }, "
        + """{ "at" : { "$date" : "2025-03-14T09:26:54.589Z" }, "status" : "confirmed", "by" : { "$uuid" : "cccccccc-dddd-4eee-8fff-000000000000" }, "reason" : "promoted" }] }""";

    internal static readonly Comment KnownComment = new(
        Guid.Parse("22222222-3333-4444-8555-666666666666"),
        Guid.Parse("11111111-2222-4333-8444-555555555555"),
        new CommentAuthor(Guid.Parse("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"), "Zoé \"Z\""),
        "Great <b>workshop</b>\n",
        5,
        At,
        At,
        Hidden: true,
        HiddenBy: Guid.Parse("cccccccc-dddd-4eee-8fff-000000000000"),
        HiddenAt: At.AddMinutes(1));

    internal const string KnownCommentJson =
        """{ "_id" : { "$uuid" : "22222222-3333-4444-8555-666666666666" }, """
        + "\"workshopId\" : { \"$uuid\" : \"11111111-2222-4333-8444-555555555555\" }, "
        + "\"author\" : { \"id\" : { \"$uuid\" : \"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee\" }, \"displayName\" : \"Zoé \\\"Z\\\"\" }, "
        + "\"body\" : \"Great <b>workshop</b>\\n\", \"rating\" : 5, "
        + "\"createdAt\" : { \"$date\" : \"2025-03-14T09:26:53.589Z\" }, \"updatedAt\" : { \"$date\" : \"2025-03-14T09:26:53.589Z\" }, \"hidden\" : true, "
        + "\"hiddenBy\" : { \"$uuid\" : \"cccccccc-dddd-4eee-8fff-000000000000\" }, \"hiddenAt\" : { \"$date\" : \"2025-03-14T09:27:53.589Z\" } }";

    internal static readonly ActivityEntry KnownEntry = new(
        Guid.Parse("0195a3b2-1c4d-7e8f-9a0b-1c2d3e4f5a6b"),
        At,
        new ActivityActor(Guid.Parse("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"), "admin"),
        "workshop.publish",
        new ActivityTarget("workshop", "11111111-2222-4333-8444-555555555555"),
        "203.0.113.7",
        "00-abc-def-01",
        new SortedDictionary<string, string>(StringComparer.Ordinal) { ["title"] = "Intro", ["capacity"] = "12" });

    internal const string KnownEntryJson =
        """{ "_id" : { "$uuid" : "0195a3b2-1c4d-7e8f-9a0b-1c2d3e4f5a6b" }, "at" : { "$date" : "2025-03-14T09:26:53.589Z" }, """
        + "\"actor\" : { \"id\" : { \"$uuid\" : \"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee\" }, \"role\" : \"admin\" }, "
        + "\"action\" : \"workshop.publish\", \"target\" : { \"type\" : \"workshop\", \"id\" : \"11111111-2222-4333-8444-555555555555\" }, "
        + "\"ip\" : \"203.0.113.7\", \"traceId\" : \"00-abc-def-01\", \"details\" : { \"capacity\" : \"12\", \"title\" : \"Intro\" } }";

    [Fact]
    public async Task MemoryExport_OfAKnownRegistration_IsThisExactExtendedJson()
    {
        var store = new MemoryRegistrationStore();
        await store.InsertAsync(KnownRegistration, CancellationToken.None);

        var (count, text) = await ExportAsync(new MemoryRegistrationBackup(store));

        Assert.Equal(1, count);
        Assert.Equal("[\n" + KnownRegistrationJson + "\n]", text);
    }

    [Fact]
    public async Task MemoryExport_OfAKnownComment_IsThisExactExtendedJson()
    {
        var store = new MemoryCommentStore();
        await store.InsertAsync(KnownComment, CancellationToken.None);

        var (count, text) = await ExportAsync(new MemoryCommentBackup(store));

        Assert.Equal(1, count);
        Assert.Equal("[\n" + KnownCommentJson + "\n]", text);
    }

    [Fact]
    public async Task MemoryExport_OfAKnownActivityEntry_IsThisExactExtendedJson()
    {
        var log = new MemoryActivityLog();
        await log.AppendAsync(KnownEntry, CancellationToken.None);

        var (count, text) = await ExportAsync(new MemoryActivityLogBackup(log));

        Assert.Equal(1, count);
        Assert.Equal("[\n" + KnownEntryJson + "\n]", text);
    }

    [Fact]
    public async Task ImportingTheKnownText_IntoFreshMemoryStores_GivesEqualDocuments()
    {
        var registrations = new MemoryRegistrationStore();
        Assert.Equal(1, await new MemoryRegistrationBackup(registrations).ImportAsync(Utf8("[" + KnownRegistrationJson + "]"), CancellationToken.None));
        var registration = await registrations.FindByIdAsync(KnownRegistration.Id, CancellationToken.None);
        Assert.NotNull(registration);
        Assert.Equal(KnownRegistration with { History = [] }, registration with { History = [] });
        Assert.Equal(KnownRegistration.History, registration.History);
        Assert.All(new[] { registration.CreatedAt, registration.UpdatedAt }, d => Assert.Equal(DateTimeKind.Utc, d.Kind));

        var comments = new MemoryCommentStore();
        Assert.Equal(1, await new MemoryCommentBackup(comments).ImportAsync(Utf8("[" + KnownCommentJson + "]"), CancellationToken.None));
        Assert.Equal(KnownComment, await comments.FindAsync(KnownComment.Id, CancellationToken.None));

        var log = new MemoryActivityLog();
        Assert.Equal(1, await new MemoryActivityLogBackup(log).ImportAsync(Utf8("[" + KnownEntryJson + "]"), CancellationToken.None));
        var entry = Assert.Single(log.ExportDocuments());
        Assert.Equal(KnownEntry with { Details = EmptyDetails }, entry with { Details = EmptyDetails });
        Assert.Equal(KnownEntry.Details.OrderBy(d => d.Key), entry.Details.OrderBy(d => d.Key));
    }

    [Fact]
    public async Task Import_ReadsTheShellAndCanonicalSpellingsOfAUuidToo()
    {
        // What mongoexport (canonical) or a 3.x JsonWriter left alone (UUID("...")) would have written.
        var spelled = KnownRegistrationJson
            .Replace("""{ "$uuid" : "0195a3b2-1c4d-7e8f-9a0b-1c2d3e4f5a6b" }""", """UUID("0195a3b2-1c4d-7e8f-9a0b-1c2d3e4f5a6b")""", StringComparison.Ordinal)
            .Replace("""{ "$uuid" : "11111111-2222-4333-8444-555555555555" }""", """{ "$binary" : { "base64" : "ERERESIiQzOERFVVVVVVVQ==", "subType" : "04" } }""", StringComparison.Ordinal)
            .Replace("\"queueTicket\" : 7", "\"queueTicket\" : { \"$numberLong\" : \"7\" }", StringComparison.Ordinal);
        var store = new MemoryRegistrationStore();
        var backup = new MemoryRegistrationBackup(store);

        await backup.ImportAsync(Utf8("[" + spelled + "]"), CancellationToken.None);

        Assert.Equal("[\n" + KnownRegistrationJson + "\n]", (await ExportAsync(backup)).Text);
    }

    [Fact]
    public async Task RoundTrip_Registrations_ExportImportExport_IsByteIdentical()
    {
        var store = new MemoryRegistrationStore();
        await store.InsertAsync(KnownRegistration, CancellationToken.None);
        for (var i = 0; i < 25; i++)
        {
            await store.InsertAsync(
                new Registration(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), RegistrationStatus.Waitlisted, i, At.AddTicks(i * 12_345), At.AddDays(i), [new HistoryEntry(At, RegistrationStatus.Waitlisted, null, null)]),
                CancellationToken.None);
        }

        await AssertRoundTripAsync(new MemoryRegistrationBackup(store), new MemoryRegistrationBackup(new MemoryRegistrationStore()), 26);
    }

    [Fact]
    public async Task RoundTrip_Comments_ExportImportExport_IsByteIdentical()
    {
        var store = new MemoryCommentStore();
        await store.InsertAsync(KnownComment, CancellationToken.None);
        for (var i = 0; i < 25; i++)
        {
            await store.InsertAsync(
                new Comment(Guid.NewGuid(), KnownComment.WorkshopId, new CommentAuthor(Guid.NewGuid(), $"User {i}"), $"Body {i} ✓", i % 2 == 0 ? null : 3, At.AddTicks(i * 7), At),
                CancellationToken.None);
        }

        await AssertRoundTripAsync(new MemoryCommentBackup(store), new MemoryCommentBackup(new MemoryCommentStore()), 26);
    }

    [Fact]
    public async Task RoundTrip_ActivityLog_ExportImportExport_IsByteIdentical()
    {
        var log = new MemoryActivityLog();
        await log.AppendAsync(KnownEntry, CancellationToken.None);
        for (var i = 0; i < 25; i++)
        {
            await log.AppendAsync(
                ActivityEntry.Create(At.AddSeconds(i), null, "system.reconcile", new ActivityTarget("workshop", null), null, null, new Dictionary<string, string> { ["n"] = $"{i}" }),
                CancellationToken.None);
        }

        await AssertRoundTripAsync(new MemoryActivityLogBackup(log), new MemoryActivityLogBackup(new MemoryActivityLog()), 26);
    }

    [Fact]
    public async Task EmptyCollections_ExportAnEmptyArray_AndImportingOneEmptiesTheStore()
    {
        var registrations = new MemoryRegistrationStore();
        var comments = new MemoryCommentStore();
        var log = new MemoryActivityLog();
        IDocumentCollectionBackup[] backups = [new MemoryRegistrationBackup(registrations), new MemoryCommentBackup(comments), new MemoryActivityLogBackup(log)];
        foreach (var backup in backups)
        {
            Assert.Equal((0L, "[]"), await ExportAsync(backup));
        }

        await registrations.InsertAsync(KnownRegistration, CancellationToken.None);
        await comments.InsertAsync(KnownComment, CancellationToken.None);
        await log.AppendAsync(KnownEntry, CancellationToken.None);
        foreach (var backup in backups)
        {
            Assert.Equal(1, await backup.CountAsync(CancellationToken.None));
            Assert.Equal(0, await backup.ImportAsync(Utf8(" [ ]\n"), CancellationToken.None));
            Assert.Equal(0, await backup.CountAsync(CancellationToken.None));
        }
    }

    [Fact]
    public async Task Import_ReplacesWhatWasThere_AndCountsWhatItRead()
    {
        var store = new MemoryRegistrationStore();
        await store.InsertAsync(KnownRegistration with { Id = Guid.NewGuid(), UserId = Guid.NewGuid() }, CancellationToken.None);
        var backup = new MemoryRegistrationBackup(store);

        Assert.Equal(1, await backup.ImportAsync(Utf8("[" + KnownRegistrationJson + "]"), CancellationToken.None));

        Assert.Equal(1, await backup.CountAsync(CancellationToken.None));
        Assert.Equal(KnownRegistration.Id, Assert.Single(store.ExportDocuments()).Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("[{ \"_id\" : 1 ")]
    [InlineData("[] []")]
    [InlineData("[{ \"_id\" : \"not a uuid\" }]")]
    public async Task AMalformedFile_IsRefused_AndChangesNothing(string text)
    {
        var store = new MemoryRegistrationStore();
        await store.InsertAsync(KnownRegistration, CancellationToken.None);
        var backup = new MemoryRegistrationBackup(store);

        await Assert.ThrowsAsync<InvalidDataException>(() => backup.ImportAsync(Utf8(text), CancellationToken.None));

        Assert.Equal(1, await backup.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AFileRepeatingAUniqueKey_IsRefusedByTheMemoryStore_AndChangesNothing()
    {
        var store = new MemoryRegistrationStore();
        var other = KnownRegistration with { Id = Guid.NewGuid(), UserId = Guid.NewGuid() };
        await store.InsertAsync(other, CancellationToken.None);
        var backup = new MemoryRegistrationBackup(store);
        var sameUserTwice = "[" + KnownRegistrationJson + ",\n" + KnownRegistrationJson.Replace("0195a3b2-1c4d-7e8f-9a0b-1c2d3e4f5a6b", "0195a3b2-1c4d-7e8f-9a0b-1c2d3e4f5a6c", StringComparison.Ordinal) + "]";

        await Assert.ThrowsAsync<DuplicateDocumentException>(() => backup.ImportAsync(Utf8(sameUserTwice), CancellationToken.None));

        Assert.Equal(other.Id, Assert.Single(store.ExportDocuments()).Id);
    }

    [Fact]
    public async Task Export_IsSortedAsMongoDbSortsUuids_WhateverTheInsertOrder()
    {
        var store = new MemoryCommentStore();
        var ids = new[] { "ff000000-0000-4000-8000-000000000000", "00000000-0000-4000-8000-0000000000ff", "0f000000-0000-4000-8000-000000000000" }.Select(Guid.Parse).ToList();
        foreach (var id in ids)
        {
            await store.InsertAsync(KnownComment with { Id = id }, CancellationToken.None);
        }

        Assert.Equal(
            ids.OrderBy(id => id.ToString("N"), StringComparer.Ordinal),
            store.ExportDocuments().Select(c => c.Id));
    }

    [Fact]
    public void CollectionNames_AreTheFilesOfTheIssue()
    {
        Assert.Equal("registrations", new MemoryRegistrationBackup(new MemoryRegistrationStore()).CollectionName);
        Assert.Equal("comments", new MemoryCommentBackup(new MemoryCommentStore()).CollectionName);
        Assert.Equal("activity_logs", new MemoryActivityLogBackup(new MemoryActivityLog()).CollectionName);
    }

    internal static async Task<(long Count, string Text)> ExportAsync(IDocumentCollectionBackup backup)
    {
        using var stream = new MemoryStream();
        var count = await backup.ExportAsync(stream, CancellationToken.None);
        return (count, Encoding.UTF8.GetString(stream.ToArray()));
    }

    internal static async Task AssertRoundTripAsync(IDocumentCollectionBackup source, IDocumentCollectionBackup target, long expected)
    {
        using var first = new MemoryStream();
        Assert.Equal(expected, await source.ExportAsync(first, CancellationToken.None));
        first.Position = 0;
        Assert.Equal(expected, await target.ImportAsync(first, CancellationToken.None));
        Assert.Equal(expected, await target.CountAsync(CancellationToken.None));
        using var second = new MemoryStream();
        Assert.Equal(expected, await target.ExportAsync(second, CancellationToken.None));
        Assert.Equal(Encoding.UTF8.GetString(first.ToArray()), Encoding.UTF8.GetString(second.ToArray()));
        Assert.Equal(first.ToArray(), second.ToArray());
    }

    internal static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    private static readonly IReadOnlyDictionary<string, string> EmptyDetails = new Dictionary<string, string>();
}
