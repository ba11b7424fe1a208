using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using SkillHub.Functions.Comments;
using SkillHub.Functions.Infrastructure.Documents;
using CommentDocument = SkillHub.Functions.Comments.MongoCommentStore.CommentDocument;

namespace SkillHub.Functions.Tests.Comments;

/// <summary>
/// The exact commands MongoCommentStore gives the driver, rendered to BSON as the driver renders them
/// and compared with the BSON intended; and the stored documents, through a BSON round trip.
/// </summary>
public sealed class MongoCommentStoreCommandTests
{
    private static readonly Guid WorkshopId = Guid.Parse("0195f4c2-1111-7000-8000-000000000001");
    private static readonly Guid CommentId = Guid.Parse("0195f4c2-2222-7000-8000-000000000002");
    private static readonly Guid AuthorId = Guid.Parse("0195f4c2-3333-7000-8000-000000000003");
    private static readonly Guid ModeratorId = Guid.Parse("0195f4c2-4444-7000-8000-000000000004");
    private static readonly DateTime At = new(2026, 12, 1, 13, 5, 0, 123, DateTimeKind.Utc);

    // The app's conventions first, as at start-up: a class map built before them would fix Guid's serializer for good.
    private static readonly RenderArgs<CommentDocument> Args = RenderArgs();

    // ---- filters ----

    [Fact]
    public void ById_RendersTheIdAsAStandardUuid()
    {
        var rendered = MongoCommentStore.ById(CommentId).Render(Args);

        Assert.Equal(new BsonDocument("_id", Uuid(CommentId)), rendered);
        Assert.Equal(BsonBinarySubType.UuidStandard, rendered["_id"].AsBsonBinaryData.SubType);
    }

    [Fact]
    public void VisibleIn_MatchesTheWorkshopsCommentsThatAreNotHidden()
    {
        var rendered = MongoCommentStore.VisibleIn(WorkshopId).Render(Args);

        Assert.Equal(new BsonDocument { { "workshopId", Uuid(WorkshopId) }, { "hidden", false } }, rendered);
        Assert.Equal(BsonBinarySubType.UuidStandard, rendered["workshopId"].AsBsonBinaryData.SubType);
    }

    [Fact]
    public void VisibleById_MatchesTheCommentOnlyInItsWorkshopAndWhileNotHidden()
    {
        var rendered = MongoCommentStore.VisibleById(WorkshopId, CommentId).Render(Args);

        Assert.Equal(
            new BsonDocument { { "_id", Uuid(CommentId) }, { "workshopId", Uuid(WorkshopId) }, { "hidden", false } },
            rendered);
    }

    [Fact]
    public void EditableBy_PutsTheAuthorInTheFilter()
    {
        var rendered = MongoCommentStore.EditableBy(WorkshopId, CommentId, AuthorId).Render(Args);

        Assert.Equal(
            new BsonDocument
            {
                { "_id", Uuid(CommentId) },
                { "workshopId", Uuid(WorkshopId) },
                { "hidden", false },
                { "author.id", Uuid(AuthorId) },
            },
            rendered);
        Assert.Equal(BsonBinarySubType.UuidStandard, rendered["author.id"].AsBsonBinaryData.SubType);
    }

    [Fact]
    public void ByAuthor_MatchesTheAuthorsIdInEveryWorkshop_HiddenOrNot()
    {
        Assert.Equal(new BsonDocument("author.id", Uuid(AuthorId)), MongoCommentStore.ByAuthor(AuthorId).Render(Args));
    }

    // ---- sort and index ----

    [Fact]
    public void NewestFirst_SortsByCreationThenIdDescending()
    {
        var rendered = MongoCommentStore.NewestFirst().Render(Args);

        Assert.Equal(new BsonDocument { { "createdAt", -1 }, { "_id", -1 } }, rendered);
    }

