using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Attributes;

namespace SkillHub.Functions.Registrations;

/// <summary>Field names of the registrations collection, shared by the class maps and the hand-written pipeline stages.</summary>
internal static class RegistrationFields
{
    public const string Id = "_id";
    public const string WorkshopId = "workshopId";
    public const string UserId = "userId";
    public const string Status = "status";
    public const string QueueTicket = "queueTicket";
    public const string CreatedAt = "createdAt";
    public const string UpdatedAt = "updatedAt";
    public const string History = "history";
    public const string At = "at";
    public const string By = "by";
    public const string Reason = "reason";
    public const string Cause = "cause";
    public const string Attendance = "attendance";
}

/// <summary>A registration as stored in the registrations collection; fields it does not know (a later version's) are skipped.</summary>
[BsonIgnoreExtraElements]
internal sealed class RegistrationDocument
{
    // Ids are the caller's: the driver must not replace Guid.Empty with one of its own.
    [BsonId(IdGenerator = typeof(CallerAssignedId))]
    public Guid Id { get; init; }

    [BsonElement(RegistrationFields.WorkshopId)]
    public Guid WorkshopId { get; init; }

    [BsonElement(RegistrationFields.UserId)]
    public Guid UserId { get; init; }

    [BsonElement(RegistrationFields.Status)]
    public string Status { get; init; } = "";

    [BsonElement(RegistrationFields.QueueTicket)]
    public long QueueTicket { get; init; }

    [BsonElement(RegistrationFields.CreatedAt)]
    public DateTime CreatedAt { get; init; }

    [BsonElement(RegistrationFields.UpdatedAt)]
    public DateTime UpdatedAt { get; init; }

    [BsonElement(RegistrationFields.History)]
    public List<HistoryDocument> History { get; init; } = [];

    [BsonElement(RegistrationFields.Attendance)]
    [BsonIgnoreIfNull]
    public string? Attendance { get; init; }
}

/// <summary>One element of a registration document's history array.</summary>
[BsonIgnoreExtraElements]
internal class HistoryDocument
{
    [BsonElement(RegistrationFields.At)]
    public DateTime At { get; init; }

    [BsonElement(RegistrationFields.Status)]
    public string Status { get; init; } = "";

    [BsonElement(RegistrationFields.By)]
    public Guid? By { get; init; }

    [BsonElement(RegistrationFields.Reason)]
    public string? Reason { get; init; }

    [BsonElement(RegistrationFields.Cause)]
    [BsonIgnoreIfNull]
    public string? Cause { get; init; }

    [BsonElement(RegistrationFields.Attendance)]
    [BsonIgnoreIfNull]
    public string? Attendance { get; init; }
}

/// <summary>One history entry unwound from its registration, as the history pipeline projects it: the entry, and whose it is.</summary>
internal sealed class RegistrationEventDocument : HistoryDocument
{
    [BsonElement("registrationId")]
    public Guid RegistrationId { get; init; }

    [BsonElement(RegistrationFields.UserId)]
    public Guid UserId { get; init; }
}

/// <summary>The output of a paging <c>$facet</c>: the <c>$count</c> of every match (absent when none) and one page of them.</summary>
internal sealed class PageDocument<T>
{
    [BsonElement("total")]
    public List<CountDocument> Total { get; init; } = [];

    [BsonElement("items")]
    public List<T> Items { get; init; } = [];
}

/// <summary>The output of a <c>{ $count: "count" }</c> stage.</summary>
internal sealed class CountDocument
{
    [BsonElement("count")]
    public long Count { get; init; }
}

/// <summary>How many registrations of one workshop are in each status (<c>$group</c> by workshop).</summary>
internal sealed class WorkshopCountsDocument
{
    [BsonId]
    public Guid WorkshopId { get; init; }

    [BsonElement("confirmed")]
    public int Confirmed { get; init; }

    [BsonElement("waitlisted")]
    public int Waitlisted { get; init; }

    [BsonElement("cancelled")]
    public int Cancelled { get; init; }

    public RegistrationCounts ToCounts() => new(Confirmed, Waitlisted, Cancelled);
}

/// <summary>How one workshop's confirmed registrations are marked (<c>$group</c> by workshop); the unmarked are the rest.</summary>
internal sealed class AttendanceCountsDocument
{
    [BsonId]
    public Guid WorkshopId { get; init; }

    [BsonElement("confirmed")]
    public int Confirmed { get; init; }

    [BsonElement(RegistrationAttendance.Attended)]
    public int Attended { get; init; }

    [BsonElement(RegistrationAttendance.Absent)]
    public int Absent { get; init; }

    [BsonElement(RegistrationAttendance.Excused)]
    public int Excused { get; init; }

    public AttendanceCounts ToCounts() => new(Attended, Absent, Excused, Confirmed - Attended - Absent - Excused);
}

/// <summary>The output of the participant-attendance <c>$facet</c>: the marked seats read, and the <c>$count</c> of late cancellations (absent when none).</summary>
internal sealed class ParticipantAttendanceDocument
{
    [BsonElement("marked")]
    public List<MarkedSeatDocument> Marked { get; init; } = [];

    [BsonElement("late")]
    public List<CountDocument> Late { get; init; } = [];
}

/// <summary>One marked seat, as the participant-attendance pipeline projects it.</summary>
internal sealed class MarkedSeatDocument
{
    [BsonElement(RegistrationFields.WorkshopId)]
    public Guid WorkshopId { get; init; }

    [BsonElement(RegistrationFields.Attendance)]
    public string Attendance { get; init; } = "";
}

/// <summary>Leaves every id as the caller gave it, Guid.Empty included.</summary>
internal sealed class CallerAssignedId : IIdGenerator
{
    public object GenerateId(object container, object document) =>
        throw new InvalidOperationException("Registration ids are assigned by the caller.");

    public bool IsEmpty(object id) => false;
}
