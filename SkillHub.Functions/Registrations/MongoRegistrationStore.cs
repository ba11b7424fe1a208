using MongoDB.Bson;
using MongoDB.Driver;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Infrastructure.Http;
using F = SkillHub.Functions.Registrations.RegistrationFields;

namespace SkillHub.Functions.Registrations;

/// <summary>
/// The registrations collection in MongoDB. Every method is one command, so every guarantee is the
/// server's: the unique index refuses a second registration of a user to a workshop, a transition is
/// one conditional <c>findAndModify</c>, and every list is one aggregation that returns its total too.
/// Its behaviour is the in-memory store's (SkillHub.Standalone), order of ties included.
/// </summary>
public sealed class MongoRegistrationStore(IMongoDatabase database) : IRegistrationStore, IMongoIndexes
{
    internal const string CollectionName = "registrations";

    private static readonly FindOneAndUpdateOptions<RegistrationDocument> ReturnUpdated = new() { ReturnDocument = ReturnDocument.After };

    private readonly IMongoCollection<RegistrationDocument> _registrations =
        (database ?? throw new ArgumentNullException(nameof(database))).GetCollection<RegistrationDocument>(CollectionName);

    // Before any class map of this store is built, the serialization's conventions.
    static MongoRegistrationStore() => DocumentSerialization.Ensure();

    public async Task<Registration?> FindAsync(Guid workshopId, Guid userId, CancellationToken cancellationToken)
    {
        var document = await _registrations.Find(ByWorkshopAndUser(workshopId, userId)).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : ToRegistration(document);
    }

    public async Task<Registration?> FindByIdAsync(Guid id, CancellationToken cancellationToken)
    {
        var document = await _registrations.Find(ById(id)).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : ToRegistration(document);
    }