    [Fact]
    public void Indexes_AreTheNamedPerWorkshopNewestFirstIndex_AndThePerAuthorOne()
    {
        Assert.Equal(["workshop_visible_newest", "author_newest"], MongoCommentStore.Indexes().Select(i => i.Options.Name));
        var index = MongoCommentStore.Indexes()[0];

        Assert.Equal(
            new BsonDocument { { "workshopId", 1 }, { "hidden", 1 }, { "createdAt", -1 }, { "_id", -1 } },
            index.Keys.Render(Args));
        Assert.Equal("workshop_visible_newest", index.Options.Name);
        Assert.NotEqual(true, index.Options.Unique);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void EachListQuery_IsServedByItsIndex_EqualityFieldsThenTheSortInIndexOrder(int index, bool byAuthor)
    {
        var keys = MongoCommentStore.Indexes()[index].Keys.Render(Args);
        var filter = (byAuthor ? MongoCommentStore.ByAuthor(AuthorId) : MongoCommentStore.VisibleIn(WorkshopId)).Render(Args);
        var sort = MongoCommentStore.NewestFirst().Render(Args);

        var prefix = keys.Names.Take(filter.ElementCount);
        var suffix = new BsonDocument(keys.Elements.Skip(filter.ElementCount));
        Assert.Equal(filter.Names, prefix);
        Assert.Equal(sort, suffix);
    }

    // ---- updates ----

    [Fact]
    public void Edit_OfBodyAndRating_SetsBoth_TheAuthorsNameAndTheTime_InOneSet()
    {
        var rendered = MongoCommentStore.Edit(new CommentEdit("New body", 4, "Ada L.", At)).Render(Args);

        Assert.Equal(
            new BsonDocument("$set", new BsonDocument
            {
                { "body", "New body" },
                { "rating", 4 },
                { "author.displayName", "Ada L." },
                { "updatedAt", new BsonDateTime(At) },
            }),
            rendered);
    }

    [Fact]
    public void Edit_OfTheBodyOnly_LeavesTheRatingAlone()
    {
        var rendered = MongoCommentStore.Edit(new CommentEdit("Only the text", null, "Ada", At)).Render(Args).AsBsonDocument;

        Assert.Equal("$set", Assert.Single(rendered.Names));
        Assert.Equal("body author.displayName updatedAt", string.Join(' ', rendered["$set"].AsBsonDocument.Names));
    }

    [Fact]
    public void Edit_OfTheRatingOnly_LeavesTheBodyAlone()
    {
        var rendered = MongoCommentStore.Edit(new CommentEdit(null, 2, "Ada", At)).Render(Args).AsBsonDocument;

        Assert.Equal("rating author.displayName updatedAt", string.Join(' ', rendered["$set"].AsBsonDocument.Names));
        Assert.Equal(new BsonInt32(2), rendered["$set"]["rating"]);
    }

    [Fact]
    public void Edit_WritesTheTimeToTheMillisecond()
    {
        var rendered = MongoCommentStore.Edit(new CommentEdit("x", null, "Ada", At.AddTicks(4_567))).Render(Args).AsBsonDocument;

        Assert.Equal(new BsonDateTime(At), rendered["$set"]["updatedAt"]);
    }

    [Fact]
    public void Hide_SetsTheFlagWhoAndWhen_AndNothingElse()
    {
        var rendered = MongoCommentStore.Hide(ModeratorId, At.AddTicks(9_999)).Render(Args);

        Assert.Equal(
            new BsonDocument("$set", new BsonDocument
            {
                { "hidden", true },
                { "hiddenBy", Uuid(ModeratorId) },
                { "hiddenAt", new BsonDateTime(At) },
            }),
            rendered);
        Assert.Equal(BsonBinarySubType.UuidStandard, rendered["$set"]["hiddenBy"].AsBsonBinaryData.SubType);
    }

    [Fact]
    public void Rename_SetsTheAuthorsNameOnly()
    {
        var rendered = MongoCommentStore.Rename("Compte supprimé").Render(Args);

        Assert.Equal(new BsonDocument("$set", new BsonDocument("author.displayName", "Compte supprimé")), rendered);
    }

    // ---- documents ----

    [Fact]
    public void AShownComment_IsStoredWithCamelCaseElements_StandardUuids_UtcDates_AndNoHidingFields()
    {
        var comment = new Comment(CommentId, WorkshopId, new CommentAuthor(AuthorId, "Ada Lovelace"), "Great <b>workshop</b>", 5, At, At.AddMinutes(3));

        var stored = CommentDocument.From(comment).ToBsonDocument();

        Assert.Equal(
            new BsonDocument
            {
                { "_id", Uuid(CommentId) },
                { "workshopId", Uuid(WorkshopId) },
                { "author", new BsonDocument { { "id", Uuid(AuthorId) }, { "displayName", "Ada Lovelace" } } },
                { "body", "Great <b>workshop</b>" },
                { "rating", 5 },
                { "createdAt", new BsonDateTime(At) },
                { "updatedAt", new BsonDateTime(At.AddMinutes(3)) },
                { "hidden", false },
            },
            stored);
    }

    [Fact]
    public void ACommentWithoutRating_StoresRatingAsNull()
    {
        var comment = new Comment(CommentId, WorkshopId, new CommentAuthor(AuthorId, "Ada"), "No stars", null, At, At);

        var stored = CommentDocument.From(comment).ToBsonDocument();

        Assert.Equal(BsonNull.Value, stored["rating"]);
    }

    [Fact]
    public void AHiddenComment_StoresWhoHidItAndWhen()
    {
        var comment = new Comment(CommentId, WorkshopId, new CommentAuthor(AuthorId, "Ada"), "Gone", 3, At, At, true, ModeratorId, At.AddHours(1));

        var stored = CommentDocument.From(comment).ToBsonDocument();

        Assert.Equal(BsonBoolean.True, stored["hidden"]);
        Assert.Equal(Uuid(ModeratorId), stored["hiddenBy"]);
        Assert.Equal(BsonBinarySubType.UuidStandard, stored["hiddenBy"].AsBsonBinaryData.SubType);
        Assert.Equal(new BsonDateTime(At.AddHours(1)), stored["hiddenAt"]);
    }

    public static TheoryData<Comment> Comments { get; } = new()
    {
        new Comment(CommentId, WorkshopId, new CommentAuthor(AuthorId, "Ada"), "Plain", null, At, At),
        new Comment(CommentId, WorkshopId, new CommentAuthor(AuthorId, "Zoë \U0001F600"), "<script>alert(1)</script> & \"quotes\" \u2028 \\", 1, At, At.AddDays(2)),
        new Comment(CommentId, WorkshopId, new CommentAuthor(AuthorId, "Ada"), new string('x', 2000), 5, At, At, true, ModeratorId, At.AddSeconds(1)),
    };

    [Theory]
    [MemberData(nameof(Comments))]
    public void AComment_SurvivesABsonRoundTrip_Unchanged(Comment comment)
    {
        var bytes = CommentDocument.From(comment).ToBson();

        var read = BsonSerializer.Deserialize<CommentDocument>(bytes).ToComment();

        Assert.Equal(comment, read);
        Assert.Equal(DateTimeKind.Utc, read.CreatedAt.Kind);
    }

    [Fact]
    public void Dates_AreKeptToTheMillisecond_AsBsonKeepsThem()
    {
        var precise = At.AddTicks(1_234);
        var comment = new Comment(CommentId, WorkshopId, new CommentAuthor(AuthorId, "Ada"), "Hi", null, precise, precise);

        var read = BsonSerializer.Deserialize<CommentDocument>(CommentDocument.From(comment).ToBson()).ToComment();

        Assert.Equal(At, read.CreatedAt);
        Assert.Equal(At, read.UpdatedAt);
    }

    [Fact]
    public void ADocumentWithElementsThisVersionDoesNotKnow_IsStillRead()
    {
        var stored = CommentDocument.From(new Comment(CommentId, WorkshopId, new CommentAuthor(AuthorId, "Ada"), "Hi", 2, At, At)).ToBsonDocument();
        stored["moderationScore"] = 0.2;
        stored["author"]["avatar"] = "a.png";

        var read = BsonSerializer.Deserialize<CommentDocument>(stored).ToComment();

        Assert.Equal(("Hi", 2, "Ada"), (read.Body, read.Rating, read.Author.DisplayName));
    }

    [Fact]
    public void Ratings_MatchesTheShownRatedCommentsOfTheWorkshops_AndSumsAndCountsPerWorkshop()
    {
        var registry = BsonSerializer.SerializerRegistry;
        var stages = MongoCommentStore.RatingsPipeline([WorkshopId, WorkshopId])
            .Render(new RenderArgs<CommentDocument>(registry.GetSerializer<CommentDocument>(), registry)).Documents;

        Assert.Equal(
            new BsonArray
            {
                new BsonDocument("$match", new BsonDocument
                {
                    { "workshopId", new BsonDocument("$in", new BsonArray { Uuid(WorkshopId) }) },
                    { "hidden", false },
                    { "rating", new BsonDocument("$ne", BsonNull.Value) },
                }),
                new BsonDocument("$group", new BsonDocument
                {
                    { "_id", "$workshopId" },
                    { "sum", new BsonDocument("$sum", "$rating") },
                    { "count", new BsonDocument("$sum", 1) },
                }),
            },
            new BsonArray(stages));
    }

    private static BsonBinaryData Uuid(Guid value) => new(value, GuidRepresentation.Standard);

    private static RenderArgs<CommentDocument> RenderArgs()
    {
        DocumentSerialization.Ensure();
        var registry = BsonSerializer.SerializerRegistry;
        return new RenderArgs<CommentDocument>(registry.GetSerializer<CommentDocument>(), registry);
    }
}
