using System.Net;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Users;

/// <summary>Every account and operations route against every kind of caller, over real HTTP.</summary>
public sealed class UserAccessMatrixTests(AppFixture app) : IClassFixture<AppFixture>
{
    public const string Anonymous = "anonymous";

    public static TheoryData<string, string, string, int> Matrix()
    {
        var data = new TheoryData<string, string, string, int>();
        void Route(string method, string path, int anonymous, int participant, int trainer, int admin)
        {
            data.Add(method, path, Anonymous, anonymous);
            data.Add(method, path, Roles.Participant, participant);
            data.Add(method, path, Roles.Trainer, trainer);
            data.Add(method, path, Roles.Admin, admin);
        }

        Route("GET", "/api/me", 401, 200, 200, 200);
        Route("GET", "/api/users", 401, 403, 403, 200);
        Route("POST", "/api/users", 401, 403, 403, 201);
        Route("PATCH", "/api/users/{target}", 401, 403, 403, 200);
        Route("POST", "/api/auth/logout", 401, 204, 204, 204);
        Route("GET", "/api/health", 200, 200, 200, 200);
        Route("GET", "/api/openapi.yaml", 200, 200, 200, 200);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Route_AnswersEachKindOfCallerAsTheContractSays(string method, string path, string caller, int expected)
    {
        var target = await app.CreateUserAsync(Roles.Participant);
        using var client = caller == Anonymous ? app.CreateClient() : app.ClientFor(await app.CreateUserAsync(caller));
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{target}", target.Id.ToString(), StringComparison.Ordinal))
        {
            Content = BodyFor(method, path),
        };

        using var response = await client.SendAsync(request);

        Assert.Equal((HttpStatusCode)expected, response.StatusCode);
        if (expected >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("/api/health")]
    [InlineData("/api/openapi.yaml")]
    public async Task AnonymousRoute_IgnoresAGarbageToken(string path)
    {
        using var client = app.CreateClient("not.a.token");

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static System.Net.Http.Json.JsonContent? BodyFor(string method, string path) => (method, path) switch
    {
        ("POST", "/api/users") => AppFixture.Json(new
        {
            email = $"new-{Guid.NewGuid():N}@example.test",
            password = "a perfectly long passphrase",
            displayName = "New Trainer",
            role = Roles.Trainer,
        }),
        ("PATCH", _) => AppFixture.Json(new { displayName = "Renamed" }),
        ("POST", "/api/auth/logout") => AppFixture.Json(new { refreshToken = "not-a-token-of-this-user" }),
        _ => null,
    };
}
