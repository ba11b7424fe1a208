namespace SkillHub.Functions.Infrastructure.Security;

public static class Roles
{
    public const string Admin = "admin";
    public const string Trainer = "trainer";
    public const string Participant = "participant";

    public static IReadOnlyList<string> All { get; } = [Admin, Trainer, Participant];

    public static bool IsValid(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
