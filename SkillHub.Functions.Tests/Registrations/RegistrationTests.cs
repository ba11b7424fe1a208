using SkillHub.Functions.Registrations;

namespace SkillHub.Functions.Tests.Registrations;

/// <summary>The registration guards its own transitions; the status rank and the queue order the stores share.</summary>
public sealed class RegistrationTests
{
    private static readonly DateTime At = new(2026, 3, 1, 9, 30, 0, DateTimeKind.Utc);
    private static readonly Guid Organiser = Guid.Parse("ffeeddcc-bbaa-4998-8776-554433221100");

    /// <summary>From each status, each change, and the status it leads to (null: refused).</summary>
    public static TheoryData<string, string, string?> Transitions { get; } = new()
    {
        { RegistrationStatus.Confirmed, "cancel", RegistrationStatus.Cancelled },
        { RegistrationStatus.Waitlisted, "cancel", RegistrationStatus.Cancelled },
        { RegistrationStatus.Cancelled, "cancel", null },
        { RegistrationStatus.Waitlisted, "promote", RegistrationStatus.Confirmed },
        { RegistrationStatus.Confirmed, "promote", null },
        { RegistrationStatus.Cancelled, "promote", null },
        { RegistrationStatus.Cancelled, "reopen with a seat", RegistrationStatus.Confirmed },
        { RegistrationStatus.Cancelled, "reopen in the queue", RegistrationStatus.Waitlisted },
        { RegistrationStatus.Confirmed, "reopen with a seat", null },
        { RegistrationStatus.Confirmed, "reopen in the queue", null },
        { RegistrationStatus.Waitlisted, "reopen with a seat", null },
        { RegistrationStatus.Waitlisted, "reopen in the queue", null },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Transition_IsAllowedOnlyFromItsStatuses_AndLeadsWhereTheRulesSay(string from, string change, string? to)
    {
        var registration = InStatus(from);

        var transition = change switch
        {
            "cancel" => registration.Cancel(Organiser, "reason", At),
            "promote" => registration.Promote(Organiser, At),
            "reopen with a seat" => registration.Reopen(new SeatRequest(true, 99), At),
            _ => registration.Reopen(new SeatRequest(false, 99), At),
        };

        Assert.Equal(to, transition?.Status);
        Assert.Equal(to, transition?.Entry.Status);
    }

    [Fact]
    public void Open_ConfirmsOrQueues_AsTheSeatLedgerAnswered_WithTheParticipantsOwnFirstEntry()
    {
        var workshop = Guid.CreateVersion7();
        var user = Guid.CreateVersion7();

        var confirmed = Registration.Open(workshop, user, new SeatRequest(true, 7), At);
        var waitlisted = Registration.Open(workshop, user, new SeatRequest(false, 8), At);

        Assert.Equal((workshop, user, RegistrationStatus.Confirmed, 7L, At, At), (confirmed.WorkshopId, confirmed.UserId, confirmed.Status, confirmed.QueueTicket, confirmed.CreatedAt, confirmed.UpdatedAt));
        Assert.Equal([new HistoryEntry(At, RegistrationStatus.Confirmed, user, null)], confirmed.History);
        Assert.Equal((RegistrationStatus.Waitlisted, 8L), (waitlisted.Status, waitlisted.QueueTicket));
        Assert.NotEqual(confirmed.Id, waitlisted.Id);
    }

    [Fact]
    public void Cancel_KeepsTheTicket_AndRecordsWhoAndWhy()
    {
        var transition = InStatus(RegistrationStatus.Waitlisted).Cancel(Organiser, "Cancelled by the workshop's organiser.", At);

        Assert.Equal(new RegistrationTransition(RegistrationStatus.Cancelled, 5, new HistoryEntry(At, RegistrationStatus.Cancelled, Organiser, "Cancelled by the workshop's organiser.")), transition);
        Assert.Equal(transition!.Entry, Registration.Cancellation(Organiser, "Cancelled by the workshop's organiser.", At));
    }

    [Fact]
    public void Promote_KeepsTheTicket_AndSaysItCameFromTheWaitingList()
    {
        var transition = InStatus(RegistrationStatus.Waitlisted).Promote(null, At);

        Assert.Equal(new RegistrationTransition(RegistrationStatus.Confirmed, 5, new HistoryEntry(At, RegistrationStatus.Confirmed, null, Registration.PromotionReason)), transition);
    }

    [Fact]
    public void Reopen_TakesTheNewTicket_AndIsTheParticipantsOwnDoing()
    {
        var registration = InStatus(RegistrationStatus.Cancelled);

        var transition = registration.Reopen(new SeatRequest(false, 42), At);

        Assert.Equal(new RegistrationTransition(RegistrationStatus.Waitlisted, 42, new HistoryEntry(At, RegistrationStatus.Waitlisted, registration.UserId, null)), transition);
    }

    [Theory]
    [InlineData(RegistrationStatus.Confirmed, true, true, 0)]
    [InlineData(RegistrationStatus.Waitlisted, true, false, 1)]
    [InlineData(RegistrationStatus.Cancelled, false, false, 2)]
    [InlineData("archived", false, false, 2)]
    public void Status_SaysWhetherItIsActive_HoldsASeat_AndWhereItIsListed(string status, bool active, bool holdsSeat, int rank)
    {
        var registration = InStatus(status);

        Assert.Equal((active, holdsSeat, rank), (registration.IsActive, registration.HoldsSeat, RegistrationStatus.Rank(status)));
        Assert.Equal(active, RegistrationStatus.IsActive(status));
    }

    [Fact]
    public void QueueOrder_IsTheTicket_ThenTheIdForEqualTickets()
    {
        var low = Guid.Parse("00000000-0000-0000-0000-000000000001");
        var high = Guid.Parse("ff000000-0000-0000-0000-000000000000");
        Registration[] queue =
        [
            InStatus(RegistrationStatus.Waitlisted) with { Id = high, QueueTicket = 2 },
            InStatus(RegistrationStatus.Waitlisted) with { Id = high, QueueTicket = 1 },
            InStatus(RegistrationStatus.Waitlisted) with { Id = low, QueueTicket = 2 },
        ];

        var ordered = queue.Order(QueueOrder.Comparer).Select(r => (r.QueueTicket, r.Id));

        Assert.Equal([(1L, high), (2L, low), (2L, high)], ordered);
    }

    private static Registration InStatus(string status) =>
        new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), status, 5, At.AddDays(-1), At.AddDays(-1), []);
}
