namespace SkillHub.Functions.Registrations;

/// <summary>
/// One event in a registration's life, embedded in its document. <see cref="Cause"/> says when the
/// change came from the workshop or the account rather than from the registration itself.
/// </summary>
public sealed record HistoryEntry(DateTime At, string Status, Guid? By, string? Reason, string? Cause = null)
{
    /// <summary>The cause of the cancellations that cancelling a workshop makes.</summary>
    public const string WorkshopCancelled = "workshop.cancelled";

    /// <summary>The cause of the cancellations that erasing an account makes: nobody is left to tell.</summary>
    public const string AccountErased = "account.erased";
}
