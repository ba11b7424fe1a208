using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Backups;

public sealed class BackupFunctions(BackupService backups)
{
    [Function("CreateBackup")]
    [CallerRequired(Roles.Admin)]
    [RecordsActivity(BackupActivity.CreatedAction, BackupActivity.TargetType, TargetFromAnswer = true)]
    public async Task<IResult> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = AdminRoute.Prefix + "/backups")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var set = await backups.CreateAsync(cancellationToken);
        return TypedResults.Created($"/api/admin/backups/{set.Id}", set);
    }

    [Function("ListBackups")]
    [CallerRequired(Roles.Admin)]
    public async Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AdminRoute.Prefix + "/backups")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (QueryParameters.ReadPaging(request.Query, out var page) is { } problem)
        {
            return problem;
        }

        var (items, total) = await backups.ListAsync(page, cancellationToken);
        return TypedResults.Ok(PageResponse.Create(page, items, total));
    }

    [Function("GetBackup")]
    [CallerRequired(Roles.Admin)]
    public async Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AdminRoute.Prefix + "/backups/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        await backups.FindAsync(id, cancellationToken) is { } set ? TypedResults.Ok(set) : Problems.NotFound("No such backup set.");
}

/// <summary>Writes a backup set on the schedule of the <c>BackupSchedule</c> setting, and records it in the activity log.</summary>
public sealed class ScheduledBackup(BackupService backups, IActivityLog activity, TimeProvider clock, ILogger<ScheduledBackup> logger)
{
    [Function("ScheduledBackup")]
    public async Task Run([TimerTrigger("%BackupSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var set = await backups.CreateAsync(cancellationToken);
        logger.LogInformation("Scheduled backup {BackupId} written (past due: {PastDue})", set.Id, timer.IsPastDue);
        await activity.AppendQuietlyAsync(
            ActivityEntry.ForSystem(clock, BackupActivity.CreatedAction, new ActivityTarget(BackupActivity.TargetType, set.Id), new Dictionary<string, string>
            {
                ["trigger"] = "schedule",
                ["files"] = set.Files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }),
            logger);
    }
}
