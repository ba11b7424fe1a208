using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Statistics;

public sealed class StatisticsFunctions(StatisticsService statistics, TimeProvider clock)
{
    [Function("GetMyAttendance")]
    [CallerRequired]
    public async Task<IResult> MyAttendance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/attendance")] HttpRequest request,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await statistics.ForParticipantAsync(request.RequiredCaller(), cancellationToken));

    [Function("GetTrainerStats")]
    [CallerRequired(Roles.Trainer, Roles.Admin)]
    public async Task<IResult> TrainerStats(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "trainers/{id:guid}/stats")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken)
    {
        var query = new QueryParameters(request.Query);
        var period = ReportingPeriod.Read(query, query.Timestamp("from"), query.Timestamp("to"), clock.GetUtcNow().UtcDateTime);
        if (query.ToProblem() is { } problem)
        {
            return problem;
        }

        return (await statistics.ForTrainerAsync(id, request.RequiredCaller(), period, cancellationToken)).Match(TypedResults.Ok);
    }
}
