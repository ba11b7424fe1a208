using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;
using MongoDB.Driver;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Infrastructure.Http;

namespace SkillHub.Functions.Activity;

/// <summary>
/// The activity log in MongoDB's <c>activity_logs</c> collection: one insert per entry, queries
/// served by an index per admin filter, each sorted newest first, and a TTL index that lets the
/// server delete entries older than the retention on its own.
/// </summary>
public sealed class MongoActivityLog(IMongoDatabase database, ActivityOptions options) : IActivityLog, IMongoIndexes
{
    public const string CollectionName = "activity_logs";
    public const string RetentionIndexName = "at_ttl";

    // The server's answer when an index of that name exists with other options (here another expireAfterSeconds).
    private const int IndexOptionsConflict = 85;

    private readonly IMongoCollection<ActivityDocument> _entries = database.GetCollection<ActivityDocument>(CollectionName);

    // Before any class map of this store is built, the serialization's conventions.
    static MongoActivityLog() => DocumentSerialization.Ensure();

    /// <summary>Newest first; the id breaks ties between entries of the same millisecond, so pages never overlap.</summary>
    internal static SortDefinition<ActivityDocument> NewestFirst { get; } =
        Builders<ActivityDocument>.Sort.Descending(d => d.At).Descending(d => d.Id);

    /// <summary>
    /// One index for the unfiltered page, and one for each filter, each ending in the sort's date;
    /// then the retention's TTL index (TTL indexes are single-field, so it cannot be the first one).
    /// </summary>
    internal static IReadOnlyList<CreateIndexModel<ActivityDocument>> IndexesFor(TimeSpan retention) =>
    [
        new(Builders<ActivityDocument>.IndexKeys.Descending(d => d.At).Descending(d => d.Id), new CreateIndexOptions { Name = "at_desc_id_desc" }),
        new(Builders<ActivityDocument>.IndexKeys.Ascending(d => d.Actor!.Id).Descending(d => d.At), new CreateIndexOptions { Name = "actor_id_at_desc" }),
        new(Builders<ActivityDocument>.IndexKeys.Ascending(d => d.Action).Descending(d => d.At), new CreateIndexOptions { Name = "action_at_desc" }),
        new(Builders<ActivityDocument>.IndexKeys.Ascending(d => d.Target.Id).Descending(d => d.At), new CreateIndexOptions { Name = "target_id_at_desc" }),
        new(Builders<ActivityDocument>.IndexKeys.Ascending(d => d.At), new CreateIndexOptions { Name = RetentionIndexName, ExpireAfter = retention }),
    ];

    /// <summary>The command that changes the TTL of the existing retention index in place, when the setting changed since it was made.</summary>
    internal static BsonDocument RetentionChange(TimeSpan retention) => new()
    {
        { "collMod", CollectionName },
        { "index", new BsonDocument { { "name", RetentionIndexName }, { "expireAfterSeconds", (long)retention.TotalSeconds } } },
    };

    public Task AppendAsync(ActivityEntry entry, CancellationToken cancellationToken) =>
        _entries.InsertOneAsync(ActivityDocument.From(entry), cancellationToken: cancellationToken);

    public async Task<(IReadOnlyList<ActivityEntry> Items, long Total)> QueryAsync(ActivityQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        var filter = Filter(query);
        var total = await _entries.CountDocumentsAsync(filter, cancellationToken: cancellationToken);
        var documents = await _entries.Find(filter)
            .Sort(NewestFirst)
            .Skip(page.Skip)
            .Limit(page.PageSize)
            .ToListAsync(cancellationToken);
        return (documents.Select(d => d.ToEntry()).ToList(), total);
    }

    /// <summary>The server's TTL index does this on its own within a minute; the purge timer asks too, which costs one indexed range delete.</summary>
    public async Task<long> PurgeOlderThanAsync(DateTime cutoff, CancellationToken cancellationToken) =>
        (await _entries.DeleteManyAsync(Builders<ActivityDocument>.Filter.Lt(d => d.At, cutoff), cancellationToken)).DeletedCount;

    /// <summary>Rare (an erasure), so a collection scan: no index serves a comparison without case.</summary>
    public async Task<long> ReplaceValueAsync(string value, string replacement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        return (await _entries.UpdateManyAsync(Holding(value), Replacing(value, replacement), cancellationToken: cancellationToken)).ModifiedCount;
    }

    /// <summary>
    /// Creating an index that exists with the same keys and options is a no-op, so every start-up
    /// may ask; a retention changed since the TTL index was made is applied to it in place.
    /// </summary>
    public async Task EnsureIndexesAsync(CancellationToken cancellationToken)
    {
        var indexes = IndexesFor(options.Retention);
        try
        {
            await _entries.Indexes.CreateManyAsync(indexes, cancellationToken);
        }
        catch (MongoCommandException exception) when (exception.Code == IndexOptionsConflict)
        {
            await database.RunCommandAsync<BsonDocument>(RetentionChange(options.Retention), cancellationToken: cancellationToken);
            await _entries.Indexes.CreateManyAsync(indexes, cancellationToken);
        }
    }

