using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Users;

/// <summary>A users row as stored.</summary>
public sealed record UserRecord(Guid Id, string Email, string DisplayName, string PasswordHash, string Role, bool Disabled, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>A user as the API shows it: never the password hash.</summary>
public sealed record UserResponse(Guid Id, string Email, string DisplayName, string Role, bool Disabled, DateTime CreatedAt)
{
    public static UserResponse From(UserRecord user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Id, user.Email, user.DisplayName, user.Role, user.Disabled, user.CreatedAt);
    }
}

public sealed record CreateUserRequest(string? Email, string? Password, string? DisplayName, string? Role);

public sealed record UpdateUserRequest(string? Role, string? DisplayName, bool? Disabled);

/// <summary>The field rules shared by self-registration and admin creation.</summary>
public static class UserRules
{
    public const int MaxEmailLength = 254;
    public const int MaxDisplayNameLength = 100;

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public static ValidationErrors Email(this ValidationErrors errors, string? email)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.Required("email", email);
        if (email is not null && !IsEmail(email.Trim()))
        {
            errors.Add("email", "Not a valid e-mail address.");
        }

        return errors;
    }

    public static ValidationErrors DisplayName(this ValidationErrors errors, string? displayName, bool required)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (required)
        {
            errors.Required("displayName", displayName);
        }

        if (displayName is not null && (displayName.Trim().Length is 0 or > MaxDisplayNameLength || displayName.Any(char.IsControl)))
        {
            errors.Add("displayName", $"Between 1 and {MaxDisplayNameLength} characters, without control characters.");
        }

        return errors;
    }

    public static ValidationErrors Role(this ValidationErrors errors, string? role, bool required)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (required)
        {
            errors.Required("role", role);
        }

        return errors.When(role is not null && !Roles.IsValid(role), "role", $"One of: {string.Join(", ", Roles.All)}.");
    }

    private static bool IsEmail(string email)
    {
        if (email.Length is < 3 or > MaxEmailLength || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        var at = email.LastIndexOf('@');
        if (at <= 0 || at == email.Length - 1 || email.IndexOf('@', StringComparison.Ordinal) != at)
        {
            return false;
        }

        var domain = email[(at + 1)..];
        return domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.') && !domain.Contains("..", StringComparison.Ordinal);
    }
}

/// <summary>What an erased account holds in place of the person's data (DELETE /api/me).</summary>
public static class ErasedAccount
{
    /// <summary>The name the account's comments and registrations show from then on.</summary>
    public const string DisplayName = "Compte supprimé";

    /// <summary>Not a hash the hasher can read, so no password ever verifies against it.</summary>
    public const string PasswordHash = "erased";

    /// <summary>Why a message to the account is never sent.</summary>
    public const string SkipReason = "The account is erased.";

    /// <summary>
    /// An address no sign-up can take (the reserved <c>.invalid</c> domain) and no other erased account
    /// shares (the account's id); the person's own address is free again.
    /// </summary>
    public static string Email(Guid id) => $"{id:N}@erased.invalid";
}
