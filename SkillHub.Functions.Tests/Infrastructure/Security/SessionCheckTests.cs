using Moq;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Tests.Infrastructure.Security;

/// <summary>The gate's session cache: what it admits, when it asks the database, and what a notification or a lost listener does to it.</summary>
public sealed class SessionCheckTests : IDisposable
{
    private static readonly Guid UserId = Guid.NewGuid();
    private static readonly Guid Session = Guid.NewGuid();
    private static readonly Caller Trainer = new(UserId, Roles.Trainer);

    private readonly Mock<ISessionStandings> _database = new();
    private readonly SessionCheck _check;
    private SessionStanding? _stored = new(UserId, Roles.Trainer, Disabled: false, Ended: false);
    private int _reads;

    public SessionCheckTests()
    {
        _database.Setup(d => d.FindAsync(Session, It.IsAny<CancellationToken>())).ReturnsAsync(() =>
        {
            _reads++;
            return _stored;
        });
        _check = new SessionCheck(_database.Object);
    }

    public void Dispose() => _check.Dispose();

    public static TheoryData<string> Refusals => ["ended", "disabled", "another role", "another user"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Admits_RefusesASessionThatNoLongerAdmitsTheToken(string change)
    {
        var open = new SessionStanding(UserId, Roles.Trainer, Disabled: false, Ended: false);
        var standing = change switch
        {
            "ended" => open with { Ended = true },
            "disabled" => open with { Disabled = true },
            "another role" => open with { Role = Roles.Admin },
            _ => open with { UserId = Guid.NewGuid() },
        };

        Assert.True(open.Admits(Trainer));
        Assert.False(standing.Admits(Trainer));
    }

    [Fact]
    public async Task AdmitsAsync_AnUnknownSession_IsRefused()
    {
        _stored = null;

        Assert.False(await _check.AdmitsAsync(Trainer, Session, CancellationToken.None));
    }

    [Fact]
    public async Task AdmitsAsync_WhileListening_ReadsTheDatabaseOncePerSession()
    {
        _check.Listening();

        for (var i = 0; i < 5; i++)
        {
            Assert.True(await _check.AdmitsAsync(Trainer, Session, CancellationToken.None));
        }

        Assert.Equal(1, _reads);
    }

    [Fact]
    public async Task AdmitsAsync_WhileNotListening_ReadsTheDatabaseEveryTime_AndSeesAChangeAtOnce()
    {
        Assert.True(await _check.AdmitsAsync(Trainer, Session, CancellationToken.None));
        _stored = _stored! with { Disabled = true };

        Assert.False(await _check.AdmitsAsync(Trainer, Session, CancellationToken.None));
        Assert.Equal(2, _reads);
    }

    [Theory]
    [InlineData("user")]
    [InlineData("session")]
    [InlineData("*")]
    public async Task Forget_ANotificationNamingTheUserOrTheSession_MakesTheNextCheckSeeTheChange(string named)
    {
        _check.Listening();
        Assert.True(await _check.AdmitsAsync(Trainer, Session, CancellationToken.None));
        _stored = _stored! with { Role = Roles.Participant };

        _check.Forget(named switch { "user" => $"user:{UserId}", "session" => $"session:{Session}", _ => "*" });

        Assert.False(await _check.AdmitsAsync(Trainer, Session, CancellationToken.None));
    }

    [Fact]
    public async Task Forget_ANotificationAboutSomeoneElse_KeepsTheEntry()
    {
        _check.Listening();
        await _check.AdmitsAsync(Trainer, Session, CancellationToken.None);

        _check.Forget($"user:{Guid.NewGuid()}");
        _check.Forget($"session:{Guid.NewGuid()}");

        Assert.True(await _check.AdmitsAsync(Trainer, Session, CancellationToken.None));
        Assert.Equal(1, _reads);
    }

    [Fact]
    public async Task NotListening_ThenListeningAgain_StartsFromAnEmptyCache()
    {
        _check.Listening();
        await _check.AdmitsAsync(Trainer, Session, CancellationToken.None);
        _stored = _stored! with { Ended = true };

        _check.NotListening();
        _check.Listening();

        Assert.False(await _check.AdmitsAsync(Trainer, Session, CancellationToken.None));
    }

    [Fact]
    public async Task AdmitsAsync_AStandingReadWhileANotificationArrived_IsNotKept()
    {
        _check.Listening();
        var reading = new TaskCompletionSource<SessionStanding?>();
        _database.Setup(d => d.FindAsync(Session, It.IsAny<CancellationToken>())).Returns(() => { _reads++; return reading.Task; });
        var check = _check.AdmitsAsync(Trainer, Session, CancellationToken.None);

        // The change commits and is announced while the read that predates it is still on its way.
        _check.Forget($"user:{UserId}");
        reading.SetResult(new SessionStanding(UserId, Roles.Trainer, Disabled: false, Ended: false));
        Assert.True(await check);
        _database.Setup(d => d.FindAsync(Session, It.IsAny<CancellationToken>())).ReturnsAsync(() =>
        {
            _reads++;
            return new SessionStanding(UserId, Roles.Trainer, Disabled: true, Ended: false);
        });

        Assert.False(await _check.AdmitsAsync(Trainer, Session, CancellationToken.None));
        Assert.Equal(2, _reads);
    }
}
