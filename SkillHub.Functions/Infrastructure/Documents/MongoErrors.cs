using MongoDB.Driver;

namespace SkillHub.Functions.Infrastructure.Documents;

/// <summary>How MongoDB says "a unique index already holds this key" or "no server can serve now", whichever way the driver reports it.</summary>
internal static class MongoErrors
{
    internal const int DuplicateKeyCode = 11000;

    internal const string Unreachable =
        "MongoDB is unreachable: no server answered in time (check ConnectionStrings__MongoDB and that the server is up; MongoDB__ServerSelectionTimeoutSeconds, MongoDB__TimeoutSeconds).";

    public static bool IsDuplicateKey(MongoException exception) => exception switch
    {
        MongoWriteException write => write.WriteError?.Category == ServerErrorCategory.DuplicateKey,
        MongoBulkWriteException bulk => bulk.WriteErrors.Any(e => e.Category == ServerErrorCategory.DuplicateKey),
        MongoCommandException { Result: not null } command => command.Code == DuplicateKeyCode,
        _ => false,
    };

    /// <summary>
    /// The server cannot be reached or did not answer in time: worth a retry later (503), not a bug.
    /// Server selection and the bounded waits of <see cref="MongoTimeouts"/> end in a <see cref="TimeoutException"/>.
    /// </summary>
    public static bool IsUnavailable(Exception exception) =>
        exception is TimeoutException or MongoConnectionException or MongoConnectionPoolPausedException or MongoExecutionTimeoutException;

    /// <summary>
    /// One line for an operator. Never the driver's own text, which describes the cluster and may
    /// quote documents; never the connection string.
    /// </summary>
    public static string Describe(Exception exception) => exception switch
    {
        _ when IsUnavailable(exception) => Unreachable,
        MongoException mongo when IsDuplicateKey(mongo) =>
            $"MongoDB refused a document: a unique index already holds its key (error {DuplicateKeyCode}).",
        MongoCommandException command => $"MongoDB refused a command: error {command.Code} ({command.CodeName}).",
        _ => $"MongoDB failed ({exception.GetType().Name}).",
    };
}
