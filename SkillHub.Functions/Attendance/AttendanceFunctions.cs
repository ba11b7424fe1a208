using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Infrastructure.Json;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Attendance;

public sealed class AttendanceFunctions(AttendanceService attendance)
{
    [Function("MarkAttendance")]
    [CallerRequired(Roles.Trainer, Roles.Admin)]
    [RecordsActivity("attendance.mark", "workshop")]
    public Task<IResult> Mark(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "workshops/{id:guid}/attendance")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken) =>
        JsonBody.HandleAsync<MarkAttendanceRequest>(request, async marking =>
            (await attendance.MarkAsync(id, request.RequiredCaller(), marking, cancellationToken)).Match(TypedResults.Ok), cancellationToken);

    [Function("GetCheckInCode")]
    [CallerRequired(Roles.Trainer, Roles.Admin)]
    public async Task<IResult> Code(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "workshops/{id:guid}/check-in-code")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken) =>
        (await attendance.CodeAsync(id, request.RequiredCaller(), cancellationToken)).Match(TypedResults.Ok);

    [Function("CheckIn")]
    [CallerRequired(Roles.Participant)]
    [RecordsActivity("attendance.check_in", "registration", TargetFromAnswer = true)]
    public Task<IResult> CheckIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "workshops/{id:guid}/check-in")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken) =>
        JsonBody.HandleAsync<CheckInRequest>(request, async checkIn =>
            (await attendance.CheckInAsync(id, request.RequiredCaller(), checkIn, cancellationToken)).Match(TypedResults.Ok), cancellationToken);

    [Function("AttendanceSheet")]
    [CallerRequired(Roles.Trainer, Roles.Admin)]
    public async Task<IResult> Sheet(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "workshops/{id:guid}/attendance.csv")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken)
    {
        var sheet = await attendance.SheetAsync(id, request.RequiredCaller(), cancellationToken);
        return sheet.Match(found =>
        {
            request.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{AttendanceSheet.FileName(found.Workshop.Id)}\"";
            return TypedResults.Bytes(AttendanceSheet.Write(found.Lines), AttendanceSheet.ContentType);
        });
    }
}
