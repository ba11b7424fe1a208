using System.Net;
using System.Text.Json;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Workshops;

/// <summary>
/// GET /api/workshops over real HTTP: paging, filters, search and sort. Each test lists the
/// workshops of a trainer of its own (trainerId), so tests of this class never see each other's rows.
/// </summary>
public sealed class WorkshopListTests(AppFixture app) : IClassFixture<AppFixture>
{
    // ---- paging ----

    [Fact]
    public async Task List_PagesThroughEveryWorkshop_WithTheTotal()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var ids = new List<Guid>();
        for (var i = 0; i < 25; i++)
        {
            ids.Add(await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published", startsAt: WorkshopTestData.InDays(10 + i)));
        }

        var first = await ListAsync($"trainerId={trainer.Id}&page=1&pageSize=10");
        var third = await ListAsync($"trainerId={trainer.Id}&page=3&pageSize=10");
        var defaults = await ListAsync($"trainerId={trainer.Id}");

        Assert.Equal((1, 10, 25L), (first.GetProperty("page").GetInt32(), first.GetProperty("pageSize").GetInt32(), first.GetProperty("total").GetInt64()));
        Assert.Equal(ids.Take(10), IdsOf(first));
        Assert.Equal((3, 10, 25L), (third.GetProperty("page").GetInt32(), third.GetProperty("pageSize").GetInt32(), third.GetProperty("total").GetInt64()));
        Assert.Equal(ids.Skip(20), IdsOf(third));
        Assert.Equal((1, 20, 25L), (defaults.GetProperty("page").GetInt32(), defaults.GetProperty("pageSize").GetInt32(), defaults.GetProperty("total").GetInt64()));
        Assert.Equal(ids.Take(20), IdsOf(defaults));
    }

    [Fact]
    public async Task List_PastTheLastPage_AnswersNoItemsButTheTotal()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published");

        var page = await ListAsync($"trainerId={trainer.Id}&page=5&pageSize=100");

        Assert.Empty(IdsOf(page));
        Assert.Equal(1, page.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=-1", "pageSize")]
    [InlineData("pageSize=x", "pageSize")]
    [InlineData("pageSize=1.5", "pageSize")]
    [InlineData("pageSize=", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("page=x", "page")]
    public Task List_WithBadPaging_Answers400ProblemNamingTheParameter(string query, string parameter) =>
        AssertRefusedAsync(query, parameter);

    [Theory]
    [InlineData("page=1&page=2", "page")]
    [InlineData("pageSize=5&pageSize=5", "pageSize")]
    [InlineData("status=published&status=draft", "status")]
    [InlineData("q=sql&q=sql", "q")]
    [InlineData("sort=startsAt&sort=-startsAt", "sort")]
    [InlineData("available=true&available=false", "available")]
    public Task List_WithARepeatedParameter_Answers400ProblemNamingIt(string query, string parameter) =>
        AssertRefusedAsync(query, parameter);

    // ---- filters ----

    [Fact]
    public async Task List_FromAndTo_KeepStartsWithinThemBothEndsIncluded()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var (day1, day2, day3) = (WorkshopTestData.InDays(10), WorkshopTestData.InDays(11), WorkshopTestData.InDays(12));
        var first = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published", startsAt: day1);
        var second = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published", startsAt: day2);
        var third = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published", startsAt: day3);
        var scope = $"trainerId={trainer.Id}";

        var between = await ListAsync($"{scope}&from={WorkshopTestData.Timestamp(day1)}&to={WorkshopTestData.Timestamp(day2)}");
        var fromOnly = await ListAsync($"{scope}&from={WorkshopTestData.Timestamp(day2)}");
        var toOnly = await ListAsync($"{scope}&to={WorkshopTestData.Timestamp(day1)}");
        var justAfter = await ListAsync($"{scope}&from={WorkshopTestData.Timestamp(day1.AddSeconds(1))}&to={WorkshopTestData.Timestamp(day3.AddSeconds(-1))}");

        Assert.Equal([first, second], IdsOf(between));
        Assert.Equal([second, third], IdsOf(fromOnly));
        Assert.Equal([first], IdsOf(toOnly));
        Assert.Equal([second], IdsOf(justAfter));
    }

    [Fact]
    public async Task List_FromWithAnEncodedOffset_IsReadAsThatInstant()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var start = WorkshopTestData.InDays(10, hour: 9);
        var id = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published", startsAt: start);
        var local = start.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

        var atStart = await ListAsync($"trainerId={trainer.Id}&from={local}%2B02:00");
        var afterStart = await ListAsync($"trainerId={trainer.Id}&from={local}%2B01:59");

        Assert.Equal([id], IdsOf(atStart));
        Assert.Empty(IdsOf(afterStart));
    }

