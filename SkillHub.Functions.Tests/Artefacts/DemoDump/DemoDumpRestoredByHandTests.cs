using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Infrastructure.Json;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Backups;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Users;

namespace SkillHub.Functions.Tests.Artefacts.DemoDump;

/// <summary>
/// data/ restored the way the README gives for a person without the app's restore: plain psql into
/// an empty database, each mongo_*.json loaded into its collection (here the memory store, through
/// the collection's own import, as restore does; mongoimport is not installed on this machine), then
/// served by the app.
/// </summary>
public sealed class DemoDumpRestoredByHandTests(DemoDumpRestoredByHandTests.RestoredDump dump) : IClassFixture<DemoDumpRestoredByHandTests.RestoredDump>
{
    private static readonly string Data = Repository.DataDirectory;

    public sealed class RestoredDump : IAsyncLifetime
    {
        private BareDatabase? _database;
        private AppInstance? _app;

        public BareDatabase Database => _database!;

        public AppInstance App => _app!;

        public BackupSet Manifest { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await using (var stream = File.OpenRead(Path.Combine(Data, DemoExport.ManifestFile)))
            {
                Manifest = (await JsonSerializer.DeserializeAsync<BackupSet>(stream, JsonDefaults.Options))!;
            }

            _database = await BareDatabase.CreateAsync();
            var (exitCode, output) = await PostgresSnapshot.RunPsqlAsync(_database.ConnectionString, Path.Combine(Data, DemoExport.PostgresFile));
            Assert.True(exitCode == 0, $"psql -v ON_ERROR_STOP=1 -f data/{DemoExport.PostgresFile} into an empty database: {output}");
            _app = await AppInstance.StartAsync(_database.ConnectionString);
            foreach (var collection in _app.Services.GetServices<IDocumentCollectionBackup>())
            {
                await using var file = File.OpenRead(Path.Combine(Data, BackupService.FileOf(collection)));
                await collection.ImportAsync(file, CancellationToken.None);
            }
        }

        public async Task DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }

