using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Tests.Support;
using SkillHub.Standalone.Hosting;
using SkillHub.Functions.Tests.Backups;

namespace SkillHub.Functions.Tests.Artefacts.Scripts;

/// <summary>
/// restore.sh itself, run with bash as an operator would, over real PostgreSQL and the in-memory
/// document store (no MongoDB here): a sound set comes back through <c>--serve</c> into the app it
/// starts; a damaged, partial or foreign set is refused with exit code 2 and the database untouched.
/// </summary>
public sealed class RestoreScriptTests(RestoreSourceFixture source) : IClassFixture<RestoreSourceFixture>, IDisposable
{
    private readonly ScratchDirectory _scratch = new("restore-script");

    public void Dispose() => _scratch.Dispose();

    /// <summary>The settings restore.sh reads, pointing at <paramref name="connectionString"/>; no MongoDB, so the script picks the in-memory store itself.</summary>
    private Dictionary<string, string?> Settings(string connectionString) => new()
    {
        ["ConnectionStrings__Postgres"] = connectionString,
        ["Jwt__SigningKey"] = AppFixture.SigningKey,
        ["Backup__SigningKey"] = AppFixture.BackupSigningKey,
        ["Backup__Directory"] = Path.Combine(_scratch.Path, "backups"),
        // The app restore.sh serves saves its documents here, never in the user's state folder.
        ["SkillHub__MemoryStore__Directory"] = Path.Combine(_scratch.Path, "documents"),
        ["ConnectionStrings__MongoDB"] = null,
        ["SkillHub__DocumentStore"] = null,
        ["SkillHub__DemoData"] = null,
    };

