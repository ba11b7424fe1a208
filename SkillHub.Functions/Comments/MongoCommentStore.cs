using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;
using MongoDB.Driver;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Infrastructure.Http;

namespace SkillHub.Functions.Comments;

/// <summary>
/// The comments collection in MongoDB. Who may change a comment is part of each update's filter, so
/// an update that matches nothing means "not there", "not yours" or "already hidden". Filters,
/// updates, the sort and the indexes are built by the static members below, where tests render them.
/// </summary>
public sealed class MongoCommentStore(IMongoDatabase database) : ICommentStore, IMongoIndexes
{
    public const string CollectionName = "comments";

    /// <summary>Serves the per-workshop list: equality on workshopId and hidden, then newest first.</summary>
    internal const string NewestVisibleIndexName = "workshop_visible_newest";

    /// <summary>Serves an author's own comments (their export, their erasure): equality on the author's id, then newest first.</summary>
    internal const string AuthorNewestIndexName = "author_newest";

    private static readonly FindOneAndUpdateOptions<CommentDocument> ReturnChanged = new() { ReturnDocument = ReturnDocument.After };

    private readonly IMongoCollection<CommentDocument> _comments =
        (database ?? throw new ArgumentNullException(nameof(database))).GetCollection<CommentDocument>(CollectionName);

    // Before any class map of this store is built, the serialization's conventions.
    static MongoCommentStore() => DocumentSerialization.Ensure();

    public Task EnsureIndexesAsync(CancellationToken cancellationToken) =>
        _comments.Indexes.CreateManyAsync(Indexes(), cancellationToken);

