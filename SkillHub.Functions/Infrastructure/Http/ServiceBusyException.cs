namespace SkillHub.Functions.Infrastructure.Http;

/// <summary>
/// Something every request shares (a pool of slots) stayed busy: the error mapping answers 503 with
/// <see cref="RetryAfter"/> and <see cref="Detail"/>, which the feature that throws words for the client.
/// </summary>
public class ServiceBusyException(string message, string detail, TimeSpan retryAfter) : Exception(message)
{
    public string Detail { get; } = detail;

    public TimeSpan RetryAfter { get; } = retryAfter;
}
