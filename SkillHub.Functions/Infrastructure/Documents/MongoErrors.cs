using MongoDB.Driver;

namespace SkillHub.Functions.Infrastructure.Documents;

/// <summary>How MongoDB says "a unique index already holds this key" or "no server can serve now", whichever way the driver reports it.</summary>
internal static class MongoErrors
{
    internal const int DuplicateKeyCode = 11000;

    public static bool IsDuplicateKey(MongoException exception) => exception switch
    {
        MongoWriteException write => write.WriteError?.Category == ServerErrorCategory.DuplicateKey,
        MongoCommandException { Result: not null } command => command.Code == DuplicateKeyCode,
        _ => false,
    };

    /// <summary>
    /// The server cannot be reached or did not answer in time: worth a retry later (503), not a bug.
    /// Server selection and the bounded waits of <see cref="MongoTimeouts"/> end in a <see cref="TimeoutException"/>.
    /// </summary>
    public static bool IsUnavailable(Exception exception) =>
        exception is TimeoutException or MongoConnectionException or MongoConnectionPoolPausedException or MongoExecutionTimeoutException;
}