    public async Task<Comment?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var document = await _comments.Find(ById(id)).FirstOrDefaultAsync(cancellationToken);
        return document?.ToComment();
    }

    public async Task<(IReadOnlyList<Comment> Items, long Total)> ListVisibleAsync(Guid workshopId, PageRequest page, CancellationToken cancellationToken)
    {
        var filter = VisibleIn(workshopId);
        var total = await _comments.CountDocumentsAsync(filter, cancellationToken: cancellationToken);
        var documents = await _comments.Find(filter)
            .Sort(NewestFirst())
            .Skip(page.Skip)
            .Limit(page.PageSize)
            .ToListAsync(cancellationToken);
        return (documents.Select(d => d.ToComment()).ToList(), total);
    }

    public async Task InsertAsync(Comment comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(comment);
        try
        {
            await _comments.InsertOneAsync(CommentDocument.From(comment), cancellationToken: cancellationToken);
        }
        catch (MongoException exception) when (MongoErrors.IsDuplicateKey(exception))
        {
            throw new DuplicateDocumentException($"A comment with id {comment.Id} exists.", exception);
        }
    }

    public async Task<Comment?> EditAsync(Guid workshopId, Guid id, Guid authorId, CommentEdit edit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var document = await _comments.FindOneAndUpdateAsync(EditableBy(workshopId, id, authorId), Edit(edit), ReturnChanged, cancellationToken);
        return document?.ToComment();
    }

    public async Task<bool> HideAsync(Guid workshopId, Guid id, Guid hiddenBy, DateTime hiddenAt, CancellationToken cancellationToken)
    {
        var result = await _comments.UpdateOneAsync(VisibleById(workshopId, id), Hide(hiddenBy, hiddenAt), cancellationToken: cancellationToken);
        return result.MatchedCount == 1;
    }

    public async Task<IReadOnlyDictionary<Guid, RatingTally>> RatingsAsync(IReadOnlyCollection<Guid> workshopIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workshopIds);
        if (workshopIds.Count == 0)
        {
            return new Dictionary<Guid, RatingTally>();
        }

        var tallies = await (await _comments.AggregateAsync(RatingsPipeline(workshopIds), options: null, cancellationToken)).ToListAsync(cancellationToken);
        return tallies.ToDictionary(t => t.WorkshopId, t => new RatingTally(t.Sum, t.Count));
    }

    public async Task<(IReadOnlyList<Comment> Items, long Total)> ListByAuthorAsync(Guid authorId, int limit, CancellationToken cancellationToken)
    {
        var filter = ByAuthor(authorId);
        var total = await _comments.CountDocumentsAsync(filter, cancellationToken: cancellationToken);
        var documents = await _comments.Find(filter).Sort(NewestFirst()).Limit(limit).ToListAsync(cancellationToken);
        return (documents.Select(d => d.ToComment()).ToList(), total);
    }

    public async Task<long> RenameAuthorAsync(Guid authorId, string displayName, CancellationToken cancellationToken) =>
        (await _comments.UpdateManyAsync(ByAuthor(authorId), Rename(displayName), cancellationToken: cancellationToken)).MatchedCount;

    // ---- what the driver sends, built where tests can render it ----

    private static FilterDefinitionBuilder<CommentDocument> Filter => Builders<CommentDocument>.Filter;

    private static UpdateDefinitionBuilder<CommentDocument> Update => Builders<CommentDocument>.Update;

    /// <summary><c>{_id}</c></summary>
    internal static FilterDefinition<CommentDocument> ById(Guid id) => Filter.Eq(d => d.Id, id);

    /// <summary><c>{workshopId, hidden: false}</c>: the list, in the index's equality fields.</summary>
    internal static FilterDefinition<CommentDocument> VisibleIn(Guid workshopId) =>
        Filter.Eq(d => d.WorkshopId, workshopId) & Filter.Eq(d => d.Hidden, false);

    /// <summary><c>{_id, workshopId, hidden: false}</c>: a comment of that workshop that is still shown.</summary>
    internal static FilterDefinition<CommentDocument> VisibleById(Guid workshopId, Guid id) =>
        ById(id) & VisibleIn(workshopId);

    /// <summary><c>{_id, workshopId, hidden: false, "author.id"}</c>: only the author edits, and never a hidden comment.</summary>
    internal static FilterDefinition<CommentDocument> EditableBy(Guid workshopId, Guid id, Guid authorId) =>
        VisibleById(workshopId, id) & Filter.Eq(d => d.Author.UserId, authorId);

    /// <summary><c>{"author.id"}</c>: every comment of the author, hidden or not, in any workshop.</summary>
    internal static FilterDefinition<CommentDocument> ByAuthor(Guid authorId) => Filter.Eq(d => d.Author.UserId, authorId);

    /// <summary><c>{createdAt: -1, _id: -1}</c>: newest first, ties broken by id so pages never overlap.</summary>
    internal static SortDefinition<CommentDocument> NewestFirst() =>
        Builders<CommentDocument>.Sort.Descending(d => d.CreatedAt).Descending(d => d.Id);

    /// <summary><c>$set</c> of the fields given, the author's current name and the time.</summary>
    internal static UpdateDefinition<CommentDocument> Edit(CommentEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        UpdateDefinition<CommentDocument>?[] updates =
        [
            edit.Body is { } body ? Update.Set(d => d.Body, body) : null,
            edit.Rating is { } rating ? Update.Set(d => d.Rating, rating) : null,
            Update.Set(d => d.Author.DisplayName, edit.AuthorDisplayName),
            Update.Set(d => d.UpdatedAt, DocumentTime.Truncate(edit.UpdatedAt)),
        ];
        return Update.Combine(updates.OfType<UpdateDefinition<CommentDocument>>());
    }

    /// <summary><c>$set {"author.displayName"}</c>: the body, the times and the author's id stay.</summary>
    internal static UpdateDefinition<CommentDocument> Rename(string displayName) => Update.Set(d => d.Author.DisplayName, displayName);

    /// <summary><c>$set {hidden: true, hiddenBy, hiddenAt}</c>: the comment stays, for the audit trail.</summary>
    internal static UpdateDefinition<CommentDocument> Hide(Guid hiddenBy, DateTime hiddenAt) =>
        Update
            .Set(d => d.Hidden, true)
            .Set(d => d.HiddenBy, hiddenBy)
            .Set(d => d.HiddenAt, DocumentTime.Truncate(hiddenAt));

    /// <summary>Per workshop, the sum and count of the ratings of shown comments; the match is the list index's prefix.</summary>
    internal static PipelineDefinition<CommentDocument, RatingTallyDocument> RatingsPipeline(IReadOnlyCollection<Guid> workshopIds) =>
        PipelineDefinition<CommentDocument, RatingTallyDocument>.Create(
            new BsonDocument("$match", new BsonDocument
            {
                { "workshopId", new BsonDocument("$in", new BsonArray(workshopIds.Distinct().Select(id => new BsonBinaryData(id, GuidRepresentation.Standard)))) },
                { "hidden", false },
                { "rating", new BsonDocument("$ne", BsonNull.Value) },
            }),
            new BsonDocument("$group", new BsonDocument
            {
                { "_id", "$workshopId" },
                { "sum", new BsonDocument("$sum", "$rating") },
                { "count", new BsonDocument("$sum", 1) },
            }));

    internal static IReadOnlyList<CreateIndexModel<CommentDocument>> Indexes() =>
    [
        new(
            Builders<CommentDocument>.IndexKeys
                .Ascending(d => d.WorkshopId)
                .Ascending(d => d.Hidden)
                .Descending(d => d.CreatedAt)
                .Descending(d => d.Id),
            new CreateIndexOptions { Name = NewestVisibleIndexName }),
        new(
            Builders<CommentDocument>.IndexKeys
                .Ascending(d => d.Author.UserId)
                .Descending(d => d.CreatedAt)
                .Descending(d => d.Id),
            new CreateIndexOptions { Name = AuthorNewestIndexName }),
    ];

    // ---- the documents as stored ----

    /// <summary>
    /// One comment as stored. Element names are spelled out so a renamed property never renames a
    /// stored field; unknown elements are ignored so documents can gain fields without a migration.
    /// </summary>
    [BsonIgnoreExtraElements]
    internal sealed class CommentDocument
    {
        [BsonId]
        [BsonGuidRepresentation(GuidRepresentation.Standard)]
        public Guid Id { get; set; }

        [BsonElement("workshopId")]
        [BsonGuidRepresentation(GuidRepresentation.Standard)]
        public Guid WorkshopId { get; set; }

        [BsonElement("author")]
        public AuthorDocument Author { get; set; } = new();

        [BsonElement("body")]
        public string Body { get; set; } = string.Empty;

        [BsonElement("rating")]
        public int? Rating { get; set; }

        [BsonElement("createdAt")]
        [BsonDateTimeOptions(Kind = DateTimeKind.Utc)]
        public DateTime CreatedAt { get; set; }

        [BsonElement("updatedAt")]
        [BsonDateTimeOptions(Kind = DateTimeKind.Utc)]
        public DateTime UpdatedAt { get; set; }

        [BsonElement("hidden")]
        public bool Hidden { get; set; }

        [BsonElement("hiddenBy")]
        [BsonGuidRepresentation(GuidRepresentation.Standard)]
        [BsonIgnoreIfNull]
        public Guid? HiddenBy { get; set; }

        [BsonElement("hiddenAt")]
        [BsonDateTimeOptions(Kind = DateTimeKind.Utc)]
        [BsonIgnoreIfNull]
        public DateTime? HiddenAt { get; set; }

        public static CommentDocument From(Comment comment)
        {
            ArgumentNullException.ThrowIfNull(comment);
            return new CommentDocument
            {
                Id = comment.Id,
                WorkshopId = comment.WorkshopId,
                Author = new AuthorDocument { UserId = comment.Author.Id, DisplayName = comment.Author.DisplayName },
                Body = comment.Body,
                Rating = comment.Rating,
                CreatedAt = DocumentTime.Truncate(comment.CreatedAt),
                UpdatedAt = DocumentTime.Truncate(comment.UpdatedAt),
                Hidden = comment.Hidden,
                HiddenBy = comment.HiddenBy,
                HiddenAt = comment.HiddenAt is { } hiddenAt ? DocumentTime.Truncate(hiddenAt) : null,
            };
        }

        public Comment ToComment() =>
            new(Id, WorkshopId, new CommentAuthor(Author.UserId, Author.DisplayName), Body, Rating, CreatedAt, UpdatedAt, Hidden, HiddenBy, HiddenAt);
    }

    /// <summary>The output of <see cref="RatingsPipeline"/>: one workshop's tally.</summary>
    internal sealed class RatingTallyDocument
    {
        [BsonId]
        [BsonGuidRepresentation(GuidRepresentation.Standard)]
        public Guid WorkshopId { get; set; }

        [BsonElement("sum")]
        public long Sum { get; set; }

        [BsonElement("count")]
        public int Count { get; set; }
    }

    /// <summary>The author, embedded. Not an identified document of its own: its <c>id</c> is the user's, never an <c>_id</c>.</summary>
    [BsonNoId]
    [BsonIgnoreExtraElements]
    internal sealed class AuthorDocument
    {
        [BsonElement("id")]
        [BsonGuidRepresentation(GuidRepresentation.Standard)]
        public Guid UserId { get; set; }

        [BsonElement("displayName")]
        public string DisplayName { get; set; } = string.Empty;
    }
}
