using Microsoft.Extensions.Logging;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Users;

namespace SkillHub.Functions.Auth;

/// <summary>Accounts and sessions: creating users, logging in, refreshing and ending sessions, changing passwords.</summary>
public sealed class AccountService(
    IUserStore users,
    IRefreshTokenStore refreshTokens,
    ILoginThrottle throttle,
    IRegisterThrottle registerThrottle,
    PasswordHasher hasher,
    PasswordPolicy policy,
    AccessTokens accessTokens,
    JwtOptions jwt,
    TimeProvider clock,
    ILogger<AccountService> logger)
{
    private const string InvalidCredentials = "Unknown e-mail address or wrong password.";
    // Issued tokens are 43 characters; anything much longer is not one of ours and is not hashed.
    private const int MaxRefreshTokenLength = 128;
    private const string InvalidRefreshToken = "The refresh token is invalid, expired or already used.";
    private const string WrongCurrentPassword = "The current password is wrong.";

    private TimeSpan RefreshLifetime => TimeSpan.FromDays(jwt.RefreshTokenDays);

    /// <summary>Creates an account after checking every field; 409 when the e-mail address is taken.</summary>
    public async Task<Outcome<UserRecord>> CreateAsync(string? email, string? password, string? displayName, string role, CancellationToken cancellationToken)
    {
        if (Invalid(email, password, displayName) is { } invalid)
        {
            return invalid;
        }

        return await InsertAsync(email!, password!, displayName!, role, cancellationToken);
    }

    /// <summary>A participant signing up: as <see cref="CreateAsync"/>, within the allowance of the client address.</summary>
    public async Task<Outcome<UserRecord>> RegisterAsync(RegisterRequest request, string clientAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Invalid(request.Email, request.Password, request.DisplayName) is { } invalid)
        {
            return invalid;
        }

        if (await registerThrottle.ReserveAsync(clientAddress, cancellationToken) is { } retryAfter)
        {
            return Failure.TooManyRequests(retryAfter);
        }

        return await InsertAsync(request.Email!, request.Password!, request.DisplayName!, Roles.Participant, cancellationToken);
    }

    /// <summary>Logs in; the attempt also says which account it was about, if the address names one.</summary>
    public async Task<LoginAttempt> LoginAsync(LoginRequest request, string clientAddress, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("email", request.Email)
            .Length("email", request.Email, 1, UserRules.MaxEmailLength)
            .Required("password", request.Password)
            .Length("password", request.Password, 1, PasswordPolicy.MaxLength);
        if (errors.ToFailure() is { } invalid)
        {
            return new LoginAttempt(invalid, null);
        }

        var account = UserRules.NormalizeEmail(request.Email!);
        var found = await users.FindByEmailAsync(account, cancellationToken);
        var checkedUser = await CheckPasswordAsync(account, clientAddress, request.Password!, found, Failure.Unauthorized(InvalidCredentials), cancellationToken);
        if (checkedUser.Value is not { } user)
        {
            return new LoginAttempt(checkedUser.Failure!, found?.Id);
        }

        var session = Guid.CreateVersion7();
        var refreshToken = await refreshTokens.IssueAsync(user.Id, session, RefreshLifetime, cancellationToken);
        logger.LogInformation("User {UserId} logged in", user.Id);
        return new LoginAttempt(Tokens(user, session, refreshToken), user.Id);
    }

    public async Task<Outcome<TokenResponse>> RefreshAsync(RefreshRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
        {
            return Failure.Invalid("refreshToken", "This field is required.");
        }

        if (request.RefreshToken.Length > MaxRefreshTokenLength)
        {
            return Failure.Unauthorized(InvalidRefreshToken);
        }

        var rotated = await refreshTokens.RotateAsync(request.RefreshToken, RefreshLifetime, cancellationToken);
        if (rotated is not { } pair)
        {
            logger.LogWarning("Refused a refresh token: unknown, expired, reused or of a disabled user");
            return Failure.Unauthorized(InvalidRefreshToken);
        }

        var user = await users.FindAsync(pair.Owner.UserId, cancellationToken);
        return user is null ? Failure.Unauthorized(InvalidRefreshToken) : Tokens(user, pair.Owner.FamilyId, pair.Successor);
    }

    /// <summary>
    /// Ends the caller's session (its refresh tokens and its access tokens), and the session the
    /// refresh token belongs to if it is another of the caller's; a token of anyone else changes nothing.
    /// </summary>
    public async Task<Failure?> LogoutAsync(Caller caller, Guid session, LogoutRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
        {
            return Failure.Invalid("refreshToken", "This field is required.");
        }

        await refreshTokens.EndSessionAsync(caller.Id, session, request.RefreshToken.Length <= MaxRefreshTokenLength ? request.RefreshToken : null, cancellationToken);
        return null;
    }

    private Failure? Invalid(string? email, string? password, string? displayName)
    {
        var errors = new ValidationErrors().Email(email).DisplayName(displayName, required: true);
        foreach (var reason in policy.Check(password, email))
        {
            errors.Add("password", reason);
        }

        return errors.ToFailure();
    }

    private async Task<Outcome<UserRecord>> InsertAsync(string email, string password, string displayName, string role, CancellationToken cancellationToken)
    {
        email = email.Trim();
        // A taken address is found before any hashing, and then costs the same time as a hash
        // (see WaitAsLongAsAHashAsync): the 409 says no more than today, neither by itself nor by
        // how long it took, and costs no CPU.
        if (await users.FindByEmailAsync(email, cancellationToken) is not null)
        {
            await hasher.WaitAsLongAsAHashAsync(cancellationToken);
            return Conflict();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new UserRecord(Guid.CreateVersion7(), email, displayName.Trim(), await hasher.HashAsync(password, cancellationToken), role, false, now, now);
        if (!await users.TryInsertAsync(user, cancellationToken))
        {
            // Taken meanwhile by a concurrent sign-up.
            return Conflict();
        }

        logger.LogInformation("Created {Role} account {UserId}", role, user.Id);
        return user;
    }

    private static Failure Conflict() => Failure.Conflict("An account with this e-mail address already exists.");

    /// <summary>
    /// Changes the caller's password once they prove the current one (throttled as logins are),
    /// and ends every other session of the account; the caller's own <paramref name="session"/> lives on.
    /// </summary>
    public async Task<Failure?> ChangePasswordAsync(Caller caller, Guid session, ChangePasswordRequest request, string clientAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors()
            .Required("currentPassword", request.CurrentPassword)
            .Length("currentPassword", request.CurrentPassword, 1, PasswordPolicy.MaxLength)
            .Required("newPassword", request.NewPassword);
        if (errors.ToFailure() is { } missing)
        {
            return missing;
        }

        var account = await users.FindAsync(caller.Id, cancellationToken);
        if (account is null)
        {
            return Failure.Unauthorized("This account no longer exists.");
        }

        foreach (var reason in policy.Check(request.NewPassword, account.Email))
        {
            errors.Add("newPassword", reason);
        }

        if (errors.ToFailure() is { } weak)
        {
            return weak;
        }

        if (await ProvePasswordAsync(account, request.CurrentPassword!, clientAddress, cancellationToken) is { } failure)
        {
            return failure;
        }

        if (!await users.ChangePasswordAsync(account.Id, await hasher.HashAsync(request.NewPassword!, cancellationToken), session, cancellationToken))
        {
            return Failure.Unauthorized("This account no longer exists.");
        }

        logger.LogInformation("User {UserId} changed their password; their other sessions are ended", account.Id);
        return null;
    }

    /// <summary>The holder of a session proves the account's current password, counted as a login of it from the client address: 403 when wrong, 429 past the limits.</summary>
    public async Task<Failure?> ProvePasswordAsync(UserRecord account, string password, string clientAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return (await CheckPasswordAsync(
            UserRules.NormalizeEmail(account.Email), clientAddress, password, account, Failure.Forbidden(WrongCurrentPassword), cancellationToken)).Failure;
    }

    /// <summary>
    /// The one sequence behind every password a person types: the attempt reserved first (a locked
    /// account or address costs no hashing), then the password against
    /// <paramref name="user"/> (a decoy's cost when there is none), then a success clears the account's counts. <paramref name="wrong"/> is the answer to a
    /// wrong password, an unknown or a disabled account alike.
    /// </summary>
    private async Task<Outcome<UserRecord>> CheckPasswordAsync(
        string account, string clientAddress, string password, UserRecord? user, Failure wrong, CancellationToken cancellationToken)
    {
        // Reserved before any hashing, in one counted step: a burst cannot pass between a check and a count.
        if (await throttle.ReserveAsync(account, clientAddress, cancellationToken) is { } retryAfter)
        {
            return Failure.TooManyRequests(retryAfter);
        }

        var passwordMatches = await hasher.VerifyAsync(password, user?.PasswordHash, cancellationToken);
        if (user is null || !passwordMatches || user.Disabled)
        {
            logger.LogInformation("Failed password check from {ClientAddress}", clientAddress);
            return wrong;
        }

        await throttle.RecordSuccessAsync(account, clientAddress, cancellationToken);
        return user;
    }

    private TokenResponse Tokens(UserRecord user, Guid session, string refreshToken)
    {
        var access = accessTokens.Issue(user.Id, user.Role, session);
        return new TokenResponse(access.Token, "Bearer", access.ExpiresInSeconds, refreshToken, UserResponse.From(user));
    }
}
