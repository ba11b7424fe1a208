using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Users;

namespace SkillHub.Functions.Auth;

/// <summary>Creates the first admin from Bootstrap__AdminEmail and Bootstrap__AdminPassword when no active admin exists.</summary>
public sealed class BootstrapAdmin(IConfiguration configuration, IUserStore users, AccountService accounts, ILogger<BootstrapAdmin> logger)
{
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var email = configuration["Bootstrap:AdminEmail"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return;
        }

        if (await users.AnyActiveAdminAsync(cancellationToken))
        {
            logger.LogDebug("An admin exists; Bootstrap__AdminEmail is ignored");
            return;
        }

        var created = await accounts.CreateAsync(email, password, "Administrator", Roles.Admin, cancellationToken);
        if (created.Failure is { } failure)
        {
            var reasons = failure.Errors is null ? failure.Message : string.Join("; ", failure.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
            throw new InvalidOperationException($"The bootstrap admin could not be created ({reasons}). Fix Bootstrap__AdminEmail / Bootstrap__AdminPassword.");
        }

        logger.LogInformation("Bootstrap admin {UserId} created", created.Value!.Id);
    }
}
