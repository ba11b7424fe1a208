using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Auth;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Infrastructure.Hosting;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Functions.Infrastructure.Http;

/// <summary>
/// What stands in front of every HTTP function, under the Functions host and standalone alike:
/// the caller is authenticated (a valid token, of a session that still admits it) and checked
/// against the function's access policy, the function's answer is recorded in the activity log
/// when the function declares it changes state, and whatever escapes the function becomes a
/// problem without internals. Until start-up has prepared the databases, only the functions that serve
/// while starting (health) run; the others answer 503.
/// </summary>
public sealed class FunctionGate(
    AccessPolicyCatalog policies,
    AccessTokens tokens,
    ISessionCheck sessions,
    ActivityRecorder activity,
    StartupReadiness readiness,
    ILogger<FunctionGate> logger)
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>Authorizes the request, runs <paramref name="function"/> and records what it answered; returns that answer (null if it gave none) or the one to give instead.</summary>
    public async Task<IResult?> InvokeAsync(HttpContext http, string entryPoint, Func<Task<IResult?>> function)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(function);
        SecurityHeaders.Apply(http.Response);
        if (!readiness.IsReady && !policies.ServesWhileStarting(entryPoint))
        {
            return Problems.Starting();
        }

        try
        {
            if (await AuthorizeAsync(http, policies.For(entryPoint)) is { } refusal)
            {
                return refusal;
            }

            var result = await function();
            await activity.RecordAsync(http, entryPoint, result);
            return result;
        }
        catch (Exception exception) when (http.RequestAborted.IsCancellationRequested && exception is OperationCanceledException)
        {
            logger.LogInformation("Request to {EntryPoint} was aborted by the client", entryPoint);
            return Problems.Create(StatusCodes.Status499ClientClosedRequest, "Client closed request", "The request was aborted.");
        }
        catch (Exception exception) when (IsDatabaseUnavailable(exception))
        {
            logger.LogWarning("A database is unreachable while running {EntryPoint}: {ExceptionType}", entryPoint, exception.GetType().Name);
            return Problems.ServiceUnavailable();
        }
        catch (PasswordHashingBusyException busy)
        {
            logger.LogWarning("Every password-hashing slot stayed busy while running {EntryPoint}", entryPoint);
            return Problems.ServiceUnavailable("The server is busy checking passwords. Retry later.", busy.RetryAfter);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.PayloadTooLarge(Json.JsonBody.MaxBytes);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Unhandled exception in {EntryPoint}", entryPoint);
            return Problems.InternalError();
        }
    }

    private async Task<IResult?> AuthorizeAsync(HttpContext http, AccessPolicy policy)
    {
        if (!policy.ReadsToken)
        {
            return null;
        }

        var header = http.Request.Headers.Authorization;
        if (header.Count == 0)
        {
            return policy.RequiresCaller ? Problems.Unauthorized() : null;
        }

        var value = header.Count == 1 ? header[0] : null;
        if (value is null || !value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Unauthorized("The Authorization header must be 'Bearer <access token>'.");
        }

        var principal = await tokens.ValidateAsync(value[BearerPrefix.Length..].Trim());
        if (principal is null)
        {
            return Problems.Unauthorized("The access token is invalid or expired.");
        }

        var caller = Caller.FromPrincipal(principal)!;
        if (!await sessions.AdmitsAsync(caller, AccessTokens.SessionOf(principal)!.Value, http.RequestAborted))
        {
            return Problems.Unauthorized("The session of this access token has ended, or the account has changed: log in again.");
        }

        http.User = principal;
        return policy.Admits(caller.Role) ? null : Problems.Forbidden();
    }

    internal static bool IsDatabaseUnavailable(Exception exception) => exception switch
    {
        NpgsqlException { IsTransient: true } => true,
        NpgsqlException { InnerException: SocketException or TimeoutException or IOException } => true,
        PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" or "3D000" or "28P01" } => true,
        _ when MongoErrors.IsUnavailable(exception) => true,
        SocketException => true,
        _ => exception.InnerException is { } inner && IsDatabaseUnavailable(inner),
    };
}
