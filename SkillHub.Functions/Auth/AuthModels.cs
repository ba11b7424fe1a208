using SkillHub.Functions.Users;

namespace SkillHub.Functions.Auth;

public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName);

public sealed record LoginRequest(string? Email, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record LogoutRequest(string? RefreshToken);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken, UserResponse User);
