using Dapper;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Workshops;

/// <summary>
/// Who may see and who may manage a workshop: the one definition, in C# for the services and as the
/// SQL conditions the store puts in its WHERE clauses, over a <c>workshops</c> row aliased <c>w</c>
/// with the caller bound by <see cref="Parameters"/>. WorkshopAccessSqlTests proves both sides equal.
/// </summary>
public static class WorkshopAccess
{
    /// <summary>
    /// Admins see everything, trainers their own workshops too, everyone else what is published and what
    /// was published before it was cancelled (a registrant's link keeps working); never a draft, even cancelled.
    /// </summary>
    public const string SqlVisible =
        "(@isAdmin OR w.status = 'published' OR (w.status = 'cancelled' AND w.published_at IS NOT NULL) OR w.trainer_id = @callerId)";

    /// <summary>Only the owning trainer or an admin changes a workshop.</summary>
    public const string SqlManaged = "(@isAdmin OR (@isTrainer AND w.trainer_id = @callerId))";

    public static bool IsVisible(string status, bool wasPublished, Guid trainerId, Caller? caller) =>
        caller is { IsAdmin: true } || status == WorkshopStatus.Published || (status == WorkshopStatus.Cancelled && wasPublished) || caller?.Id == trainerId;

    public static bool IsManaged(Guid trainerId, Caller? caller) =>
        caller is { IsAdmin: true } || (caller is { IsTrainer: true } && caller.Id == trainerId);

    /// <summary>The caller, as the SQL conditions read it; an anonymous caller is no one.</summary>
    public static DynamicParameters Parameters(Caller? caller) => new(new
    {
        isAdmin = caller?.IsAdmin ?? false,
        isTrainer = caller?.IsTrainer ?? false,
        callerId = caller?.Id ?? Guid.Empty,
    });
}
