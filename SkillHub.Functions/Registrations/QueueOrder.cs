namespace SkillHub.Functions.Registrations;

/// <summary>What the waiting list is sorted by, most significant first.</summary>
public enum QueueKey
{
    QueueTicket,
    Id,
}

/// <summary>
/// The waiting-list order, defined once: the ticket PostgreSQL handed out when the seat was asked
/// for, then the id for equal tickets. The memory store compares with it; the MongoDB store renders
/// its keys as a sort (a <see cref="Guid"/> compares as MongoDB orders a standard UUID's bytes).
/// </summary>
public static class QueueOrder
{
    public static IReadOnlyList<QueueKey> Keys { get; } = [QueueKey.QueueTicket, QueueKey.Id];

    public static IComparer<Registration> Comparer { get; } = Comparer<Registration>.Create(Compare);

    private static int Compare(Registration x, Registration y)
    {
        foreach (var key in Keys)
        {
            var order = key switch
            {
                QueueKey.QueueTicket => x.QueueTicket.CompareTo(y.QueueTicket),
                QueueKey.Id => x.Id.CompareTo(y.Id),
                _ => throw new ArgumentOutOfRangeException(nameof(x), key, "A queue key with no comparison."),
            };
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }
}
