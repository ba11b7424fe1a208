using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Registrations;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Telemetry;

/// <summary>The spans of HTTP calls in the standalone host, exported in memory: their shape, their ids, and what they never hold.</summary>
public sealed class TracingHttpTests(TracedAppFixture app) : IClassFixture<TracedAppFixture>
{
    [Fact]
    public async Task ARegistration_YieldsTheHttpSpan_PostgresSpans_AndTheDocumentStoreSpan_AllInItsTrace()
    {
        var (workshopId, _) = await RegistrationTestData.PublishedWorkshopAsync(app, 3);
        var ann = await app.CreateUserAsync(Roles.Participant);
        var traceId = ActivityTraceId.CreateRandom();

        using var client = app.ClientFor(ann);
        using var response = await client.SendAsync(Spans.InTrace(traceId, HttpMethod.Post, $"/api/workshops/{workshopId}/registrations"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var trace = await app.Spans.TraceAsync(traceId, spans => spans.Any(Spans.IsServer));
        var http = Assert.Single(trace, Spans.IsServer);
        Assert.Equal("POST /api/workshops/{id:guid}/registrations", http.DisplayName);
        Assert.Equal("/api/workshops/{id:guid}/registrations", Spans.Tag(http, "http.route"));
        Assert.Equal("POST", Spans.Tag(http, "http.request.method"));
        Assert.Equal("201", Spans.Tag(http, "http.response.status_code"));
        var postgres = trace.Where(span => span.Source.Name == "Npgsql").ToList();
        Assert.NotEmpty(postgres);
        Assert.All(postgres, span => Assert.True(Spans.DescendsFrom(span, http, trace), $"{span.DisplayName} is not under the HTTP span."));
        var document = Assert.Single(trace, span => span.DisplayName == "Insert registrations");
        Assert.Equal("memory", Spans.Tag(document, "db.system.name"));
        Assert.Equal("registrations", Spans.Tag(document, "db.collection.name"));
        Assert.Equal("Insert", Spans.Tag(document, "db.operation.name"));
        Assert.True(Spans.DescendsFrom(document, http, trace));
    }

    [Fact]
    public async Task AFailingRequest_ItsProblemsTraceId_AndItsActivityEntrys_AreItsSpansTraceId()
    {
        var user = await app.CreateUserAsync(Roles.Participant);

        using var response = await app.Client.PostAsync("/api/auth/login", AppFixture.Json(new { email = user.Email, password = "not the right password" }));

        var problem = await HttpProblem.AssertAsync(response, 401);
        var traceId = problem.GetProperty("traceId").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", traceId);
        var trace = await app.Spans.TraceAsync(ActivityTraceId.CreateFromString(traceId), spans => spans.Any(Spans.IsServer));
        Assert.Equal("POST /api/auth/login", Assert.Single(trace, Spans.IsServer).DisplayName);
        var (entries, _) = await app.Services.GetRequiredService<IActivityLog>().QueryAsync(
            new ActivityQuery(Action: "auth.login.failed", TargetId: user.Id.ToString()), new PageRequest(1, 10), CancellationToken.None);
        Assert.Equal(traceId, Assert.Single(entries).TraceId);
    }

    [Fact]
    public async Task NoSpanAttribute_HoldsATokenAPasswordAnEmailAddressAnIdOrAParameterValue()
    {
        var (workshopId, _) = await RegistrationTestData.PublishedWorkshopAsync(app, 3);
        var ann = await app.CreateUserAsync(Roles.Participant);
        const string wrongPassword = "a wrong horse battery staple";
        var traceId = ActivityTraceId.CreateRandom();
        var requests = 0;

        async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, HttpContent? content = null)
        {
            requests++;
            return await client.SendAsync(Spans.InTrace(traceId, method, path, content));
        }

        using var anonymous = app.CreateClient();
        using var login = await SendAsync(anonymous, HttpMethod.Post, "/api/auth/login", AppFixture.Json(new { email = ann.Email, password = ann.Password }));
        var tokens = await AppFixture.ReadJsonAsync(login);
        var accessToken = tokens.GetProperty("accessToken").GetString()!;
        var refreshToken = tokens.GetProperty("refreshToken").GetString()!;
        using var client = app.CreateClient(accessToken);
        using var registered = await SendAsync(client, HttpMethod.Post, $"/api/workshops/{workshopId}/registrations");
        using var feed = await SendAsync(client, HttpMethod.Post, "/api/me/calendar-feed");
        var feedUrl = new Uri((await AppFixture.ReadJsonAsync(feed)).GetProperty("url").GetString()!);
        var feedToken = feedUrl.AbsolutePath["/api/calendar/".Length..^".ics".Length];
        using var calendar = await SendAsync(anonymous, HttpMethod.Get, feedUrl.PathAndQuery);
        using var refused = await SendAsync(anonymous, HttpMethod.Post, "/api/auth/login", AppFixture.Json(new { email = ann.Email, password = wrongPassword }));

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Unauthorized],
            new[] { login, registered, feed, calendar, refused }.Select(r => r.StatusCode));
        var trace = await app.Spans.TraceAsync(traceId, spans => spans.Count(Spans.IsServer) == requests);
        Assert.Equal(requests, trace.Count(Spans.IsServer));
        Assert.Contains(trace, span => span.DisplayName == "GET /api/calendar/{token}.ics");
        Assert.Contains(trace, span => span.Source.Name == "Npgsql");
        string[] secrets = [ann.Email, ann.Password, wrongPassword, accessToken, refreshToken, feedToken, ann.Id.ToString(), workshopId.ToString()];
        foreach (var span in trace)
        {
            foreach (var (name, value) in span.TagObjects.Select(tag => (tag.Key, Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "")))
            {
                foreach (var secret in secrets)
                {
                    Assert.False(value.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{span.DisplayName} has {name} = {value}");
                }
            }
        }
    }
}
