using Dapper;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Auth;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Workshops;

namespace SkillHub.Functions.Tests.Workshops;

/// <summary>
/// Who may see and who may manage a workshop is defined once (WorkshopAccess): the SQL conditions the
/// store filters with and the C# predicates the services ask answer alike, on a real PostgreSQL, for
/// every caller (anonymous, every role on their own workshop or on another trainer's) and every
/// workshop status, started or not, published before or never (a cancelled draft).
/// </summary>
public sealed class WorkshopAccessSqlTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task SqlConditions_AnswerAsThePredicates_ForEveryCallerAndEveryWorkshop()
    {
        var owner = await StoredUsers.InsertAsync(database.DataSource, Roles.Trainer);
        var otherTrainer = await StoredUsers.InsertAsync(database.DataSource, Roles.Trainer);
        var workshops = new List<Guid>();
        foreach (var status in WorkshopStatus.All)
        {
            foreach (var days in new[] { -2, 30 })
            {
                foreach (var neverPublished in new[] { false, true })
                {
                    workshops.Add(await WorkshopTestData.InsertAsync(database.DataSource, owner.Id, status: status, startsAt: WorkshopTestData.InDays(days), neverPublished: neverPublished));
                }
            }
        }

        Caller?[] callers = [null, .. Roles.All.SelectMany(role => new[] { new Caller(owner.Id, role), new Caller(otherTrainer.Id, role) })];
        var answers = new List<(Caller? Caller, Guid Workshop, bool SqlVisible, bool Visible, bool SqlManaged, bool Managed)>();
        await using var connection = await database.DataSource.OpenConnectionAsync();
        foreach (var caller in callers)
        {
            var parameters = WorkshopAccess.Parameters(caller);
            parameters.Add("ids", workshops.ToArray());
            var rows = await connection.QueryAsync<AccessRow>(
                $"""
                SELECT w.id AS Id, w.status AS Status, w.published_at IS NOT NULL AS WasPublished, w.trainer_id AS TrainerId,
                       {WorkshopAccess.SqlVisible} AS Visible, {WorkshopAccess.SqlManaged} AS Managed
                  FROM workshops w
                 WHERE w.id = ANY(@ids)
                """,
                parameters);
            answers.AddRange(rows.Select(row => (caller, row.Id, row.Visible, WorkshopAccess.IsVisible(row.Status, row.WasPublished, row.TrainerId, caller),
                row.Managed, WorkshopAccess.IsManaged(row.TrainerId, caller))));
        }

        Assert.Equal(callers.Length * workshops.Count, answers.Count);
        Assert.DoesNotContain(answers, a => a.SqlVisible != a.Visible || a.SqlManaged != a.Managed);
        // Every outcome the rule allows occurs, and none it forbids: whoever manages a workshop sees it.
        Assert.Equal(
            [(false, false), (true, false), (true, true)],
            answers.Select(a => (a.Visible, a.Managed)).Distinct().Order());
    }

    private sealed record AccessRow(Guid Id, string Status, bool WasPublished, Guid TrainerId, bool Visible, bool Managed);
}
