using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Workshops;

/// <summary>The workshops table; ownership and visibility are part of each statement.</summary>
public interface IWorkshopStore
{
    Task<(IReadOnlyList<WorkshopRecord> Items, long Total)> ListAsync(WorkshopQuery query, Caller? caller, PageRequest page, CancellationToken cancellationToken);

    Task<WorkshopRecord?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The workshops with these ids, whatever their visibility, in one query.</summary>
    Task<IReadOnlyList<WorkshopRecord>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    Task<WorkshopRecord?> FindVisibleAsync(Guid id, Caller? caller, CancellationToken cancellationToken);

    Task<bool> IsActiveTrainerAsync(Guid userId, CancellationToken cancellationToken);

    Task<WorkshopRecord> InsertAsync(Guid id, Guid trainerId, WorkshopDetails details, CancellationToken cancellationToken);

    Task<WorkshopRecord?> UpdateAsync(Guid id, int? expectedVersion, Caller caller, WorkshopDetails details, CancellationToken cancellationToken);

    Task<WorkshopRecord?> PublishAsync(Guid id, Caller caller, CancellationToken cancellationToken);

    Task<WorkshopRecord?> CancelAsync(Guid id, Caller caller, string reason, CancellationToken cancellationToken);

    Task<bool> DeleteUnusedAsync(Guid id, CancellationToken cancellationToken);
}
