using System.Globalization;
using Microsoft.Extensions.Configuration;
using MongoDB.Driver;

namespace SkillHub.Functions.Infrastructure.Documents;

/// <summary>
/// How long the MongoDB client waits, at most, at each step of an operation, so that a stalled or
/// lost server fails a request (503) instead of holding it: finding a server and connecting to it
/// (<see cref="ServerSelection"/>, never longer than <see cref="Operation"/>), then each read of its
/// answer and the wait for a pooled connection (<see cref="Operation"/>). The driver 3.14 has no
/// public whole-operation timeout (its <c>Timeout</c> is internal, <c>timeoutMS</c> is refused in a
/// connection string), so these bound every wait it makes instead.
/// </summary>
public sealed record MongoTimeouts(TimeSpan Operation, TimeSpan ServerSelection)
{
    public const string OperationSetting = "MongoDB:TimeoutSeconds";
    public const string ServerSelectionSetting = "MongoDB:ServerSelectionTimeoutSeconds";

    private const int DefaultOperationSeconds = 10;
    private const int DefaultServerSelectionSeconds = 5;
    private const int MaxSeconds = 300;

    public static MongoTimeouts Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var operation = Seconds(configuration, OperationSetting, DefaultOperationSeconds);
        var selection = Seconds(configuration, ServerSelectionSetting, DefaultServerSelectionSeconds);
        return new MongoTimeouts(operation, selection < operation ? selection : operation);
    }

    public void ApplyTo(MongoClientSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.ServerSelectionTimeout = ServerSelection;
        settings.ConnectTimeout = ServerSelection;
        settings.SocketTimeout = Operation;
        settings.WaitQueueTimeout = Operation;
    }

    private static TimeSpan Seconds(IConfiguration configuration, string setting, int fallback)
    {
        var text = configuration[setting];
        if (string.IsNullOrWhiteSpace(text))
        {
            return TimeSpan.FromSeconds(fallback);
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= MaxSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new InvalidOperationException($"{setting.Replace(":", "__", StringComparison.Ordinal)} must be a whole number of seconds from 1 to {MaxSeconds}.");
    }
}
