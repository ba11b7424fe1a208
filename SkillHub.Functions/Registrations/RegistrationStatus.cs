namespace SkillHub.Functions.Registrations;

public static class RegistrationStatus
{
    public const string Confirmed = "confirmed";
    public const string Waitlisted = "waitlisted";
    public const string Cancelled = "cancelled";

    private static readonly string[] ListOrder = [Confirmed, Waitlisted, Cancelled];

    /// <summary>Every status, in the order a workshop's registrations are listed.</summary>
    public static IReadOnlyList<string> All => ListOrder;

    /// <summary>The statuses that hold a place: a seat, or one in the queue.</summary>
    public static IReadOnlyList<string> Active { get; } = [Confirmed, Waitlisted];

    public static bool IsActive(string status) => Active.Contains(status);

    /// <summary>The status's place in <see cref="All"/>; a status not listed ranks with the last.</summary>
    public static int Rank(string status) => Array.IndexOf(ListOrder, status) is var rank and >= 0 ? rank : ListOrder.Length - 1;
}
