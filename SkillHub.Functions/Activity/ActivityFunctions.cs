using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Activity;

public sealed class ActivityFunctions(IActivityLog log)
{
    [Function("ListActivity")]
    [CallerRequired(Roles.Admin)]
    public async Task<Results<Ok<PageResponse<ActivityEntry>>, ProblemResult>> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AdminRoute.Prefix + "/activity")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var query = new QueryParameters(request.Query);
        var filters = new ActivityQuery(
            query.Id("actorId"),
            query.Text("action", ActivityEntry.MaxActionLength),
            query.Text("targetId", ActivityEntry.MaxTargetIdLength),
            query.Timestamp("from"),
            query.Timestamp("to"));
        var page = query.Paging();
        if (filters is { From: { } from, To: { } to } && from > to)
        {
            query.Fail("to", "Must not be before from.");
        }

        if (query.ToProblem() is { } problem)
        {
            return problem;
        }

        var (items, total) = await log.QueryAsync(filters, page, cancellationToken);
        return TypedResults.Ok(PageResponse.Create(page, items, total));
    }
}