    [Fact]
    public async Task WithServe_IntoAnEmptyDatabase_TheAppItStartsAnswersAsTheOriginalDid()
    {
        var activity = await source.ActivityAsync(source.BaseAddress);
        var answers = await source.AnswersAsync(source.BaseAddress);
        var set = await source.BackUpAsync();
        await using var target = await BareDatabase.CreateAsync();
        var address = new Uri($"http://127.0.0.1:{Repository.FreePort()}");

        await using var script = ScriptProcess.Start("restore.sh", [set, "--serve", "--urls", address.ToString().TrimEnd('/')], Settings(target.ConnectionString));
        await WaitUntilServingAsync(script, address);

        Assert.Contains($"Restored backup set {Path.GetFileName(set)}", script.Output, StringComparison.Ordinal);
        Assert.Contains("collection registrations: 4 documents", script.Output, StringComparison.Ordinal);
        Assert.Equal(answers, await source.AnswersAsync(address));
        Assert.Equal(activity, await source.ActivityAsync(address, exceptAction: BackupActivity.RestoredAction));
        Assert.Single(await source.ActivityAsync(address), entry => entry.Contains($"\"{BackupActivity.RestoredAction}\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutServe_AndNoMongoDb_TheSetIsVerified_ThenTheRestoreRefused_NamingServe()
    {
        var set = await source.BackUpAsync();
        await using var target = await BareDatabase.CreateAsync();

        var (code, output) = await ScriptProcess.RunAsync("restore.sh", [set], Settings(target.ConnectionString));

        Assert.Equal(BackupCommands.Failure, code);
        Assert.Contains("--serve", output, StringComparison.Ordinal);
        Assert.Empty(await PublicTablesAsync(target));
    }

    [Fact]
    public async Task TheDemoDumpOfData_RestoredAsTheReadmeSays_ServesTheWaitingList_TheCancelledWorkshop_AndTheRatedComments()
    {
        await using var target = await BareDatabase.CreateAsync();
        var address = new Uri($"http://127.0.0.1:{Repository.FreePort()}");

        // ./restore.sh data/ --serve, from the repository's root: the dump's own file names, its unsigned manifest.
        await using var script = ScriptProcess.Start("restore.sh", ["data/", "--serve", "--urls", address.ToString().TrimEnd('/')], Settings(target.ConnectionString));
        await WaitUntilServingAsync(script, address);

        Assert.Contains("Reconciliation: 0 repair(s).", script.Output, StringComparison.Ordinal);
        using var client = new HttpClient { BaseAddress = address };
        var full = (await GetJsonAsync(client, "/api/workshops?q=parole")).GetProperty("items")[0];
        Assert.Equal(full.GetProperty("capacity").GetInt32(), full.GetProperty("seatsTaken").GetInt32());
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "karim.benali@skillhub.demo", password = "Demo-Formateur-2026" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var registrations = await GetJsonAsync(client, $"/api/workshops/{full.GetProperty("id").GetString()}/registrations?pageSize=100", token);
        var statuses = registrations.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("status").GetString()).ToList();
        Assert.Equal(full.GetProperty("capacity").GetInt32(), statuses.Count(s => s == "confirmed"));
        Assert.Contains("waitlisted", statuses);
        Assert.Contains("cancelled", statuses);

        var cancelled = (await GetJsonAsync(client, "/api/workshops?status=cancelled")).GetProperty("items")[0];
        Assert.False(string.IsNullOrEmpty(cancelled.GetProperty("cancellationReason").GetString()));

        var python = (await GetJsonAsync(client, "/api/workshops?q=python")).GetProperty("items")[0];
        var comments = (await GetJsonAsync(client, $"/api/workshops/{python.GetProperty("id").GetString()}/comments?pageSize=100")).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(comments, c => c.GetProperty("rating").ValueKind == JsonValueKind.Number);
        Assert.DoesNotContain(comments, c => c.GetProperty("body").GetString()!.StartsWith("Promo", StringComparison.Ordinal));
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Theory]
    [MemberData(nameof(DamagedSets.Damages), MemberType = typeof(DamagedSets))]
    public async Task ADamagedSet_IsRefusedWithExit2_EvenWithForce_AndTheDatabaseStaysAsItWas(string damage)
    {
        var set = await DamagedSets.DamageAsync(_scratch.CopyOf(await source.BackUpAsync()), damage, source.AnotherSetAsync);
        var before = await PostgresSnapshot.ReadAsync(source.Database.DataSource);
        var answers = await source.AnswersAsync(source.BaseAddress);

        // The data the app serves is the target: --force would replace it all if the set were let through.
        var verbOnly = await ScriptProcess.RunAsync("restore.sh", [set, "--force"], Settings(source.Database.ConnectionString));
        await using var serve = ScriptProcess.Start("restore.sh", [set, "--force", "--serve", "--urls", $"http://127.0.0.1:{Repository.FreePort()}"], Settings(source.Database.ConnectionString));
        var served = await serve.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal((BackupCommands.Rejected, true), (verbOnly.ExitCode, verbOnly.Output.Contains("Backup set rejected, nothing was changed", StringComparison.Ordinal)));
        Assert.Equal((BackupCommands.Rejected, true), (served, serve.Output.Contains("Backup set rejected, nothing was changed", StringComparison.Ordinal)));
        Assert.DoesNotContain("Now listening", serve.Output, StringComparison.Ordinal);
        Assert.Equal(before, await PostgresSnapshot.ReadAsync(source.Database.DataSource));
        Assert.Equal(answers, await source.AnswersAsync(source.BaseAddress));
    }

    /// <summary>Waits for the first 200 of /api/health; fails with the script's output if it stops first.</summary>
    private static async Task WaitUntilServingAsync(ScriptProcess script, Uri address)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(script.HasExited, $"restore.sh stopped before serving:\n{script.Output}");
            try
            {
                using var health = await client.GetAsync(new Uri("/api/health", UriKind.Relative));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        Assert.Fail($"restore.sh --serve did not serve within 3 minutes:\n{script.Output}");
    }

    /// <summary>The public tables of a database: none at all when nothing was restored into it.</summary>
    private static async Task<List<string>> PublicTablesAsync(BareDatabase database)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<string>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")];
    }
}