    public async Task<IReadOnlyList<Registration>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        var documents = await _registrations.Find(Filter.In(d => d.Id, ids)).ToListAsync(cancellationToken);
        return documents.Select(ToRegistration).ToList();
    }

    public async Task<IReadOnlyList<Registration>> ChangedSinceAsync(DateTime since, CancellationToken cancellationToken)
    {
        var documents = await _registrations.Find(ChangedSince(since)).ToListAsync(cancellationToken);
        return documents.Select(ToRegistration).ToList();
    }

    public async Task InsertAsync(Registration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        try
        {
            await _registrations.InsertOneAsync(ToDocument(registration), options: null, cancellationToken);
        }
        catch (MongoException exception) when (MongoErrors.IsDuplicateKey(exception))
        {
            throw new DuplicateDocumentException(
                $"A registration of user {registration.UserId} to workshop {registration.WorkshopId} exists.", exception);
        }
    }

    public async Task<Registration?> TransitionAsync(Guid id, string expectedStatus, RegistrationTransition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var document = await _registrations.FindOneAndUpdateAsync(
            InStatus(id, expectedStatus), Transition(transition), ReturnUpdated, cancellationToken);
        return document is null ? null : ToRegistration(document);
    }

    public async Task<Registration?> MarkAttendanceAsync(Guid id, AttendanceChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var document = await _registrations.FindOneAndUpdateAsync(
            InStatus(id, RegistrationStatus.Confirmed), MarkAttendance(change), ReturnUpdated, cancellationToken);
        return document is null ? null : ToRegistration(document);
    }

    public async Task<Registration?> FirstWaitlistedAsync(Guid workshopId, CancellationToken cancellationToken)
    {
        var document = await _registrations.Find(WaitlistOf(workshopId)).Sort(QueueOrder).Limit(1).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : ToRegistration(document);
    }

    public async Task<int> CancelAllActiveAsync(Guid workshopId, HistoryEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var result = await _registrations.UpdateManyAsync(ActiveOf(workshopId), CancelAll(entry), options: null, cancellationToken);
        return (int)result.ModifiedCount;
    }

    public async Task<RegistrationCounts> CountAsync(Guid workshopId, CancellationToken cancellationToken)
    {
        var counts = await (await _registrations.AggregateAsync(CountPipeline(workshopId), options: null, cancellationToken)).FirstOrDefaultAsync(cancellationToken);
        return counts?.ToCounts() ?? new RegistrationCounts(0, 0, 0);
    }

    public async Task<IReadOnlyDictionary<Guid, AttendanceCounts>> AttendanceCountsAsync(IReadOnlyCollection<Guid> workshopIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workshopIds);
        if (workshopIds.Count == 0)
        {
            return new Dictionary<Guid, AttendanceCounts>();
        }

        var counts = await (await _registrations.AggregateAsync(AttendanceCountsPipeline(workshopIds), options: null, cancellationToken)).ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.WorkshopId, c => c.ToCounts());
    }

    public async Task<ParticipantAttendance> ParticipantAttendanceAsync(Guid userId, DateTime since, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var read = await (await _registrations.AggregateAsync(ParticipantAttendancePipeline(userId, since, limit), options: null, cancellationToken))
            .FirstOrDefaultAsync(cancellationToken);
        return read is null
            ? ParticipantAttendance.None
            : new ParticipantAttendance(read.Marked.Select(m => new MarkedSeat(m.WorkshopId, m.Attendance)).ToList(), (int)TotalOf(read.Late));
    }

    public async Task<(IReadOnlyList<Registration> Items, long Total)> ListForWorkshopAsync(Guid workshopId, string? status, PageRequest page, CancellationToken cancellationToken)
    {
        var result = await PageAsync(WorkshopPagePipeline(workshopId, status, page), cancellationToken);
        return (result.Items.Select(ToRegistration).ToList(), TotalOf(result));
    }

    public async Task<(IReadOnlyList<Registration> Items, long Total)> ListForUserAsync(Guid userId, PageRequest page, CancellationToken cancellationToken)
    {
        var result = await PageAsync(UserPagePipeline(userId, page), cancellationToken);
        return (result.Items.Select(ToRegistration).ToList(), TotalOf(result));
    }

    public async Task<IReadOnlyList<Registration>> ListForCalendarAsync(Guid userId, int limit, CancellationToken cancellationToken)
    {
        var documents = await _registrations.Find(CalendarOf(userId)).Sort(LatestChangedFirst).Limit(limit).ToListAsync(cancellationToken);
        return documents.Select(ToRegistration).ToList();
    }

    public async Task<IReadOnlyDictionary<Guid, int>> WaitlistPositionsAsync(IReadOnlyCollection<Registration> registrations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        var waitlisted = WaitlistedByLastCopy(registrations);
        if (waitlisted.Count == 0)
        {
            return new Dictionary<Guid, int>();
        }

        var facets = await (await _registrations.AggregateAsync(WaitlistPositionsPipeline(waitlisted), options: null, cancellationToken))
            .FirstOrDefaultAsync(cancellationToken) ?? [];
        return waitlisted.ToDictionary(registration => registration.Id, registration => 1 + Ahead(facets, registration.Id));
    }

    public async Task<(IReadOnlyList<RegistrationEvent> Items, long Total)> HistoryAsync(Guid workshopId, PageRequest page, CancellationToken cancellationToken)
    {
        var result = await PageAsync(HistoryPagePipeline(workshopId, page), cancellationToken);
        var events = result.Items
            .Select(e => new RegistrationEvent(e.RegistrationId, e.UserId, e.At, e.Status, e.By, e.Reason, e.Attendance))
            .ToList();
        return (events, TotalOf(result));
    }

    public async Task<IReadOnlyDictionary<Guid, RegistrationCounts>> ActiveCountsAsync(CancellationToken cancellationToken)
    {
        var groups = await (await _registrations.AggregateAsync(ActiveCountsPipeline, options: null, cancellationToken)).ToListAsync(cancellationToken);
        return groups.ToDictionary(g => g.WorkshopId, g => g.ToCounts());
    }

    public async Task EnsureIndexesAsync(CancellationToken cancellationToken) =>
        await _registrations.Indexes.CreateManyAsync(Indexes, cancellationToken);

    // ---- the commands, built here so tests can render them ----

    private static FilterDefinitionBuilder<RegistrationDocument> Filter => Builders<RegistrationDocument>.Filter;

    private static UpdateDefinitionBuilder<RegistrationDocument> Update => Builders<RegistrationDocument>.Update;

    internal static FilterDefinition<RegistrationDocument> ById(Guid id) => Filter.Eq(d => d.Id, id);

    internal static FilterDefinition<RegistrationDocument> ChangedSince(DateTime since) => Filter.Gte(d => d.UpdatedAt, DocumentTime.Truncate(since));

    internal static FilterDefinition<RegistrationDocument> ByWorkshopAndUser(Guid workshopId, Guid userId) =>
        Filter.Eq(d => d.WorkshopId, workshopId) & Filter.Eq(d => d.UserId, userId);

    /// <summary>The registration, only while it is in the expected status: the whole of a transition's concurrency control.</summary>
    internal static FilterDefinition<RegistrationDocument> InStatus(Guid id, string expectedStatus) =>
        Filter.Eq(d => d.Id, id) & Filter.Eq(d => d.Status, expectedStatus);

    internal static UpdateDefinition<RegistrationDocument> Transition(RegistrationTransition transition)
    {
        var entry = ToDocument(transition.Entry);
        return Update
            .Set(d => d.Status, transition.Status)
            .Set(d => d.QueueTicket, transition.QueueTicket)
            .Set(d => d.UpdatedAt, entry.At)
            .Unset(d => d.Attendance)
            .Push(d => d.History, entry);
    }

    internal static UpdateDefinition<RegistrationDocument> MarkAttendance(AttendanceChange change)
    {
        var entry = ToDocument(change.Entry);
        var update = change.Attendance is null ? Update.Unset(d => d.Attendance) : Update.Set(d => d.Attendance, change.Attendance);
        return update.Set(d => d.UpdatedAt, entry.At).Push(d => d.History, entry);
    }

    internal static FilterDefinition<RegistrationDocument> WaitlistOf(Guid workshopId) =>
        Filter.Eq(d => d.WorkshopId, workshopId) & Filter.Eq(d => d.Status, RegistrationStatus.Waitlisted);

    /// <summary>The user's confirmed registrations, and the cancelled ones whose last entry is their workshop's cancellation (<see cref="Registration.CancelledWithItsWorkshop"/>).</summary>
    internal static FilterDefinition<RegistrationDocument> CalendarOf(Guid userId)
    {
        var lastCause = new BsonDocument("$let", new BsonDocument
        {
            { "vars", new BsonDocument("last", new BsonDocument("$arrayElemAt", new BsonArray { "$" + F.History, -1 })) },
            { "in", EqualTo("$$last." + F.Cause, HistoryEntry.WorkshopCancelled) },
        });
        return Filter.Eq(d => d.UserId, userId)
            & (Filter.Eq(d => d.Status, RegistrationStatus.Confirmed)
               | (Filter.Eq(d => d.Status, RegistrationStatus.Cancelled) & new BsonDocumentFilterDefinition<RegistrationDocument>(new BsonDocument("$expr", lastCause))));
    }

    /// <summary>Newest change first, then the greater id for equal times (served by the index on user and time).</summary>
    internal static SortDefinition<RegistrationDocument> LatestChangedFirst =>
        new BsonDocumentSortDefinition<RegistrationDocument>(new BsonDocument { { F.UpdatedAt, -1 }, { F.Id, -1 } });

    /// <summary><see cref="Registrations.QueueOrder"/>, as a sort.</summary>
    internal static SortDefinition<RegistrationDocument> QueueOrder => new BsonDocumentSortDefinition<RegistrationDocument>(QueueSortKeys());

    internal static FilterDefinition<RegistrationDocument> ActiveOf(Guid workshopId) =>
        Filter.Eq(d => d.WorkshopId, workshopId) & Filter.In(d => d.Status, RegistrationStatus.Active);

    internal static UpdateDefinition<RegistrationDocument> CancelAll(HistoryEntry entry)
    {
        var stored = ToDocument(entry);
        return Update
            .Set(d => d.Status, RegistrationStatus.Cancelled)
            .Set(d => d.UpdatedAt, stored.At)
            .Unset(d => d.Attendance)
            .Push(d => d.History, stored);
    }

    internal static PipelineDefinition<RegistrationDocument, WorkshopCountsDocument> CountPipeline(Guid workshopId) =>
        Pipeline<WorkshopCountsDocument>(new BsonDocument("$match", new BsonDocument(F.WorkshopId, Uuid(workshopId))), CountsByWorkshop);

    /// <summary>Per workshop, how its confirmed registrations are marked; the match is the queue index's prefix.</summary>
    internal static PipelineDefinition<RegistrationDocument, AttendanceCountsDocument> AttendanceCountsPipeline(IReadOnlyCollection<Guid> workshopIds) =>
        Pipeline<AttendanceCountsDocument>(
            new BsonDocument("$match", new BsonDocument
            {
                { F.WorkshopId, new BsonDocument("$in", new BsonArray(workshopIds.Distinct().Select(Uuid))) },
                { F.Status, RegistrationStatus.Confirmed },
            }),
            new BsonDocument("$group", new BsonDocument
            {
                { "_id", "$" + F.WorkshopId },
                { "confirmed", new BsonDocument("$sum", 1) },
                { RegistrationAttendance.Attended, CountWhere(EqualTo("$" + F.Attendance, RegistrationAttendance.Attended)) },
                { RegistrationAttendance.Absent, CountWhere(EqualTo("$" + F.Attendance, RegistrationAttendance.Absent)) },
                { RegistrationAttendance.Excused, CountWhere(EqualTo("$" + F.Attendance, RegistrationAttendance.Excused)) },
            }));

    /// <summary>
    /// The user's registrations (the userId_updatedAt index, newest change first), faceted: the marked
    /// confirmed ones up to the limit, and the count of their late-cancellation entries since the date.
    /// </summary>
    internal static PipelineDefinition<RegistrationDocument, ParticipantAttendanceDocument> ParticipantAttendancePipeline(Guid userId, DateTime since, int limit) =>
        Pipeline<ParticipantAttendanceDocument>(
            new BsonDocument("$match", new BsonDocument(F.UserId, Uuid(userId))),
            new BsonDocument("$sort", new BsonDocument { { F.UpdatedAt, -1 }, { F.Id, -1 } }),
            new BsonDocument("$facet", new BsonDocument
            {
                {
                    "marked", new BsonArray
                    {
                        new BsonDocument("$match", new BsonDocument
                        {
                            { F.Status, RegistrationStatus.Confirmed },
                            { F.Attendance, new BsonDocument("$in", new BsonArray(RegistrationAttendance.All)) },
                        }),
                        new BsonDocument("$limit", limit),
                        new BsonDocument("$project", new BsonDocument { { F.Id, 0 }, { F.WorkshopId, 1 }, { F.Attendance, 1 } }),
                    }
                },
                {
                    "late", new BsonArray
                    {
                        new BsonDocument("$unwind", "$" + F.History),
                        new BsonDocument("$match", new BsonDocument
                        {
                            { F.History + "." + F.Cause, HistoryEntry.LateCancellation },
                            { F.History + "." + F.At, new BsonDocument("$gte", DocumentTime.FirstMillisecondFrom(since)) },
                        }),
                        new BsonDocument("$count", "count"),
                    }
                },
            }));

    /// <summary>By <see cref="RegistrationStatus.Rank"/>, each rank in <see cref="Registrations.QueueOrder"/>.</summary>
    internal static PipelineDefinition<RegistrationDocument, PageDocument<RegistrationDocument>> WorkshopPagePipeline(Guid workshopId, string? status, PageRequest page)
    {
        var match = new BsonDocument(F.WorkshopId, Uuid(workshopId));
        if (status is not null)
        {
            match.Add(F.Status, status);
        }

        // The last status listed is the default, so a status not listed ranks with it.
        var ranked = RegistrationStatus.All.SkipLast(1)
            .Select(s => new BsonDocument { { "case", EqualTo("$" + F.Status, s) }, { "then", RegistrationStatus.Rank(s) } });
        var rank = new BsonDocument("$switch", new BsonDocument
        {
            { "branches", new BsonArray(ranked) },
            { "default", RegistrationStatus.Rank(RegistrationStatus.All[^1]) },
        });
        return Pipeline<PageDocument<RegistrationDocument>>(
            new BsonDocument("$match", match),
            new BsonDocument("$addFields", new BsonDocument("statusRank", rank)),
            new BsonDocument("$sort", new BsonDocument("statusRank", 1).AddRange(QueueSortKeys())),
            PageFacet(page, new BsonDocument("$project", new BsonDocument("statusRank", 0))));
    }

    /// <summary>Newest change first, then the greater id for equal times.</summary>
    internal static PipelineDefinition<RegistrationDocument, PageDocument<RegistrationDocument>> UserPagePipeline(Guid userId, PageRequest page) =>
        Pipeline<PageDocument<RegistrationDocument>>(
            new BsonDocument("$match", new BsonDocument(F.UserId, Uuid(userId))),
            new BsonDocument("$sort", new BsonDocument { { F.UpdatedAt, -1 }, { F.Id, -1 } }),
            PageFacet(page));

    /// <summary>
    /// Every position in one round trip: the waitlisted tickets of the workshops involved (covered by
    /// the queue index), then one <c>$facet</c> per registration counting the tickets ahead of its own.
    /// </summary>
    internal static PipelineDefinition<RegistrationDocument, BsonDocument> WaitlistPositionsPipeline(IReadOnlyCollection<Registration> waitlisted)
    {
        var workshops = new BsonArray(waitlisted.Select(r => r.WorkshopId).Distinct().Select(Uuid));
        var facets = new BsonDocument();
        foreach (var registration in waitlisted)
        {
            facets[PositionFacet(registration.Id)] = new BsonArray
            {
                new BsonDocument("$match", new BsonDocument
                {
                    { F.WorkshopId, Uuid(registration.WorkshopId) },
                    { F.QueueTicket, new BsonDocument("$lt", registration.QueueTicket) },
                }),
                new BsonDocument("$count", "ahead"),
            };
        }

        return Pipeline<BsonDocument>(
            new BsonDocument("$match", new BsonDocument
            {
                { F.WorkshopId, new BsonDocument("$in", workshops) },
                { F.Status, RegistrationStatus.Waitlisted },
            }),
            new BsonDocument("$project", new BsonDocument { { F.Id, 0 }, { F.WorkshopId, 1 }, { F.QueueTicket, 1 } }),
            new BsonDocument("$facet", facets));
    }

    /// <summary>Every history entry, oldest first; equal times by registration id, then in the order they were appended.</summary>
    internal static PipelineDefinition<RegistrationDocument, PageDocument<RegistrationEventDocument>> HistoryPagePipeline(Guid workshopId, PageRequest page)
    {
        var history = "$" + F.History + ".";
        return Pipeline<PageDocument<RegistrationEventDocument>>(
            new BsonDocument("$match", new BsonDocument(F.WorkshopId, Uuid(workshopId))),
            new BsonDocument("$unwind", new BsonDocument { { "path", "$" + F.History }, { "includeArrayIndex", "historyIndex" } }),
            new BsonDocument("$sort", new BsonDocument { { F.History + "." + F.At, 1 }, { F.Id, 1 }, { "historyIndex", 1 } }),
            PageFacet(page, new BsonDocument("$project", new BsonDocument
            {
                { F.Id, 0 },
                { "registrationId", "$" + F.Id },
                { F.UserId, 1 },
                { F.At, history + F.At },
                { F.Status, history + F.Status },
                { F.By, history + F.By },
                { F.Reason, history + F.Reason },
                { F.Attendance, history + F.Attendance },
            })));
    }

    /// <summary>Per workshop, how many registrations are in each status; only workshops with an active one.</summary>
    internal static PipelineDefinition<RegistrationDocument, WorkshopCountsDocument> ActiveCountsPipeline =>
        Pipeline<WorkshopCountsDocument>(
            CountsByWorkshop,
            new BsonDocument("$match", new BsonDocument("$or", new BsonArray
            {
                new BsonDocument("confirmed", new BsonDocument("$gt", 0)),
                new BsonDocument("waitlisted", new BsonDocument("$gt", 0)),
            })));

    /// <summary>Per workshop, how many registrations are in each status; a status not listed counts as cancelled.</summary>
    private static BsonDocument CountsByWorkshop => new("$group", new BsonDocument
    {
        { "_id", "$" + F.WorkshopId },
        { "confirmed", CountWhere(EqualTo("$" + F.Status, RegistrationStatus.Confirmed)) },
        { "waitlisted", CountWhere(EqualTo("$" + F.Status, RegistrationStatus.Waitlisted)) },
        { "cancelled", CountWhere(new BsonDocument("$not", new BsonArray { IsActive() })) },
    });

    internal static IReadOnlyList<CreateIndexModel<RegistrationDocument>> Indexes
    {
        get
        {
            var keys = Builders<RegistrationDocument>.IndexKeys;
            return
            [
                new(keys.Ascending(d => d.WorkshopId).Ascending(d => d.UserId),
                    new CreateIndexOptions { Name = "workshopId_userId_unique", Unique = true }),
                new(keys.Ascending(d => d.WorkshopId).Ascending(d => d.Status).Ascending(d => d.QueueTicket),
                    new CreateIndexOptions { Name = "workshopId_status_queueTicket" }),
                new(keys.Ascending(d => d.UserId).Descending(d => d.UpdatedAt),
                    new CreateIndexOptions { Name = "userId_updatedAt" }),
                new(keys.Ascending(d => d.UpdatedAt),
                    new CreateIndexOptions { Name = "updatedAt" }),
            ];
        }
    }

    // ---- mapping ----

    internal static RegistrationDocument ToDocument(Registration registration) => new()
    {
        Id = registration.Id,
        WorkshopId = registration.WorkshopId,
        UserId = registration.UserId,
        Status = registration.Status,
        QueueTicket = registration.QueueTicket,
        CreatedAt = DocumentTime.Truncate(registration.CreatedAt),
        UpdatedAt = DocumentTime.Truncate(registration.UpdatedAt),
        History = registration.History.Select(ToDocument).ToList(),
        Attendance = registration.Attendance,
    };

    internal static HistoryDocument ToDocument(HistoryEntry entry) => new()
    {
        At = DocumentTime.Truncate(entry.At),
        Status = entry.Status,
        By = entry.By,
        Reason = entry.Reason,
        Cause = entry.Cause,
        Attendance = entry.Attendance,
    };

    internal static Registration ToRegistration(RegistrationDocument document) => new(
        document.Id,
        document.WorkshopId,
        document.UserId,
        document.Status,
        document.QueueTicket,
        document.CreatedAt,
        document.UpdatedAt,
        document.History.Select(h => new HistoryEntry(h.At, h.Status, h.By, h.Reason, h.Cause, h.Attendance)).ToList(),
        document.Attendance);

    // ---- helpers ----

    private async Task<PageDocument<T>> PageAsync<T>(
        PipelineDefinition<RegistrationDocument, PageDocument<T>> pipeline, CancellationToken cancellationToken) =>
        await (await _registrations.AggregateAsync(pipeline, options: null, cancellationToken)).FirstOrDefaultAsync(cancellationToken)
        ?? new PageDocument<T>();

    private static long TotalOf<T>(PageDocument<T> page) => TotalOf(page.Total);

    private static long TotalOf(List<CountDocument> counted) => counted.FirstOrDefault()?.Count ?? 0;

    /// <summary>Like the memory store, only registrations given as waitlisted get a position, and a repeated id counts once, as last given.</summary>
    private static List<Registration> WaitlistedByLastCopy(IReadOnlyCollection<Registration> registrations) =>
        registrations
            .Where(r => r.Status == RegistrationStatus.Waitlisted)
            .GroupBy(r => r.Id)
            .Select(g => g.Last())
            .ToList();

    internal static string PositionFacet(Guid registrationId) => registrationId.ToString("N");

    private static int Ahead(BsonDocument facets, Guid registrationId) =>
        facets.TryGetValue(PositionFacet(registrationId), out var counted) && counted.AsBsonArray.Count > 0
            ? counted.AsBsonArray[0]["ahead"].ToInt32()
            : 0;

    /// <summary>
    /// The total of every match, and the requested page of them (with the extra stages for each item);
    /// a page of no size asks only for the total, as <c>$limit</c> refuses zero.
    /// </summary>
    private static BsonDocument PageFacet(PageRequest page, params BsonDocument[] itemStages)
    {
        var facet = new BsonDocument("total", new BsonArray { new BsonDocument("$count", "count") });
        if (page.PageSize > 0)
        {
            var items = new BsonArray
            {
                new BsonDocument("$skip", Math.Max(0, page.Offset)),
                new BsonDocument("$limit", page.PageSize),
            };
            items.AddRange(itemStages);
            facet.Add("items", items);
        }

        return new BsonDocument("$facet", facet);
    }

    private static PipelineDefinition<RegistrationDocument, TOutput> Pipeline<TOutput>(params BsonDocument[] stages) =>
        PipelineDefinition<RegistrationDocument, TOutput>.Create(stages);

    private static BsonValue Uuid(Guid id) => new BsonBinaryData(id, GuidRepresentation.Standard);

    private static BsonDocument EqualTo(string field, string value) => new("$eq", new BsonArray { field, value });

    private static BsonDocument IsActive() => new("$in", new BsonArray { "$" + F.Status, new BsonArray(RegistrationStatus.Active) });

    private static BsonDocument QueueSortKeys() =>
        new(Registrations.QueueOrder.Keys.Select(key => new BsonElement(FieldOf(key), 1)));

    private static string FieldOf(QueueKey key) => key switch
    {
        QueueKey.QueueTicket => F.QueueTicket,
        QueueKey.Id => F.Id,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "A queue key with no field."),
    };

    private static BsonDocument CountWhere(BsonDocument condition) =>
        new("$sum", new BsonDocument("$cond", new BsonArray { condition, 1, 0 }));
}
