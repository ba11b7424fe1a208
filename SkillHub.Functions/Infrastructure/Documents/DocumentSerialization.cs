using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Comments;
using SkillHub.Functions.Registrations;

namespace SkillHub.Functions.Infrastructure.Documents;

/// <summary>
/// The one entry point of the stored documents' BSON: its static initialiser registers the
/// conventions (GUIDs in the standard representation, subtype 4), then maps every stored class, so
/// no class map can be built before the conventions, whichever path reaches a document class first.
/// Every store, the backup format and the tests that render commands call <see cref="Ensure"/>.
/// </summary>
public static class DocumentSerialization
{
    /// <summary>The classes the collections hold, nested ones included.</summary>
    internal static IReadOnlyList<Type> StoredClasses { get; } =
    [
        typeof(RegistrationDocument), typeof(HistoryDocument),
        typeof(MongoCommentStore.CommentDocument), typeof(MongoCommentStore.AuthorDocument),
        typeof(MongoActivityLog.ActivityDocument), typeof(MongoActivityLog.ActorDocument), typeof(MongoActivityLog.TargetDocument),
    ];

    static DocumentSerialization()
    {
        BsonSerializer.TryRegisterSerializer(new GuidSerializer(GuidRepresentation.Standard));
        foreach (var type in StoredClasses)
        {
            BsonClassMap.LookupClassMap(type);
        }
    }

    /// <summary>Does nothing itself: calling it runs the static initialiser once, before the caller's first class map.</summary>
    public static void Ensure()
    {
    }
}