    [Fact]
    public Task List_FromAfterTo_Answers400ProblemNamingTo() =>
        AssertRefusedAsync("from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "to");

    [Theory]
    [InlineData("from=2026-13-45", "from")]
    [InlineData("from=2026-13-45T09:00:00Z", "from")]
    [InlineData("to=2026-12-01T09:00:00", "to")]
    [InlineData("from=2026-12-01", "from")]
    [InlineData("to=tomorrow", "to")]
    [InlineData("from=2026-12-01T09:00:00+02:00", "from")]
    public Task List_WithADateItCannotPlace_Answers400ProblemNamingIt(string query, string parameter) =>
        AssertRefusedAsync(query, parameter);

    [Fact]
    public async Task List_TrainerId_KeepsThatTrainersWorkshopsOnly()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var other = await app.CreateUserAsync(Roles.Trainer);
        var mine = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published");
        await WorkshopTestData.InsertAsync(app.Database.DataSource, other.Id, status: "published");

        var page = await ListAsync($"trainerId={trainer.Id}");

        Assert.Equal([mine], IdsOf(page));
        Assert.All(page.GetProperty("items").EnumerateArray(), item => Assert.Equal(trainer.Id, item.GetProperty("trainer").GetProperty("id").GetGuid()));
    }

    [Fact]
    public Task List_TrainerIdThatIsNotAUuid_Answers400ProblemNamingIt() =>
        AssertRefusedAsync("trainerId=42", "trainerId");