    internal static FilterDefinition<ActivityDocument> Filter(ActivityQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = Builders<ActivityDocument>.Filter;
        FilterDefinition<ActivityDocument>?[] given =
        [
            query.ActorId is { } actorId ? filter.Eq(d => d.Actor!.Id, actorId) : null,
            query.Action is { } action ? filter.Eq(d => d.Action, action) : null,
            query.TargetId is { } targetId ? filter.Eq(d => d.Target.Id, targetId) : null,
            query.StoredFrom is { } from ? filter.Gte(d => d.At, from) : null,
            query.StoredTo is { } to ? filter.Lte(d => d.At, to) : null,
        ];
        var clauses = given.OfType<FilterDefinition<ActivityDocument>>().ToList();
        return clauses.Count == 0 ? filter.Empty : filter.And(clauses);
    }

    /// <summary><c>{$expr}</c>: the target id, or one of the details' values, is <paramref name="value"/> once both are lower-cased.</summary>
    internal static FilterDefinition<ActivityDocument> Holding(string value) =>
        new BsonDocumentFilterDefinition<ActivityDocument>(new BsonDocument("$expr", new BsonDocument("$or", new BsonArray
        {
            new BsonDocument("$eq", new BsonArray { Lower("$target.id"), value.ToLowerInvariant() }),
            new BsonDocument("$in", new BsonArray
            {
                value.ToLowerInvariant(),
                new BsonDocument("$map", new BsonDocument { { "input", DetailPairs }, { "in", Lower("$$this.v") } }),
            }),
        })));

    /// <summary>One pipeline <c>$set</c> that swaps <paramref name="value"/> for <paramref name="replacement"/> in the target id and in each detail, leaving every other value as it is.</summary>
    internal static UpdateDefinition<ActivityDocument> Replacing(string value, string replacement)
    {
        BsonDocument Swap(string field) => new("$cond", new BsonArray { new BsonDocument("$eq", new BsonArray { Lower(field), value.ToLowerInvariant() }), replacement, field });
        var stage = new BsonDocument("$set", new BsonDocument
        {
            { "target.id", Swap("$target.id") },
            { "details", new BsonDocument("$arrayToObject", new BsonDocument("$map", new BsonDocument
                {
                    { "input", DetailPairs },
                    { "in", new BsonDocument { { "k", "$$this.k" }, { "v", Swap("$$this.v") } } },
                })) },
        });
        return Builders<ActivityDocument>.Update.Pipeline(PipelineDefinition<ActivityDocument, ActivityDocument>.Create(stage));
    }

    private static BsonDocument DetailPairs => new("$objectToArray", "$details");

    private static BsonDocument Lower(string field) => new("$toLower", field);

    /// <summary>An entry as stored: explicit camelCase names, standard GUIDs, UTC dates. Not seen outside this store.</summary>
    [BsonIgnoreExtraElements]
    internal sealed class ActivityDocument
    {
        [BsonId]
        [BsonGuidRepresentation(GuidRepresentation.Standard)]
        public Guid Id { get; set; }

        [BsonElement("at")]
        [BsonDateTimeOptions(Kind = DateTimeKind.Utc)]
        public DateTime At { get; set; }

        [BsonElement("actor")]
        public ActorDocument? Actor { get; set; }

        [BsonElement("action")]
        public string Action { get; set; } = string.Empty;

        [BsonElement("target")]
        public TargetDocument Target { get; set; } = new();

        [BsonElement("ip")]
        public string? Ip { get; set; }

        [BsonElement("traceId")]
        public string? TraceId { get; set; }

        [BsonElement("details")]
        public Dictionary<string, string> Details { get; set; } = [];

        public static ActivityDocument From(ActivityEntry entry)
        {
            ArgumentNullException.ThrowIfNull(entry);
            return new ActivityDocument
            {
                Id = entry.Id,
                At = entry.At,
                Actor = entry.Actor is { } actor ? new ActorDocument { Id = actor.Id, Role = actor.Role } : null,
                Action = entry.Action,
                Target = new TargetDocument { Type = entry.Target.Type, Id = entry.Target.Id },
                Ip = entry.Ip,
                TraceId = entry.TraceId,
                Details = new Dictionary<string, string>(entry.Details, StringComparer.Ordinal),
            };
        }

        public ActivityEntry ToEntry() => new(
            Id,
            DateTime.SpecifyKind(At, DateTimeKind.Utc),
            Actor is { } actor ? new ActivityActor(actor.Id, actor.Role) : null,
            Action,
            new ActivityTarget(Target.Type, Target.Id),
            Ip,
            TraceId,
            Details);
    }

    // [BsonNoId]: an embedded "id" is a plain field, not the document's _id.
    [BsonNoId]
    [BsonIgnoreExtraElements]
    internal sealed class ActorDocument
    {
        [BsonElement("id")]
        [BsonGuidRepresentation(GuidRepresentation.Standard)]
        public Guid Id { get; set; }

        [BsonElement("role")]
        public string Role { get; set; } = string.Empty;
    }

    [BsonNoId]
    [BsonIgnoreExtraElements]
    internal sealed class TargetDocument
    {
        [BsonElement("type")]
        public string Type { get; set; } = string.Empty;

        [BsonElement("id")]
        public string? Id { get; set; }
    }
}
