namespace SkillHub.Functions.Infrastructure.Http;

/// <summary>
/// Something every request shares (a pool of slots) stayed busy: the error mapping answers 503 with
/// <see cref="RetryAfter"/> and <see cref="Detail"/>, which the feature that throws words for the client.
/// </summary>
public class ServiceBusyException : Exception
{
    public ServiceBusyException()
        : this("The server stayed busy.")
    {
    }

    public ServiceBusyException(string message)
        : base(message)
    {
    }

    public ServiceBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ServiceBusyException(string message, string detail, TimeSpan retryAfter)
        : base(message)
    {
        Detail = detail;
        RetryAfter = retryAfter;
    }

    public string Detail { get; } = "The server is busy. Retry later.";

    public TimeSpan RetryAfter { get; } = TimeSpan.FromSeconds(1);
}
