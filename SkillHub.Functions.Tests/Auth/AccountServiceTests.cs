using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.Tokens;
using Moq;
using SkillHub.Functions.Auth;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Users;

namespace SkillHub.Functions.Tests.Auth;

public sealed class AccountServiceTests
{
    private const string Password = "correct horse battery staple";
    private const string Address = "203.0.113.9";

    // Hashing costs 210,000 iterations: one hash and one hasher (whose decoy is hashed once) serve every test.
    private static readonly PasswordHasher Hasher = TestHashers.Shared;
    private static readonly Lazy<string> PasswordHash = new(() => Hasher.HashAsync(Password, CancellationToken.None).GetAwaiter().GetResult());

    private readonly Mock<IUserStore> _users = new(MockBehavior.Strict);
    private readonly Mock<IRefreshTokenStore> _refreshTokens = new();
    private readonly Mock<ILoginThrottle> _throttle = new();
    private readonly Mock<IRegisterThrottle> _registerThrottle = new();
    private readonly AccessTokens _accessTokens = new(new JwtOptions(), new SymmetricSecurityKey(new byte[32]), TimeProvider.System);
    private readonly AccountService _accounts;

    public AccountServiceTests()
    {
        _accounts = new AccountService(
            _users.Object, _refreshTokens.Object, _throttle.Object, _registerThrottle.Object, Hasher, new PasswordPolicy(), _accessTokens,
            new JwtOptions(), TimeProvider.System, NullLogger<AccountService>.Instance);
    }

    [Fact]
    public async Task Login_WhenThrottled_ReturnsTooManyRequestsWithTheWait_AboutTheAccount_WithoutCheckingThePassword()
    {
        var user = User("ann@example.test");
        _users.Setup(u => u.FindByEmailAsync("ann@example.test", It.IsAny<CancellationToken>())).ReturnsAsync(user);
        _throttle.Setup(t => t.ReserveAsync("ann@example.test", Address, It.IsAny<CancellationToken>())).ReturnsAsync(TimeSpan.FromSeconds(90));

        // The right password: had it been checked, the login would have succeeded.
        var attempt = await _accounts.LoginAsync(new LoginRequest("ann@example.test", Password), Address, CancellationToken.None);

        Assert.Equal(FailureKind.TooManyRequests, attempt.Tokens.Failure?.Kind);
        Assert.Equal(TimeSpan.FromSeconds(90), attempt.Tokens.Failure?.RetryAfter);
        Assert.Equal(user.Id, attempt.AccountId);
    }

    [Fact]
    public async Task Login_OfAnAddressThatNamesNoAccount_NamesNoAccount()
    {
        _users.Setup(u => u.FindByEmailAsync("nobody@example.test", It.IsAny<CancellationToken>())).ReturnsAsync((UserRecord?)null);

        var attempt = await _accounts.LoginAsync(new LoginRequest("nobody@example.test", Password), Address, CancellationToken.None);

        Assert.Equal(FailureKind.Unauthorized, attempt.Tokens.Failure?.Kind);
        Assert.Null(attempt.AccountId);
    }

    [Fact]
    public async Task Login_WithAWrongPassword_ReservesAnAttemptForTheNormalisedAccountAndTheAddress_AndRecordsNoSuccess()
    {
        _users.Setup(u => u.FindByEmailAsync("ann@example.test", It.IsAny<CancellationToken>())).ReturnsAsync(User("ann@example.test"));

        await _accounts.LoginAsync(new LoginRequest("  Ann@Example.TEST ", "not the password at all"), Address, CancellationToken.None);

        _throttle.Verify(t => t.ReserveAsync("ann@example.test", Address, It.IsAny<CancellationToken>()), Times.Once);
        _throttle.Verify(t => t.RecordSuccessAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Login_WithTheRightPassword_RecordsTheSuccessOfTheAccountFromTheAddress()
    {
        _users.Setup(u => u.FindByEmailAsync("ann@example.test", It.IsAny<CancellationToken>())).ReturnsAsync(User("ann@example.test"));

        await _accounts.LoginAsync(new LoginRequest("ann@example.test", Password), Address, CancellationToken.None);

        _throttle.Verify(t => t.RecordSuccessAsync("ann@example.test", Address, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Login_WithoutAPassword_IsInvalid()
    {
        var outcome = (await _accounts.LoginAsync(new LoginRequest("ann@example.test", null), Address, CancellationToken.None)).Tokens;

        Assert.Equal(FailureKind.Invalid, outcome.Failure?.Kind);
        Assert.Contains("password", outcome.Failure!.Errors!.Keys);
    }

    [Fact]
    public async Task Create_WhenTheEmailIsTakenBetweenTheCheckAndTheInsert_IsAConflict()
    {
        _users.Setup(u => u.FindByEmailAsync("ann@example.test", It.IsAny<CancellationToken>())).ReturnsAsync((UserRecord?)null);
        _users.Setup(u => u.TryInsertAsync(It.IsAny<UserRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var outcome = await _accounts.CreateAsync("ann@example.test", Password, "Ann", Roles.Participant, CancellationToken.None);

        Assert.Equal(FailureKind.Conflict, outcome.Failure?.Kind);
    }

    [Fact]
    public async Task Create_StoresTheTrimmedFieldsAndAHashThatVerifies_NeverThePassword()
    {
        UserRecord? stored = null;
        _users.Setup(u => u.FindByEmailAsync("ann@example.test", It.IsAny<CancellationToken>())).ReturnsAsync((UserRecord?)null);
        _users.Setup(u => u.TryInsertAsync(It.IsAny<UserRecord>(), It.IsAny<CancellationToken>()))
            .Callback<UserRecord, CancellationToken>((user, _) => stored = user)
            .ReturnsAsync(true);

        var outcome = await _accounts.CreateAsync(" ann@example.test ", Password, " Ann ", Roles.Trainer, CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.NotNull(stored);
        Assert.Equal(("ann@example.test", "Ann", Roles.Trainer, false), (stored.Email, stored.DisplayName, stored.Role, stored.Disabled));
        Assert.NotEqual(Password, stored.PasswordHash);
        Assert.True(await Hasher.VerifyAsync(Password, stored.PasswordHash, CancellationToken.None));
    }

    [Fact]
    public async Task Refresh_WithATokenLongerThan128Characters_IsUnauthorizedWithoutReachingTheStore()
    {
        var refreshTokens = new Mock<IRefreshTokenStore>(MockBehavior.Strict);
        var accounts = new AccountService(
            _users.Object, refreshTokens.Object, _throttle.Object, _registerThrottle.Object, Hasher, new PasswordPolicy(), _accessTokens,
            new JwtOptions(), TimeProvider.System, NullLogger<AccountService>.Instance);

        var outcome = await accounts.RefreshAsync(new RefreshRequest(new string('a', 129)), CancellationToken.None);

        Assert.Equal(FailureKind.Unauthorized, outcome.Failure?.Kind);
    }

    private static UserRecord User(string email) =>
        new(Guid.NewGuid(), email, "Ann", PasswordHash.Value, Roles.Participant, false, DateTime.UtcNow, DateTime.UtcNow);
}