            if (_database is not null)
            {
                await _database.DisposeAsync();
            }
        }

        public async Task<JsonElement> GetAsAdminAsync(string path)
        {
            var admin = await App.Services.GetRequiredService<IUserStore>().FindByEmailAsync("admin@skillhub.demo", CancellationToken.None);
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (await TestSessions.StartAsync(App.Services, admin!.Id, Roles.Admin)).AccessToken);
            using var response = await App.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await AppFixture.ReadJsonAsync(response);
        }
    }

    [Fact]
    public async Task UpcomingWorkshopsOfTheDump_StartAYearOrMoreAfterItWasGenerated()
    {
        var generated = dump.Manifest.CreatedAt;
        await using var connection = await dump.Database.DataSource.OpenConnectionAsync();
        var starts = (await connection.QueryAsync<DateTime>("SELECT starts_at FROM workshops")).Select(s => DateTime.SpecifyKind(s, DateTimeKind.Utc)).ToList();

        var upcoming = starts.Where(s => s > generated).ToList();
        Assert.True(upcoming.Count >= 10, $"{upcoming.Count} upcoming workshops in the dump");
        Assert.All(upcoming, s => Assert.True(s >= generated.AddMonths(12), $"A workshop of the dump starts on {s:O}, less than a year after the dump ({generated:O})."));
        Assert.True(starts.Count(s => s < generated) >= 3, "The dump keeps its past.");
    }

    [Fact]
    public async Task TheFullWorkshop_ServesItsWaitingList_AndTheRegistrationCancelledTwiceKeepsItsHistory()
    {
        var listed = await dump.GetAsAdminAsync("/api/workshops?pageSize=100");
        var full = Assert.Single(listed.GetProperty("items").EnumerateArray(), w => w.GetProperty("availableSeats").GetInt32() == 0 && w.GetProperty("startsAt").GetDateTime() > DateTime.UtcNow);

        var registrations = await dump.GetAsAdminAsync($"/api/workshops/{full.GetProperty("id").GetString()}/registrations?pageSize=100");

        var items = registrations.GetProperty("items").EnumerateArray().ToList();
        var waiting = items.Where(r => r.GetProperty("status").GetString() == "waitlisted").Select(r => r.GetProperty("waitlistPosition").GetInt32()).ToList();
        Assert.True(waiting.Count >= 2, $"{waiting.Count} on the waiting list");
        Assert.Equal(Enumerable.Range(1, waiting.Count), waiting.Order());
        Assert.Contains(items, r => r.GetProperty("status").GetString() == "cancelled" && r.GetProperty("history").GetArrayLength() >= 4);
        Assert.Contains(items, r => r.GetProperty("history").EnumerateArray().Any(h => h.GetProperty("reason").ValueKind == JsonValueKind.String && h.GetProperty("reason").GetString() == Registration.PromotionReason));
    }

    [Fact]
    public async Task TheCancelledWorkshop_IsServedWithItsReason()
    {
        var cancelled = await dump.GetAsAdminAsync("/api/workshops?status=cancelled");

        var workshop = Assert.Single(cancelled.GetProperty("items").EnumerateArray());
        Assert.False(string.IsNullOrWhiteSpace(workshop.GetProperty("cancellationReason").GetString()));
        Assert.Single((await dump.GetAsAdminAsync("/api/workshops?status=draft")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task PastWorkshops_ServeTheirRatedComments_ButNotTheHiddenOne()
    {
        var listed = await dump.GetAsAdminAsync("/api/workshops?pageSize=100");
        var rated = listed.GetProperty("items").EnumerateArray().Where(w => w.GetProperty("rating").GetProperty("count").GetInt32() > 0).ToList();
        Assert.True(rated.Count >= 3, $"{rated.Count} rated workshops");

        var shown = new List<JsonElement>();
        foreach (var workshop in rated)
        {
            var comments = await dump.GetAsAdminAsync($"/api/workshops/{workshop.GetProperty("id").GetString()}/comments?pageSize=100");
            var items = comments.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(workshop.GetProperty("rating").GetProperty("count").GetInt32(), items.Count(c => c.GetProperty("rating").ValueKind == JsonValueKind.Number));
            shown.AddRange(items);
        }

        using var documents = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Data, "mongo_comments.json")));
        var hidden = Assert.Single(documents.RootElement.EnumerateArray(), c => c.GetProperty("hidden").GetBoolean());
        Assert.DoesNotContain(shown, c => c.GetProperty("body").GetString() == hidden.GetProperty("body").GetString());
    }

    /// <summary>
    /// What mongoimport --jsonArray accepts, as read in mongodb/mongo-tools: mongoimport/json.go hands
    /// each element to the Go driver's bson.UnmarshalExtJSON (vendor/go.mongodb.org/mongo-driver/v2/bson/extjson_parser.go),
    /// which takes <c>{"$uuid": s}</c> only with s 36 characters, hyphens at 8, 13, 18 and 23 and hex
    /// elsewhere, and (extjson_wrappers.go) a <c>$date</c> string in RFC 3339 with a Z or numeric offset.
    /// </summary>
    [Fact]
    public async Task EveryJsonDump_IsAnArrayOfDocuments_WhoseUuidsAndDatesHaveTheFormMongoimportParses()
    {
        var uuids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in new[] { "mongo_registrations.json", "mongo_comments.json", "mongo_activity_logs.json" })
        {
            using var file = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Data, name)));
            Assert.Equal(JsonValueKind.Array, file.RootElement.ValueKind);
            Assert.NotEmpty(file.RootElement.EnumerateArray());
            foreach (var document in file.RootElement.EnumerateArray())
            {
                Assert.Equal(JsonValueKind.Object, document.ValueKind);
                Assert.True(document.TryGetProperty("_id", out var id) && id.TryGetProperty("$uuid", out _), $"{name}: a document's _id is not a $uuid");
                Walk(document, name, uuids);
            }
        }

        // The same ids, by eye, in the SQL dump.
        var sql = await File.ReadAllTextAsync(Path.Combine(Data, DemoExport.PostgresFile));
        var workshopIds = uuids.Where(u => sql.Contains(u, StringComparison.Ordinal)).ToList();
        Assert.True(workshopIds.Count >= 10, "The documents' workshop and user ids are those of the SQL rows, in the same text.");
    }

    private static void Walk(JsonElement value, string file, HashSet<string> uuids)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                Walk(item, file, uuids);
            }
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        Assert.False(value.TryGetProperty("$binary", out _), $"{file}: a UUID is still written as $binary");
        if (value.TryGetProperty("$uuid", out var uuid))
        {
            var text = uuid.GetString()!;
            Assert.True(
                text.Length == 36 && text[8] == '-' && text[13] == '-' && text[18] == '-' && text[23] == '-' && text.Replace("-", "", StringComparison.Ordinal).All(char.IsAsciiHexDigit),
                $"{file}: $uuid {text} is not in the form mongoimport parses");
            Assert.Single(value.EnumerateObject());
            uuids.Add(text);
            return;
        }

        if (value.TryGetProperty("$date", out var date))
        {
            Assert.True(
                date.ValueKind == JsonValueKind.String && DateTimeOffset.TryParseExact(date.GetString(), ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
                $"{file}: $date {date} is not an RFC 3339 string in UTC");
            Assert.Single(value.EnumerateObject());
            return;
        }

        foreach (var property in value.EnumerateObject())
        {
            Walk(property.Value, file, uuids);
        }
    }
}
