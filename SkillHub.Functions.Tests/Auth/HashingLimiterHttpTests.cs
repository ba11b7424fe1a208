using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Auth;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Auth;

/// <summary>The app with one password-hashing slot and a short queue wait.</summary>
public sealed class OneHashAtATimeAppFixture : AppFixture
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Passwords:MaxConcurrentHashes", "1"),
        new("Passwords:QueueWaitMilliseconds", "100"),
    ];
}

public sealed class HashingLimiterHttpTests(OneHashAtATimeAppFixture app) : IClassFixture<OneHashAtATimeAppFixture>
{
    private const string Password = "violet tram under the kettle";

    [Fact]
    public async Task LoginAndRegister_WhileTheOnlyHashingSlotIsTaken_Answer503WithRetryAfter_AndOnceItIsFreeLogInAgain()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        var limiter = app.Services.GetRequiredService<HashingLimiter>();

        using (await limiter.EnterAsync(CancellationToken.None))
        {
            // A taken e-mail address waits in the same queue as a free one: neither answer tells them apart.
            foreach (var busy in new[]
            {
                await app.Client.PostAsync("/api/auth/login", AppFixture.Json(new { email = user.Email, password = user.Password })),
                await app.Client.PostAsync("/api/auth/register", AppFixture.Json(new { email = user.Email, password = Password, displayName = "Taken" })),
                await app.Client.PostAsync("/api/auth/register", AppFixture.Json(new { email = $"free-{Guid.NewGuid():N}@example.test", password = Password, displayName = "Free" })),
            })
            {
                await HttpProblem.AssertAsync(busy, 503);
                Assert.Equal(TimeSpan.FromSeconds(1), busy.Headers.RetryAfter?.Delta);
            }
        }

        var response = await app.Client.PostAsync("/api/auth/login", AppFixture.Json(new { email = user.Email, password = user.Password }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Login_WhenBurstOfAttempts_NeverHashesMoreThanOneAtOnce_AndAnswersTheRest503WithRetryAfter()
    {
        using var counter = new PasswordHashCounter(app.Services.GetRequiredService<IMeterFactory>());

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            app.Client.PostAsync("/api/auth/login", AppFixture.Json(new { email = $"nobody-{Guid.NewGuid():N}@example.test", password = Password }))));

        Assert.Equal(1, counter.MostRunningAtOnce);
        Assert.Equal(answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized), counter.Computed);
        foreach (var busy in answers.Where(a => a.StatusCode != HttpStatusCode.Unauthorized))
        {
            await HttpProblem.AssertAsync(busy, 503);
            Assert.True(busy.Headers.RetryAfter?.Delta > TimeSpan.Zero, "No Retry-After in seconds.");
        }
    }
}
