using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Users;

namespace SkillHub.Functions.Auth;

public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName);

public sealed record LoginRequest(string? Email, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record LogoutRequest(string? RefreshToken);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record PasswordResetRequest(string? Email);

public sealed record ConfirmPasswordResetRequest(string? Token, string? NewPassword);

/// <summary>What a login answered, and the account it was about when the address named one (never the text typed otherwise).</summary>
public sealed record LoginAttempt(Outcome<TokenResponse> Tokens, Guid? AccountId);

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken, UserResponse User);
