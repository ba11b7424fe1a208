using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;
using SkillHub.Functions.Infrastructure.Documents;

namespace SkillHub.Functions.Infrastructure.Http;

/// <summary>
/// Whatever escapes the filters after this one or the function becomes a problem without internals: a client that
/// left (499), a database out of reach or a shared resource busy (503, with Retry-After), a body too large (413),
/// anything else 500, logged.
/// </summary>
public sealed class ErrorMapping(ILogger<ErrorMapping> logger) : IFunctionFilter
{
    public async Task<IResult?> InvokeAsync(FunctionCall invocation, Func<Task<IResult?>> proceed)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(proceed);
        try
        {
            return await proceed();
        }
        catch (Exception exception) when (invocation.Http.RequestAborted.IsCancellationRequested && exception is OperationCanceledException)
        {
            logger.LogInformation("Request to {EntryPoint} was aborted by the client", invocation.EntryPoint);
            return Problems.Create(StatusCodes.Status499ClientClosedRequest, "Client closed request", "The request was aborted.");
        }
        catch (Exception exception) when (IsDatabaseUnavailable(exception))
        {
            logger.LogWarning("A database is unreachable while running {EntryPoint}: {ExceptionType}", invocation.EntryPoint, exception.GetType().Name);
            return Problems.ServiceUnavailable();
        }
        catch (ServiceBusyException busy)
        {
            logger.LogWarning("The server stayed busy while running {EntryPoint}: {Reason}", invocation.EntryPoint, busy.Message);
            return Problems.ServiceUnavailable(busy.Detail, busy.RetryAfter);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.PayloadTooLarge(Json.JsonBody.MaxBytes);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Unhandled exception in {EntryPoint}", invocation.EntryPoint);
            return Problems.InternalError();
        }
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
