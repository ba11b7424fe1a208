using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Npgsql;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Infrastructure.Hosting;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Health;

public sealed record HealthResponse(string Status, IReadOnlyDictionary<string, string> Checks);

public sealed class HealthFunction(NpgsqlDataSource postgres, IDocumentStoreProbe documents, StartupReadiness readiness)
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    [Function("Health")]
    [Anonymous]
    [ServesWhileStarting]
    public async Task<Results<Ok<HealthResponse>, ProblemResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        var postgresCheck = CheckPostgresAsync(timeout.Token);
        var documentCheck = CheckDocumentsAsync(timeout.Token);
        var checks = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["postgres"] = await postgresCheck,
            ["mongodb"] = await documentCheck,
        };

        if (!readiness.IsReady)
        {
            // Read once: the preparation may move on while this answer is written.
            var status = readiness.Status;
            var starting = Problems.ServiceUnavailable($"Starting: {status}.");
            checks["startup"] = status;
            starting.Details.Extensions["checks"] = checks;
            return starting;
        }

        if (checks.Values.All(status => status != "unhealthy"))
        {
            return TypedResults.Ok(new HealthResponse("healthy", checks));
        }

        var problem = Problems.ServiceUnavailable($"Unreachable: {string.Join(", ", checks.Where(c => c.Value == "unhealthy").Select(c => c.Key))}.");
        problem.Details.Extensions["checks"] = checks;
        return problem;
    }

    private async Task<string> CheckPostgresAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await postgres.OpenConnectionAsync(cancellationToken);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken));
            return "healthy";
        }
        catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return "unhealthy";
        }
    }

    private async Task<string> CheckDocumentsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var reachable = await documents.IsReachableAsync(cancellationToken);
            return !reachable ? "unhealthy" : documents.Kind == DocumentStoreKind.Memory ? "healthy (in-memory store)" : "healthy";
        }
        catch (OperationCanceledException)
        {
            return "unhealthy";
        }
    }
}
