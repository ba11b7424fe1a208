using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Calendars;

public sealed class CalendarFunctions(CalendarService calendars)
{
    public const string ContentType = "text/calendar; charset=utf-8";

    [Function("WorkshopCalendar")]
    [CallerOptional]
    public async Task<IResult> Workshop(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "workshops/{id:guid}/calendar.ics")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken) =>
        (await calendars.WorkshopAsync(id, request.Caller(), cancellationToken)).Match(file => Answer(request, file));

    [Function("CreateCalendarFeed")]
    [CallerRequired]
    [RecordsActivity("calendar.feed.create", "user", TargetIsCaller = true)]
    public async Task<IResult> CreateFeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "me/calendar-feed")] HttpRequest request,
        CancellationToken cancellationToken) =>
        // Location names the resource, never the address: it is a secret, and headers are what proxies log.
        await calendars.CreateFeedAsync(request.RequiredCaller().Id, cancellationToken) is { } feed
            ? TypedResults.Created("/api/me/calendar-feed", feed)
            : Problems.Unauthorized("This account no longer exists.");

    [Function("DeleteCalendarFeed")]
    [CallerRequired]
    [RecordsActivity("calendar.feed.revoke", "user", TargetIsCaller = true)]
    public async Task<IResult> DeleteFeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "me/calendar-feed")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        await calendars.RevokeFeedAsync(request.RequiredCaller().Id, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The address is the credential: no bearer token is read, and nothing about the call is recorded.</summary>
    [Function("CalendarFeed")]
    [Anonymous]
    public async Task<IResult> Feed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calendar/{token}.ics")] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        await calendars.FeedAsync(token, cancellationToken) is { } feed
            ? Answer(request, feed)
            : Problems.NotFound("No calendar at this address.");

    private static ContentHttpResult Answer(HttpRequest request, CalendarFile file)
    {
        request.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{file.FileName}\"";
        return TypedResults.Text(file.Text, ContentType);
    }
}
