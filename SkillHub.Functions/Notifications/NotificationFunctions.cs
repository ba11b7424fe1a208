using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Json;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Notifications;

/// <summary>A message as the admin's list shows it.</summary>
public sealed record NotificationResponse(
    Guid Id, string Event, string? Recipient, string? Subject, string Status, int Attempts, string? LastError, DateTime CreatedAt, DateTime? SentAt)
{
    public static NotificationResponse From(NotificationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.Id, record.Event, record.Recipient, record.Subject, record.Status, record.Attempts, record.LastError, record.CreatedAt, record.SentAt);
    }
}

public sealed class NotificationFunctions(NotificationOutbox outbox, NotificationPreferences preferences, NotificationSender sender, ILogger<NotificationFunctions> logger)
{
    [Function("SendNotifications")]
    public async Task Send([TimerTrigger("%" + NotificationOptions.ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var sent = await sender.RunAsync(cancellationToken);
        if (sent > 0)
        {
            logger.LogInformation("Sent {Count} notification(s)", sent);
        }
    }

    [Function("ListNotifications")]
    [CallerRequired(Roles.Admin)]
    public async Task<Results<Ok<PageResponse<NotificationResponse>>, ProblemResult>> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AdminRoute.Prefix + "/notifications")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var query = new QueryParameters(request.Query);
        var filters = new NotificationQuery(
            query.OneOf("status", [.. NotificationStatus.All]),
            query.Text("recipient", 254),
            query.OneOf("event", [.. NotificationEvents.All]));
        var page = query.Paging();
        if (query.ToProblem() is { } problem)
        {
            return problem;
        }

        var (items, total) = await outbox.ListAsync(filters, page, cancellationToken);
        return TypedResults.Ok(PageResponse.Create(page, items.Select(NotificationResponse.From).ToList(), total));
    }

    [Function("RetryNotification")]
    [CallerRequired(Roles.Admin)]
    [RecordsActivity("notification.retry", "notification")]
    public async Task<Results<Accepted, ProblemResult>> Retry(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = AdminRoute.Prefix + "/notifications/{id:guid}/retry")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken) =>
        await outbox.RetryAsync(id, cancellationToken) switch
        {
            null => Problems.NotFound("No such notification."),
            false => Problems.Conflict("Only a failed notification can be retried."),
            true => TypedResults.Accepted((string?)null),
        };

    [Function("GetMyNotifications")]
    [CallerRequired]
    public async Task<Results<Ok<NotificationPreferencesResponse>, ProblemResult>> GetPreferences(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/notifications")] HttpRequest request,
        CancellationToken cancellationToken) =>
        await preferences.FindAsync(request.RequiredCaller().Id, cancellationToken) is { } found
            ? TypedResults.Ok(found)
            : Problems.Unauthorized("This account no longer exists.");

    [Function("UpdateMyNotifications")]
    [CallerRequired]
    [RecordsActivity("user.notifications.update", "user", TargetIsCaller = true)]
    public Task<IResult> UpdatePreferences(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "me/notifications")] HttpRequest request,
        CancellationToken cancellationToken) =>
        JsonBody.HandleAsync<UpdateNotificationPreferencesRequest>(request, async change =>
        {
            if (change is { Reminders: null, WorkshopUpdates: null })
            {
                return Problems.Validation("body", "Name at least one of reminders, workshopUpdates.");
            }

            return await preferences.UpdateAsync(request.RequiredCaller().Id, change, cancellationToken) is { } updated
                ? TypedResults.Ok(updated)
                : Problems.Unauthorized("This account no longer exists.");
        }, cancellationToken);
}
