using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using SkillHub.Functions.Tests.Registrations;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Support.GrpcHost;
using SkillHub.Functions.Tests.Support.GrpcHost.Protocol;
using SkillHub.Functions.Tests.Workshops;

namespace SkillHub.Functions.Tests.Worker;

/// <summary>
/// The real worker, started and driven as the Functions host drives it (gRPC event stream, worker
/// init, function load from functions.metadata, HTTP proxied to the worker's own address, a timer
/// invocation): what the standalone tests prove of the gate and the functions holds on the
/// pipeline Azure runs, with the worker's own middleware in between.
/// </summary>
public sealed partial class WorkerPipelineTests(WorkerHostFixture worker) : IClassFixture<WorkerHostFixture>
{
    [Fact]
    public void TheWorkerIndexesTheFunctionsOfItsMetadataFile()
    {
        var declared = worker.Host.Functions.Select(f => (f.Name, f.EntryPoint)).Order();

        var indexed = worker.Host.WorkerIndexedFunctions.Select(f => (f.Name, f.EntryPoint)).Order();

        Assert.Equal(declared, indexed);
    }

    [Fact]
    public async Task ATamperedToken_IsRefused401_OnEveryOneOfManyParallelRequests()
    {
        var token = await worker.CreateParticipantAsync();
        var tampered = token[..^4] + (token[^4] == 'A' ? "B" : "A") + token[^3..];
        using var client = worker.CreateClient(tampered);

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => client.GetAsync("api/me")));

        foreach (var response in responses)
        {
            using (response)
            {
                await HttpProblem.AssertAsync(response, 401);
            }
        }
    }

    [Fact]
    public async Task NoToken_OnAProtectedRoute_Is401()
    {
        using var response = await worker.Client.GetAsync("api/me");

        await HttpProblem.AssertAsync(response, 401);
    }

    [Fact]
    public async Task AParticipantCreatingAWorkshop_Is403()
    {
        using var participant = worker.CreateClient(await worker.CreateParticipantAsync());

        using var response = await participant.PostAsJsonAsync("api/workshops", AWorkshop());

        await HttpProblem.AssertAsync(response, 403);
    }

    [Fact]
    public async Task AnInvalidWorkshop_Is422NamingTheField()
    {
        using var trainer = worker.CreateClient(await worker.CreateTrainerAsync());

        using var response = await trainer.PostAsJsonAsync("api/workshops", AWorkshop() with { Capacity = 0 });

        var problem = await HttpProblem.AssertAsync(response, 422);
        Assert.Equal(["capacity"], HttpProblem.Fields(problem));
    }

    [Fact]
    public async Task ACreatedWorkshop_Is201_WithItsLocationAndETag()
    {
        using var trainer = worker.CreateClient(await worker.CreateTrainerAsync());

        using var created = await trainer.PostAsJsonAsync("api/workshops", AWorkshop());

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await AppFixture.ReadJsonAsync(created)).GetProperty("id").GetGuid();
        Assert.Equal($"/api/workshops/{id}", created.Headers.Location?.OriginalString);
        using var read = await trainer.GetAsync(created.Headers.Location!.OriginalString.TrimStart('/'));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.NotNull(created.Headers.ETag);
        Assert.Equal(created.Headers.ETag, read.Headers.ETag);
    }

    [Fact]
    public async Task AnUpdateWithAStaleIfMatch_Is412()
    {
        var (trainer, id, first, renamed) = await RenamedOnceAsync();
        using (trainer)
        using (renamed)
        {
            using var stale = await PatchAsync(trainer, id, first, new { title = "Renamed from a stale copy" });

            await HttpProblem.AssertAsync(stale, 412);
        }
    }

    [Fact]
    public async Task AnUpdateWithTheCurrentETag_Succeeds()
    {
        var (trainer, id, _, renamed) = await RenamedOnceAsync();
        using (trainer)
        using (renamed)
        {
            using var current = await PatchAsync(trainer, id, renamed.Headers.ETag!, new { title = "Renamed twice" });

            Assert.Equal(HttpStatusCode.OK, current.StatusCode);
            Assert.Equal("Renamed twice", (await AppFixture.ReadJsonAsync(current)).GetProperty("title").GetString());
        }
    }

    /// <summary>A trainer's workshop, created then renamed once: its first ETag is stale, the rename's current.</summary>
    private async Task<(HttpClient Trainer, Guid Id, EntityTagHeaderValue First, HttpResponseMessage Renamed)> RenamedOnceAsync()
    {
        var trainer = worker.CreateClient(await worker.CreateTrainerAsync());
        using var created = await trainer.PostAsJsonAsync("api/workshops", AWorkshop());
        var id = (await AppFixture.ReadJsonAsync(created)).GetProperty("id").GetGuid();
        var first = created.Headers.ETag!;
        var renamed = await PatchAsync(trainer, id, first, new { title = "Renamed once" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        return (trainer, id, first, renamed);
    }

    [Fact]
    public async Task AnUnexpectedDatabaseError_Is500Problem_WithoutInternals()
    {
        await WorkshopTestData.ExecuteAsync(worker.Database.DataSource, "ALTER TABLE workshops RENAME COLUMN title TO title_renamed_by_test");
        try
        {
            using var response = await worker.Client.GetAsync("api/workshops");

            await HttpProblem.AssertAsync(response, 500);
            var body = await response.Content.ReadAsStringAsync();
            foreach (var internals in new[] { "title_renamed", "42703", "Npgsql", "Postgres", "column", " at SkillHub" })
            {
                Assert.DoesNotContain(internals, body, StringComparison.OrdinalIgnoreCase);
            }
        }
        finally
        {
            await WorkshopTestData.ExecuteAsync(worker.Database.DataSource, "ALTER TABLE workshops RENAME COLUMN title_renamed_by_test TO title");
        }
    }

    [Fact]
    public async Task AChangeMadeThroughTheWorker_WritesItsActivityEntry()
    {
        var trainerToken = await worker.CreateTrainerAsync();
        using var trainer = worker.CreateClient(trainerToken);
        var trainerId = (await AppFixture.ReadJsonAsync(await trainer.GetAsync("api/me"))).GetProperty("id").GetGuid();
        using var created = await trainer.PostAsJsonAsync("api/workshops", AWorkshop());
        var id = (await AppFixture.ReadJsonAsync(created)).GetProperty("id").GetGuid();
        using var admin = worker.CreateClient(await worker.LoginAdminAsync());

        using var response = await admin.GetAsync($"api/admin/activity?targetId={id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single((await AppFixture.ReadJsonAsync(response)).GetProperty("items").EnumerateArray());
        Assert.Equal("workshop.create", entry.GetProperty("action").GetString());
        Assert.Equal(trainerId, entry.GetProperty("actor").GetProperty("id").GetGuid());
        Assert.Equal("201", entry.GetProperty("details").GetProperty("status").GetString());
    }

    [Fact]
    public async Task EveryHttpFunctionOfTheMetadata_IsAnsweredByTheWorker_ThroughTheGate()
    {
        foreach (var function in worker.Host.Functions.Where(f => f.Http is not null))
        {
            var path = SamplePath(function.Http!.Route);
            using var request = new HttpRequestMessage(new HttpMethod(function.Http.Methods[0]), $"api/{path}");
            if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Delete)
            {
                request.Content = AppFixture.RawJson("{}");
            }

            using var response = await worker.Client.SendAsync(request);

            var invocation = await worker.Host.AnsweredInvocationAsync(function.Name, TimeSpan.FromSeconds(10));
            Assert.True(invocation?.Status == StatusResult.Types.Status.Success, $"{function.Name} ({request.Method} {path}) was not invoked: {(int)response.StatusCode}");
            Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var nosniff) && nosniff.Single() == "nosniff", $"{function.Name} ({request.Method} {path}) answered {(int)response.StatusCode} without the gate's headers.");
        }
    }

    [Fact]
    public async Task TheApiReference_ItsPageAndItsFiles_IsServedByTheWorker_AsByTheStandaloneHost()
    {
        using var page = await worker.Client.GetAsync("api/docs");
        using var bundle = await worker.Client.GetAsync("api/docs/swagger-ui-bundle.js");
        using var script = await worker.Client.GetAsync("api/docs/skillhub-docs.js");
        using var traversal = await worker.Client.GetAsync("api/docs/..%2fhost.json");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SkillHub.Functions.OpenApi.ApiDocsFunction.ContentSecurityPolicy, Assert.Single(page.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("docs/swagger-ui-bundle.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal("text/javascript", bundle.Content.Headers.ContentType?.MediaType);
        Assert.Contains("SwaggerUIBundle", await bundle.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(bundle.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("url: 'openapi.yaml'", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await HttpProblem.AssertAsync(traversal, 404);
    }

    [Fact]
    public async Task ATimerInvocation_RunsReconciliationOnTheWorker()
    {
        using var trainer = worker.CreateClient(await worker.CreateTrainerAsync());
        using var created = await trainer.PostAsJsonAsync("api/workshops", AWorkshop());
        var id = (await AppFixture.ReadJsonAsync(created)).GetProperty("id").GetGuid();
        using var published = await trainer.PostAsync($"api/workshops/{id}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        using var participant = worker.CreateClient(await worker.CreateParticipantAsync());
        using var registered = await participant.PostAsync($"api/workshops/{id}/registrations", null);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        await WorkshopTestData.ExecuteAsync(worker.Database.DataSource, "UPDATE workshops SET seats_taken = 0 WHERE id = @id", new { id });

        var answer = await worker.Host.InvokeTimerAsync("ReconcileSeats");

        Assert.Equal(StatusResult.Types.Status.Success, answer.Result.Status);
        Assert.Equal(1, await RegistrationTestData.SeatsTakenAsync(worker.Database.DataSource, id));
    }

    private sealed record WorkshopInput(string Title, string Description, DateTime StartsAt, DateTime EndsAt, string Location, int Capacity);

    private static WorkshopInput AWorkshop()
    {
        var starts = DateTime.UtcNow.Date.AddDays(20).AddHours(9);
        return new WorkshopInput("Kubernetes from the worker", "Pods, services and probes.", starts, starts.AddHours(3), "Lyon", 12);
    }

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient client, Guid id, EntityTagHeaderValue ifMatch, object change)
    {
        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"api/workshops/{id}") { Content = JsonContent.Create(change) };
        patch.Headers.IfMatch.Add(ifMatch);
        return await client.SendAsync(patch);
    }

    /// <summary>A path the route matches: a new id for a guid parameter, the literal a regex admits, a word otherwise.</summary>
    private static string SamplePath(string route) =>
        RouteParameter().Replace(route, match => match.Groups["constraint"].Value switch
        {
            "guid" => Guid.NewGuid().ToString(),
            "regex(^admin$)" => "admin",
            _ => "sample",
        });

    [GeneratedRegex(@"\{(?<name>\w+)(:(?<constraint>[^}]+))?\}")]
    private static partial Regex RouteParameter();
}
