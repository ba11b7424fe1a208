using MongoDB.Driver;

namespace SkillHub.Functions.Infrastructure.Documents;

/// <summary>How MongoDB says "a unique index already holds this key", whichever way the driver reports it.</summary>
internal static class MongoErrors
{
    internal const int DuplicateKeyCode = 11000;

    public static bool IsDuplicateKey(MongoException exception) => exception switch
    {
        MongoWriteException write => write.WriteError?.Category == ServerErrorCategory.DuplicateKey,
        MongoCommandException { Result: not null } command => command.Code == DuplicateKeyCode,
        _ => false,
    };
}
