using Microsoft.Extensions.Logging;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Auth;
using SkillHub.Functions.Comments;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Registrations;

namespace SkillHub.Functions.Users;

/// <summary>The caller's own data (RGPD): all of it in one document, or erased from both databases.</summary>
public sealed class PersonalDataService(
    IUserStore users,
    AccountService accounts,
    PersonalDataStore store,
    RegistrationService registrations,
    ICommentStore comments,
    IActivityLog activity,
    TimeProvider clock,
    ILogger<PersonalDataService> logger)
{
    /// <summary>The most items of each kind an export holds, newest first; each list says whether some were left out.</summary>
    public const int ExportLimit = 1_000;

    private const string Gone = "This account no longer exists.";

    public async Task<Outcome<PersonalDataExport>> ExportAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var exportedAt = clock.GetUtcNow().UtcDateTime;
        if (await store.ReadAsync(caller.Id, ExportLimit, cancellationToken) is not { } relational)
        {
            return Failure.Unauthorized(Gone);
        }

        var mine = await registrations.ListForCallerAsync(caller, new PageRequest(1, ExportLimit), cancellationToken);
        var (written, writtenTotal) = await comments.ListByAuthorAsync(caller.Id, ExportLimit, cancellationToken);
        var (done, doneTotal) = await activity.QueryAsync(new ActivityQuery(ActorId: caller.Id), new PageRequest(1, ExportLimit), cancellationToken);
        logger.LogInformation("User {UserId} exported their data", caller.Id);
        return new PersonalDataExport(
            exportedAt,
            ExportLimit,
            relational.Account,
            ExportedList.Of(mine.Items, mine.Total),
            ExportedList.Of(written.Select(c => new ExportedComment(c.Id, c.WorkshopId, c.Body, c.Rating, c.CreatedAt, c.UpdatedAt, c.Hidden, c.HiddenAt)).ToList(), writtenTotal),
            relational.Notifications,
            ExportedList.Of(done, doneTotal),
            relational.Sessions,
            relational.PasswordResets);
    }

    /// <summary>
    /// Erases the caller's account once they prove its password (throttled as logins are). The
    /// documents go first: until the users row is erased, a failure leaves a whole account whose owner
    /// may try again. Registrations are cancelled the usual way (seats handed over, the promoted told),
    /// comments stay under <see cref="ErasedAccount.DisplayName"/>, the address leaves the activity log;
    /// then the row and the rest of PostgreSQL (<see cref="IUserStore.EraseAsync"/>).
    /// </summary>
    public async Task<Failure?> EraseAsync(Caller caller, EraseAccountRequest request, string clientAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors()
            .Required("password", request.Password)
            .Length("password", request.Password, 1, PasswordPolicy.MaxLength);
        if (errors.ToFailure() is { } invalid)
        {
            return invalid;
        }

        if (await users.FindAsync(caller.Id, cancellationToken) is not { } account)
        {
            return Failure.Unauthorized(Gone);
        }

        if (await accounts.ProvePasswordAsync(account, request.Password!, clientAddress, cancellationToken) is { } wrong)
        {
            return wrong;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (await users.ErasureRefusalAsync(account.Id, now, cancellationToken) is { } refused)
        {
            return refused;
        }

        await registrations.CancelForErasureAsync(account.Id, cancellationToken);
        await comments.RenameAuthorAsync(account.Id, ErasedAccount.DisplayName, cancellationToken);
        await activity.ReplaceValueAsync(UserRules.NormalizeEmail(account.Email), account.Id.ToString(), cancellationToken);
        if (await users.EraseAsync(account.Id, now, cancellationToken) is { } failure)
        {
            return failure;
        }

        logger.LogInformation("User {UserId} erased their account", account.Id);
        return null;
    }
}
