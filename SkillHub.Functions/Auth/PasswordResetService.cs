using Microsoft.Extensions.Logging;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Users;

namespace SkillHub.Functions.Auth;

/// <summary>A forgotten password: a link by e-mail, then a new password from it.</summary>
public sealed class PasswordResetService(
    PasswordResets resets, PasswordResetTokens resetTokens, PasswordHasher hasher, PasswordPolicy policy, ILogger<PasswordResetService> logger)
{
    private const string InvalidResetToken = "The reset link is invalid, already used or expired: ask for a new one.";

    /// <summary>
    /// Asks for a reset link. The answer is the same whether the address names an active account or not
    /// (only the throttle, which counts the address typed, can refuse); the e-mail goes after the answer.
    /// </summary>
    public async Task<Failure?> RequestAsync(PasswordResetRequest request, string clientAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors().Required("email", request.Email).Length("email", request.Email, 3, UserRules.MaxEmailLength);
        if (errors.ToFailure() is { } invalid)
        {
            return invalid;
        }

        var email = UserRules.NormalizeEmail(request.Email!);
        if (await resets.ReserveAsync(email, clientAddress, cancellationToken) is { } retryAfter)
        {
            return Failure.TooManyRequests(retryAfter);
        }

        await resets.RequestAsync(email, cancellationToken);
        return null;
    }

    /// <summary>Sets a new password from a reset link: once, within its 30 minutes, and every session of the account ends; answers whose account it was.</summary>
    public async Task<Outcome<Guid>> ConfirmAsync(ConfirmPasswordResetRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors()
            .Required("token", request.Token)
            .Required("newPassword", request.NewPassword)
            .Length("newPassword", request.NewPassword, 1, PasswordPolicy.MaxLength);
        if (errors.ToFailure() is { } missing)
        {
            return missing;
        }

        if (resetTokens.Read(request.Token) is not { } resetId || await resets.FindValidAsync(resetId, cancellationToken) is not { } account)
        {
            return Failure.BadRequest(InvalidResetToken);
        }

        var weak = new ValidationErrors();
        foreach (var reason in policy.Check(request.NewPassword, account.Email))
        {
            weak.Add("newPassword", reason);
        }

        if (weak.ToFailure() is { } refused)
        {
            return refused;
        }

        if (!await resets.ConfirmAsync(resetId, await hasher.HashAsync(request.NewPassword!, cancellationToken), cancellationToken))
        {
            return Failure.BadRequest(InvalidResetToken);
        }

        logger.LogInformation("Password of user {UserId} reset from an e-mailed link; every session ended", account.UserId);
        return account.UserId;
    }
}
