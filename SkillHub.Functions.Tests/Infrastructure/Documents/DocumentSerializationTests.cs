using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Comments;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Registrations;

namespace SkillHub.Functions.Tests.Infrastructure.Documents;

/// <summary>
/// The BSON conventions come before any class map, whichever code path touches a document class
/// first: the one entry point maps every stored class itself, after registering the conventions.
/// </summary>
public sealed class DocumentSerializationTests
{
    public static TheoryData<Type> StoredClasses =>
    [
        typeof(RegistrationDocument), typeof(HistoryDocument),
        typeof(MongoCommentStore.CommentDocument), typeof(MongoCommentStore.AuthorDocument),
        typeof(MongoActivityLog.ActivityDocument), typeof(MongoActivityLog.ActorDocument), typeof(MongoActivityLog.TargetDocument),
    ];

    [Theory]
    [MemberData(nameof(StoredClasses))]
    public void TheEntryPoint_MapsEveryStoredClass_WithEveryUuidInTheStandardRepresentation(Type type)
    {
        DocumentSerialization.Ensure();

        Assert.True(BsonClassMap.IsClassMapRegistered(type), $"{type.Name} has no class map yet");
        var uuids = BsonClassMap.LookupClassMap(type).AllMemberMaps.Where(m => m.MemberType == typeof(Guid) || m.MemberType == typeof(Guid?)).ToList();
        Assert.All(uuids, member => Assert.Equal(GuidRepresentation.Standard, RepresentationOf(member.GetSerializer())));
        Assert.Equal(GuidRepresentation.Standard, ((GuidSerializer)BsonSerializer.LookupSerializer<Guid>()).GuidRepresentation);
    }

    private static GuidRepresentation RepresentationOf(IBsonSerializer serializer) => serializer switch
    {
        GuidSerializer guid => guid.GuidRepresentation,
        IChildSerializerConfigurable nullable => RepresentationOf(nullable.ChildSerializer),
        _ => throw new InvalidOperationException($"Not a UUID serializer: {serializer.GetType().Name}"),
    };
}
