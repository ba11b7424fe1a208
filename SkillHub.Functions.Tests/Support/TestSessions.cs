using Microsoft.Extensions.DependencyInjection;
using Moq;
using SkillHub.Functions.Auth;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Tests.Support;

/// <summary>Sessions for tests: real ones in an app's database, or a check that admits every token.</summary>
public static class TestSessions
{
    /// <summary>A session check that admits every token, for unit tests of what the gate does around it.</summary>
    public static ISessionCheck AdmitAll()
    {
        var check = new Mock<ISessionCheck>();
        check.Setup(c => c.AdmitsAsync(It.IsAny<Caller>(), It.IsAny<Guid>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        return check.Object;
    }

    /// <summary>Starts a session of the user as a login does (its refresh token is not kept) and mints an access token in it with the app's own issuer.</summary>
    public static async Task<(Guid SessionId, string AccessToken)> StartAsync(IServiceProvider services, Guid userId, string role)
    {
        ArgumentNullException.ThrowIfNull(services);
        var session = Guid.CreateVersion7();
        await services.GetRequiredService<IRefreshTokenStore>().IssueAsync(userId, session, TimeSpan.FromDays(1), CancellationToken.None);
        return (session, services.GetRequiredService<AccessTokens>().Issue(userId, role, session).Token);
    }
}