    [Theory]
    [InlineData("draft")]
    [InlineData("published")]
    [InlineData("cancelled")]
    public async Task List_Status_KeepsThatStatusOnly_ForAnAdmin(string status)
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var byStatus = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var each in new[] { "draft", "published", "cancelled" })
        {
            byStatus[each] = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: each);
        }

        var page = await ListAsync($"trainerId={trainer.Id}&status={status}", admin);

        Assert.Equal([byStatus[status]], IdsOf(page));
    }

    [Fact]
    public async Task List_StatusDraft_ForAnonymousCallers_ShowsNothing()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "draft");

        var page = await ListAsync($"trainerId={trainer.Id}&status=draft");

        Assert.Empty(IdsOf(page));
        Assert.Equal(0, page.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("status=archived", "status")]
    [InlineData("status=Published", "status")]
    [InlineData("available=yes", "available")]
    [InlineData("available=1", "available")]
    public Task List_WithAnUnknownFilterValue_Answers400ProblemNamingIt(string query, string parameter) =>
        AssertRefusedAsync(query, parameter);

    [Fact]
    public async Task List_Available_SplitsWorkshopsWithFreeSeatsFromFullOnes()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var full = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published", capacity: 10, startsAt: WorkshopTestData.InDays(10));
        var partly = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published", capacity: 10, startsAt: WorkshopTestData.InDays(11));
        var empty = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published", capacity: 5, startsAt: WorkshopTestData.InDays(12));
        await WorkshopTestData.ExecuteAsync(app.Database.DataSource, "UPDATE workshops SET seats_taken = 10 WHERE id = @full", new { full });
        await WorkshopTestData.ExecuteAsync(app.Database.DataSource, "UPDATE workshops SET seats_taken = 9 WHERE id = @partly", new { partly });

        var available = await ListAsync($"trainerId={trainer.Id}&available=true");
        var unavailable = await ListAsync($"trainerId={trainer.Id}&available=false");

        Assert.Equal([partly, empty], IdsOf(available));
        Assert.Equal([full], IdsOf(unavailable));
        Assert.Equal(0, unavailable.GetProperty("items")[0].GetProperty("availableSeats").GetInt32());
    }

    // ---- search ----

    [Theory]
    [InlineData("postgresql")]
    [InlineData("POSTGRESQL")]
    [InlineData("PostGre")]
    public async Task List_Q_SearchesTitleAndDescriptionWithoutCase(string q)
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var inTitle = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published", title: "Mastering PostgreSQL", startsAt: WorkshopTestData.InDays(10));
        var inDescription = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published", title: "Cluster operations",
            description: "Running POSTGRESQL on Kubernetes", startsAt: WorkshopTestData.InDays(11));
        await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published", title: "French cooking", description: "Sauces", startsAt: WorkshopTestData.InDays(12));

        var page = await ListAsync($"trainerId={trainer.Id}&q={Uri.EscapeDataString(q)}");

        Assert.Equal([inTitle, inDescription], IdsOf(page));
        Assert.Equal(2, page.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("%", "100% hands-on")]
    [InlineData("0%", "100% hands-on")]
    [InlineData("_", "snake_case naming")]
    [InlineData("e_c", "snake_case naming")]
    [InlineData("\\", "C:\\temp tricks")]
    public async Task List_Q_TreatsLikeWildcardsLiterally(string q, string onlyMatch)
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var day = 10;
        foreach (var title in new[] { "100% hands-on", "100 percent theory", "snake_case naming", "snakeXcase naming", "C:\\temp tricks", "C:/temp tricks" })
        {
            ids[title] = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published", title: title, startsAt: WorkshopTestData.InDays(day++));
        }

        var page = await ListAsync($"trainerId={trainer.Id}&q={Uri.EscapeDataString(q)}");

        Assert.Equal([ids[onlyMatch]], IdsOf(page));
    }

    [Fact]
    public Task List_QLongerThan100Characters_Answers400ProblemNamingQ() =>
        AssertRefusedAsync($"q={new string('a', 101)}", "q");

    // ---- sort ----

    [Theory]
    [InlineData("", false)]
    [InlineData("&sort=startsAt", false)]
    [InlineData("&sort=-startsAt", true)]
    public async Task List_Sort_OrdersByStartsAt(string sort, bool descending)
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var late = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published", startsAt: WorkshopTestData.InDays(30));
        var early = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published", startsAt: WorkshopTestData.InDays(10));
        var middle = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published", startsAt: WorkshopTestData.InDays(20));

        var page = await ListAsync($"trainerId={trainer.Id}{sort}");

        Assert.Equal(descending ? [late, middle, early] : [early, middle, late], IdsOf(page));
    }

    [Theory]
    [InlineData("title")]
    [InlineData("startsat")]
    [InlineData("-title")]
    [InlineData("%2BstartsAt")]
    public Task List_WithAnUnknownSort_Answers400ProblemNamingSort(string sort) =>
        AssertRefusedAsync($"sort={sort}", "sort");

    private async Task<JsonElement> ListAsync(string query, TestUser? caller = null)
    {
        using var client = caller is null ? app.CreateClient() : app.ClientFor(caller);
        using var response = await client.GetAsync($"/api/workshops?{query}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/workshops?{query} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static List<Guid> IdsOf(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).ToList();

    /// <summary>The list answers a query it cannot use with a 400 problem naming the parameter at fault.</summary>
    private async Task AssertRefusedAsync(string query, string parameter)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync($"/api/workshops?{query}");

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.BadRequest, parameter);
    }
}
