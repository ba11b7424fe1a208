using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Registrations;

/// <summary>
/// What every <see cref="IRegistrationStore"/> owes the services, written once: xunit runs these
/// tests for each concrete class below (the in-memory store, and MongoDB when a server is named).
/// Every test makes its own workshops and users, so a store shared by a class's tests is fine.
/// </summary>
public abstract class RegistrationStoreContract
{
    protected static readonly DateTime T0 = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private static readonly HistoryEntry[] NoHistory = [];
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly PageRequest AllOnOnePage = new(1, PageRequest.MaxPageSize);

    protected abstract IRegistrationStore Store { get; }

    // ---- insert and find ----

    [StoreFact]
    public async Task Insert_ThenFindByIdAndByWorkshopAndUser_ReturnTheStoredRegistration()
    {
        var admin = Guid.NewGuid();
        var registration = NewRegistration(Guid.NewGuid()) with
        {
            History = [new HistoryEntry(T0, RegistrationStatus.Confirmed, admin, "registered by an admin")],
        };

        await Store.InsertAsync(registration, None);

        AssertSameRegistration(registration, await Store.FindByIdAsync(registration.Id, None));
        AssertSameRegistration(registration, await Store.FindAsync(registration.WorkshopId, registration.UserId, None));
    }

    [StoreFact]
    public async Task Find_OfARegistrationNeverStored_ReturnsNull()
    {
        var stored = await InsertAsync(NewRegistration(Guid.NewGuid()));

        Assert.Null(await Store.FindByIdAsync(Guid.NewGuid(), None));
        Assert.Null(await Store.FindAsync(stored.WorkshopId, Guid.NewGuid(), None));
        Assert.Null(await Store.FindAsync(Guid.NewGuid(), stored.UserId, None));
    }

    [StoreFact]
    public async Task Insert_KeepsDatesInUtcToTheMillisecond()
    {
        var precise = T0.AddTicks(1_234_567);
        var unspecified = DateTime.SpecifyKind(T0.AddMinutes(1).AddTicks(9_999), DateTimeKind.Unspecified);
        var registration = NewRegistration(Guid.NewGuid()) with
        {
            CreatedAt = precise,
            UpdatedAt = unspecified,
            History = [new HistoryEntry(precise, RegistrationStatus.Confirmed, null, null)],
        };

        await Store.InsertAsync(registration, None);
        var stored = await Store.FindByIdAsync(registration.Id, None);

        Assert.NotNull(stored);
        Assert.Equal(T0.AddMilliseconds(123), stored.CreatedAt);
        Assert.Equal(T0.AddMinutes(1), stored.UpdatedAt);
        Assert.Equal(T0.AddMilliseconds(123), Assert.Single(stored.History).At);
        Assert.All([stored.CreatedAt, stored.UpdatedAt, stored.History[0].At], date => Assert.Equal(DateTimeKind.Utc, date.Kind));
    }

    [StoreFact]
    public async Task Insert_OfASecondRegistrationOfTheSameUserToTheSameWorkshop_ThrowsDuplicateDocument()
    {
        var first = await InsertAsync(NewRegistration(Guid.NewGuid()));

        await Assert.ThrowsAsync<DuplicateDocumentException>(() => Store.InsertAsync(NewRegistration(first.WorkshopId, first.UserId), None));

        AssertSameRegistration(first, await Store.FindAsync(first.WorkshopId, first.UserId, None));
    }

    [StoreFact]
    public async Task Insert_WithAnIdAlreadyStored_ThrowsDuplicateDocument()
    {
        var first = await InsertAsync(NewRegistration(Guid.NewGuid()));

        await Assert.ThrowsAsync<DuplicateDocumentException>(() => Store.InsertAsync(NewRegistration(Guid.NewGuid()) with { Id = first.Id }, None));

        AssertSameRegistration(first, await Store.FindByIdAsync(first.Id, None));
    }

    [StoreFact]
    public async Task Insert_FiftyConcurrentRegistrationsOfOneUserToOneWorkshop_LetsExactlyOneThrough()
    {
        var workshopId = Guid.NewGuid();
        var userId = Guid.NewGuid();
        var attempts = Enumerable.Range(0, 50).Select(_ => NewRegistration(workshopId, userId)).ToList();

        var inserted = await Task.WhenAll(attempts.Select(attempt => Task.Run(async () =>
        {
            try
            {
                await Store.InsertAsync(attempt, None);
                return true;
            }
            catch (DuplicateDocumentException)
            {
                return false;
            }
        })));

        Assert.Single(inserted, succeeded => succeeded);
        var winner = attempts[Array.IndexOf(inserted, true)];
        AssertSameRegistration(winner, await Store.FindAsync(workshopId, userId, None));
    }

    // ---- transitions ----

    [StoreFact]
    public async Task Transition_FromTheExpectedStatus_AppliesItAppendsTheEntryAndReturnsTheNewDocument()
    {
        var waitlisted = await InsertAsync(NewRegistration(Guid.NewGuid(), status: RegistrationStatus.Waitlisted, ticket: 7));
        var entry = new HistoryEntry(T0.AddMinutes(5), RegistrationStatus.Confirmed, Guid.NewGuid(), "a seat was freed");

        var updated = await Store.TransitionAsync(
            waitlisted.Id, RegistrationStatus.Waitlisted, new RegistrationTransition(RegistrationStatus.Confirmed, 42, entry), None);

        var expected = waitlisted with
        {
            Status = RegistrationStatus.Confirmed,
            QueueTicket = 42,
            UpdatedAt = entry.At,
            History = [.. waitlisted.History, entry],
        };
        AssertSameRegistration(expected, updated);
        AssertSameRegistration(expected, await Store.FindByIdAsync(waitlisted.Id, None));
    }

    [StoreFact]
    public async Task Transition_FromAStatusTheRegistrationIsNotIn_ReturnsNullAndChangesNothing()
    {
        var confirmed = await InsertAsync(NewRegistration(Guid.NewGuid(), status: RegistrationStatus.Confirmed));
        var entry = new HistoryEntry(T0.AddMinutes(5), RegistrationStatus.Confirmed, null, null);

        var updated = await Store.TransitionAsync(
            confirmed.Id, RegistrationStatus.Waitlisted, new RegistrationTransition(RegistrationStatus.Confirmed, 9, entry), None);

        Assert.Null(updated);
        AssertSameRegistration(confirmed, await Store.FindByIdAsync(confirmed.Id, None));
    }

    [StoreFact]
    public async Task Transition_OfAnUnknownRegistration_ReturnsNull()
    {
        var entry = new HistoryEntry(T0, RegistrationStatus.Cancelled, null, null);

        var updated = await Store.TransitionAsync(
            Guid.NewGuid(), RegistrationStatus.Confirmed, new RegistrationTransition(RegistrationStatus.Cancelled, 1, entry), None);

        Assert.Null(updated);
    }

    [StoreFact]
    public async Task Transition_FiftyConcurrentCallsFromTheSameStatus_SucceedExactlyOnce()
    {
        var waitlisted = await InsertAsync(NewRegistration(Guid.NewGuid(), status: RegistrationStatus.Waitlisted, ticket: 3));

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => Store.TransitionAsync(
            waitlisted.Id,
            RegistrationStatus.Waitlisted,
            new RegistrationTransition(RegistrationStatus.Confirmed, 3, new HistoryEntry(T0.AddSeconds(i), RegistrationStatus.Confirmed, null, $"attempt {i}")),
            None))));

        var winner = Assert.Single(results, result => result is not null);
        var stored = await Store.FindByIdAsync(waitlisted.Id, None);
        AssertSameRegistration(winner!, stored);
        Assert.Equal(2, stored!.History.Count);
    }

    // ---- attendance ----

    [StoreFact]
    public async Task MarkAttendance_OfAConfirmedRegistration_SetsItAppendsTheEntryAndReturnsTheNewDocument()
    {
        var confirmed = await InsertAsync(NewRegistration(Guid.NewGuid(), status: RegistrationStatus.Confirmed));
        var trainer = Guid.NewGuid();
        var change = confirmed.MarkAttendance(RegistrationAttendance.Absent, trainer, T0.AddHours(3))!;

        var updated = await Store.MarkAttendanceAsync(confirmed.Id, change, None);

        var expected = confirmed with
        {
            Attendance = RegistrationAttendance.Absent,
            UpdatedAt = change.Entry.At,
            History = [.. confirmed.History, new HistoryEntry(T0.AddHours(3), RegistrationStatus.Confirmed, trainer, null, HistoryEntry.AttendanceMarked, RegistrationAttendance.Absent)],
        };
        AssertSameRegistration(expected, updated);
        AssertSameRegistration(expected, await Store.FindByIdAsync(confirmed.Id, None));
    }

    [StoreFact]
    public async Task MarkAttendance_WithNull_UnmarksTheRegistration()
    {
        var confirmed = await InsertAsync(NewRegistration(Guid.NewGuid(), status: RegistrationStatus.Confirmed));
        var marked = await Store.MarkAttendanceAsync(confirmed.Id, confirmed.MarkAttendance(RegistrationAttendance.Attended, null, T0.AddHours(1))!, None);

        var unmarked = await Store.MarkAttendanceAsync(confirmed.Id, marked!.MarkAttendance(null, null, T0.AddHours(2))!, None);

        Assert.Null(unmarked!.Attendance);
        Assert.Null((await Store.FindByIdAsync(confirmed.Id, None))!.Attendance);
        Assert.Equal([null, RegistrationAttendance.Attended, null], unmarked.History.Select(h => h.Attendance));
    }

    [StoreFact]
    public async Task MarkAttendance_OfARegistrationNoLongerConfirmed_ReturnsNullAndChangesNothing()
    {
        var confirmed = NewRegistration(Guid.NewGuid(), status: RegistrationStatus.Confirmed);
        var change = confirmed.MarkAttendance(RegistrationAttendance.Attended, null, T0.AddHours(1))!;
        var cancelled = await InsertAsync(confirmed with { Status = RegistrationStatus.Cancelled });

        Assert.Null(await Store.MarkAttendanceAsync(cancelled.Id, change, None));
        Assert.Null(await Store.MarkAttendanceAsync(Guid.NewGuid(), change, None));
        AssertSameRegistration(cancelled, await Store.FindByIdAsync(cancelled.Id, None));
    }

    [StoreFact]
    public async Task AttendanceCounts_CountHowTheConfirmedRegistrationsOfEachWorkshopAskedAreMarked()
    {
        var workshopId = Guid.NewGuid();
        var other = Guid.NewGuid();
        var onlyWaiting = Guid.NewGuid();
        string?[] marks = [RegistrationAttendance.Attended, RegistrationAttendance.Attended, RegistrationAttendance.Absent, RegistrationAttendance.Excused, null];
        foreach (var mark in marks)
        {
            await InsertAsync(NewRegistration(workshopId) with { Attendance = mark });
        }

        await InsertAsync(NewRegistration(workshopId, status: RegistrationStatus.Cancelled));
        await InsertAsync(NewRegistration(workshopId, status: RegistrationStatus.Waitlisted));
        await InsertAsync(NewRegistration(other) with { Attendance = RegistrationAttendance.Absent });
        await InsertAsync(NewRegistration(onlyWaiting, status: RegistrationStatus.Waitlisted));
        await InsertAsync(NewRegistration(Guid.NewGuid()) with { Attendance = RegistrationAttendance.Attended });

        var counts = await Store.AttendanceCountsAsync([workshopId, other, onlyWaiting, Guid.NewGuid()], None);

        Assert.Equal(2, counts.Count);
        Assert.Equal(new AttendanceCounts(2, 1, 1, 1), counts[workshopId]);
        Assert.Equal(new AttendanceCounts(0, 1, 0, 0), counts[other]);
        Assert.Empty(await Store.AttendanceCountsAsync([], None));
    }

    [StoreFact]
    public async Task ParticipantAttendance_ReadsTheUsersMarkedSeats_NewestChangeFirst_AndCountsTheirLateCancellationsSinceTheDate()
    {
        var userId = Guid.NewGuid();
        var attended = await InsertAsync(NewRegistration(Guid.NewGuid(), userId, at: T0.AddDays(3)) with { Attendance = RegistrationAttendance.Attended });
        var absent = await InsertAsync(NewRegistration(Guid.NewGuid(), userId, at: T0.AddDays(2)) with { Attendance = RegistrationAttendance.Absent });
        var excused = await InsertAsync(NewRegistration(Guid.NewGuid(), userId, at: T0.AddDays(1)) with { Attendance = RegistrationAttendance.Excused });
        await InsertAsync(NewRegistration(Guid.NewGuid(), userId, at: T0.AddDays(4)));
        await InsertAsync(NewRegistration(Guid.NewGuid(), userId, status: RegistrationStatus.Waitlisted, at: T0.AddDays(5)));
        await InsertAsync(NewRegistration(Guid.NewGuid(), at: T0.AddDays(6)) with { Attendance = RegistrationAttendance.Attended });
        var cancelledLate = await InsertAsync(NewRegistration(Guid.NewGuid(), userId, at: T0));
        await Store.TransitionAsync(cancelledLate.Id, RegistrationStatus.Confirmed, LateCancellation(T0.AddDays(1)), None);
        var reopened = await InsertAsync(NewRegistration(Guid.NewGuid(), userId, at: T0));
        await Store.TransitionAsync(reopened.Id, RegistrationStatus.Confirmed, LateCancellation(T0.AddDays(-1)), None);
        await Store.TransitionAsync(reopened.Id, RegistrationStatus.Cancelled,
            new RegistrationTransition(RegistrationStatus.Confirmed, 2, new HistoryEntry(T0.AddDays(1), RegistrationStatus.Confirmed, userId, null)), None);
        await Store.TransitionAsync(reopened.Id, RegistrationStatus.Confirmed, LateCancellation(T0.AddDays(1).AddMilliseconds(1)), None);
        var someoneElse = await InsertAsync(NewRegistration(Guid.NewGuid(), at: T0));
        await Store.TransitionAsync(someoneElse.Id, RegistrationStatus.Confirmed, LateCancellation(T0.AddDays(2)), None);

        var read = await Store.ParticipantAttendanceAsync(userId, T0.AddDays(1), 10, None);

        Assert.Equal(
            [new MarkedSeat(attended.WorkshopId, RegistrationAttendance.Attended), new MarkedSeat(absent.WorkshopId, RegistrationAttendance.Absent), new MarkedSeat(excused.WorkshopId, RegistrationAttendance.Excused)],
            read.Marked);
        Assert.Equal(2, read.LateCancellations);
        Assert.Equal(1, (await Store.ParticipantAttendanceAsync(userId, T0.AddDays(1).AddTicks(1), 10, None)).LateCancellations);
    }

    [StoreFact]
    public async Task ParticipantAttendance_ReadsAtMostTheLimit_OfTheMostRecentlyChanged_AndNothingForAStranger()
    {
        var userId = Guid.NewGuid();
        foreach (var day in new[] { 1, 3, 2 })
        {
            await InsertAsync(NewRegistration(Guid.NewGuid(), userId, at: T0.AddDays(day)) with { Attendance = RegistrationAttendance.Absent });
        }

        var newest = await Store.ParticipantAttendanceAsync(userId, T0, 2, None);
        var stranger = await Store.ParticipantAttendanceAsync(Guid.NewGuid(), T0, 2, None);

        Assert.Equal(2, newest.Marked.Count);
        Assert.Equal(
            (await Store.ListForUserAsync(userId, new PageRequest(1, 2), None)).Items.Select(r => r.WorkshopId),
            newest.Marked.Select(m => m.WorkshopId));
        Assert.Equal(ParticipantAttendance.None.LateCancellations, stranger.LateCancellations);
        Assert.Empty(stranger.Marked);
    }

    [StoreFact]
    public async Task StatusChanges_ClearTheAttendance_WhichBelongsToAConfirmedSeat()
    {
        var workshopId = Guid.NewGuid();
        var one = await InsertAsync(NewRegistration(workshopId, status: RegistrationStatus.Confirmed) with { Attendance = RegistrationAttendance.Attended });
        var other = await InsertAsync(NewRegistration(workshopId, status: RegistrationStatus.Confirmed) with { Attendance = RegistrationAttendance.Excused });

        var cancelled = await Store.TransitionAsync(one.Id, RegistrationStatus.Confirmed, one.Cancel(null, "left", T0.AddHours(1))!, None);
        await Store.CancelAllActiveAsync(workshopId, Registration.WorkshopCancellation(null, "storm", T0.AddHours(2)), None);

        Assert.Null(cancelled!.Attendance);
        Assert.Null((await Store.FindByIdAsync(one.Id, None))!.Attendance);
        Assert.Null((await Store.FindByIdAsync(other.Id, None))!.Attendance);
    }

    // ---- the waiting list ----

    [StoreFact]
    public async Task FirstWaitlisted_ReturnsTheWaitlistedRegistrationWithTheLowestTicket()
    {
        var workshopId = Guid.NewGuid();
        await InsertAsync(NewRegistration(workshopId, status: RegistrationStatus.Waitlisted, ticket: 9));
        var first = await InsertAsync(NewRegistration(workshopId, status: RegistrationStatus.Waitlisted, ticket: 4));
        await InsertAsync(NewRegistration(workshopId, status: RegistrationStatus.Waitlisted, ticket: 6));
        await InsertAsync(NewRegistration(workshopId, status: RegistrationStatus.Confirmed, ticket: 1));
        await InsertAsync(NewRegistration(workshopId, status: RegistrationStatus.Cancelled, ticket: 2));
        await InsertAsync(NewRegistration(Guid.NewGuid(), status: RegistrationStatus.Waitlisted, ticket: 3));

        AssertSameRegistration(first, await Store.FirstWaitlistedAsync(workshopId, None));
    }

    [StoreFact]
    public async Task FirstWaitlisted_AmongEqualTickets_ReturnsTheLowestId()
    {
        var workshopId = Guid.NewGuid();
        var tied = new List<Registration>();
        for (var i = 0; i < 5; i++)
        {
            tied.Add(await InsertAsync(NewRegistration(workshopId, status: RegistrationStatus.Waitlisted, ticket: 5)));
        }

        AssertSameRegistration(tied.MinBy(r => r.Id)!, await Store.FirstWaitlistedAsync(workshopId, None));
    }

    [StoreFact]
    public async Task FirstWaitlisted_WithNobodyWaiting_ReturnsNull()
    {
        var workshopId = Guid.NewGuid();
        await InsertAsync(NewRegistration(workshopId, status: RegistrationStatus.Confirmed));

        Assert.Null(await Store.FirstWaitlistedAsync(workshopId, None));
    }

    [StoreFact]
    public async Task WaitlistPositions_NumberEachWaitingListFromOneInTicketOrder_AndOnlyForWaitlistedRegistrations()
    {
        var workshopA = Guid.NewGuid();
        var workshopB = Guid.NewGuid();
        await InsertAsync(NewRegistration(workshopA, status: RegistrationStatus.Cancelled, ticket: 1));
        var confirmed = await InsertAsync(NewRegistration(workshopA, status: RegistrationStatus.Confirmed, ticket: 5));
        var a30 = await InsertAsync(NewRegistration(workshopA, status: RegistrationStatus.Waitlisted, ticket: 30));
        var a10 = await InsertAsync(NewRegistration(workshopA, status: RegistrationStatus.Waitlisted, ticket: 10));
        var a20 = await InsertAsync(NewRegistration(workshopA, status: RegistrationStatus.Waitlisted, ticket: 20));
        await InsertAsync(NewRegistration(workshopB, status: RegistrationStatus.Waitlisted, ticket: 2));
        var b15 = await InsertAsync(NewRegistration(workshopB, status: RegistrationStatus.Waitlisted, ticket: 15));

        var positions = await Store.WaitlistPositionsAsync([a20, confirmed, a10, b15, a30], None);

        IReadOnlyDictionary<Guid, int> expected = new Dictionary<Guid, int> { [a10.Id] = 1, [a20.Id] = 2, [a30.Id] = 3, [b15.Id] = 2 };
        Assert.Equal(expected, positions);
    }

    [StoreFact]
    public async Task WaitlistPositions_OfNoWaitlistedRegistration_IsEmpty()
    {
        var confirmed = await InsertAsync(NewRegistration(Guid.NewGuid(), status: RegistrationStatus.Confirmed));

        Assert.Empty(await Store.WaitlistPositionsAsync([], None));
        Assert.Empty(await Store.WaitlistPositionsAsync([confirmed], None));
    }

    // ---- cancelling a workshop ----

    [StoreFact]
    public async Task CancelAllActive_CancelsEveryConfirmedAndWaitlistedRegistrationOfTheWorkshop_AppendingTheEntry()
    {
        var workshopId = Guid.NewGuid();
        var confirmed = await InsertAsync(NewRegistration(workshopId, status: RegistrationStatus.Confirmed, ticket: 1));
        var waitlisted = await InsertAsync(NewRegistration(workshopId, status: RegistrationStatus.Waitlisted, ticket: 2));
        var cancelled = await InsertAsync(NewRegistration(workshopId, status: RegistrationStatus.Cancelled, ticket: 3));
        var elsewhere = await InsertAsync(NewRegistration(Guid.NewGuid(), status: RegistrationStatus.Confirmed));
        var entry = new HistoryEntry(T0.AddHours(1), RegistrationStatus.Cancelled, Guid.NewGuid(), "workshop cancelled");

        var count = await Store.CancelAllActiveAsync(workshopId, entry, None);

        Assert.Equal(2, count);
        foreach (var active in new[] { confirmed, waitlisted })
        {
            var expected = active with { Status = RegistrationStatus.Cancelled, UpdatedAt = entry.At, History = [.. active.History, entry] };
            AssertSameRegistration(expected, await Store.FindByIdAsync(active.Id, None));
        }

        AssertSameRegistration(cancelled, await Store.FindByIdAsync(cancelled.Id, None));
        AssertSameRegistration(elsewhere, await Store.FindByIdAsync(elsewhere.Id, None));
    }

    [StoreFact]
    public async Task CancelAllActive_OfAWorkshopWithNoActiveRegistration_ReturnsZero()
    {
        var workshopId = Guid.NewGuid();
        await InsertAsync(NewRegistration(workshopId, status: RegistrationStatus.Cancelled));

        Assert.Equal(0, await Store.CancelAllActiveAsync(workshopId, new HistoryEntry(T0, RegistrationStatus.Cancelled, null, null), None));
    }

    // ---- counts ----

    [StoreFact]
    public async Task Count_CountsEachStatusOfTheWorkshopOnly()
    {
        var workshopId = Guid.NewGuid();
        await InsertManyAsync(workshopId, RegistrationStatus.Confirmed, 2);
        await InsertManyAsync(workshopId, RegistrationStatus.Waitlisted, 3);
        await InsertManyAsync(workshopId, RegistrationStatus.Cancelled, 1);
        await InsertManyAsync(Guid.NewGuid(), RegistrationStatus.Confirmed, 1);

        Assert.Equal(new RegistrationCounts(2, 3, 1), await Store.CountAsync(workshopId, None));
        Assert.Equal(new RegistrationCounts(0, 0, 0), await Store.CountAsync(Guid.NewGuid(), None));
    }

    [StoreFact]
    public async Task ActiveCounts_CountEveryWorkshopWithAnActiveRegistration_AndLeaveOutTheOthers()
    {
        var busy = Guid.NewGuid();
        await InsertManyAsync(busy, RegistrationStatus.Confirmed, 1);
        await InsertManyAsync(busy, RegistrationStatus.Waitlisted, 2);
        await InsertManyAsync(busy, RegistrationStatus.Cancelled, 1);
        var waitingOnly = Guid.NewGuid();
        await InsertManyAsync(waitingOnly, RegistrationStatus.Waitlisted, 1);
        var deserted = Guid.NewGuid();
        await InsertManyAsync(deserted, RegistrationStatus.Cancelled, 2);

        var counts = await Store.ActiveCountsAsync(None);

        Assert.Equal(new RegistrationCounts(1, 2, 1), counts[busy]);
        Assert.Equal(new RegistrationCounts(0, 1, 0), counts[waitingOnly]);
        Assert.False(counts.ContainsKey(deserted));
    }

    // ---- lists ----

    [StoreFact]
    public async Task ListForWorkshop_ListsConfirmedThenWaitlistedInTicketOrderThenCancelled_TiesByLowestId()
    {
        var workshopId = Guid.NewGuid();
        var cancelled = await InsertAsync(NewRegistration(workshopId, status: RegistrationStatus.Cancelled, ticket: 0));
        var waitlisted9 = await InsertAsync(NewRegistration(workshopId, status: RegistrationStatus.Waitlisted, ticket: 9));
        var confirmed5 = await InsertAsync(NewRegistration(workshopId, status: RegistrationStatus.Confirmed, ticket: 5));
        var waitlisted3 = await InsertAsync(NewRegistration(workshopId, status: RegistrationStatus.Waitlisted, ticket: 3));
        var confirmedTied = new[]
        {
            await InsertAsync(NewRegistration(workshopId, status: RegistrationStatus.Confirmed, ticket: 2)),
            await InsertAsync(NewRegistration(workshopId, status: RegistrationStatus.Confirmed, ticket: 2)),
            await InsertAsync(NewRegistration(workshopId, status: RegistrationStatus.Confirmed, ticket: 2)),
        };
        await InsertAsync(NewRegistration(Guid.NewGuid(), status: RegistrationStatus.Confirmed, ticket: 1));

        var (items, total) = await Store.ListForWorkshopAsync(workshopId, null, AllOnOnePage, None);

        Guid[] expected = [.. confirmedTied.Select(r => r.Id).Order(), confirmed5.Id, waitlisted3.Id, waitlisted9.Id, cancelled.Id];
        Assert.Equal(expected, items.Select(r => r.Id));
        Assert.Equal(7, total);
        AssertSameRegistration(waitlisted3, items.Single(r => r.Id == waitlisted3.Id));
    }

    [StoreFact]
    public async Task ListForWorkshop_ReturnsTheRequestedPage_AndTheTotalOfEveryPage()
    {
        var workshopId = Guid.NewGuid();
        var waitlisted = new List<Registration>();
        for (var ticket = 1; ticket <= 5; ticket++)
        {
            waitlisted.Add(await InsertAsync(NewRegistration(workshopId, status: RegistrationStatus.Waitlisted, ticket: ticket)));
        }

        var second = await Store.ListForWorkshopAsync(workshopId, null, new PageRequest(2, 2), None);
        var last = await Store.ListForWorkshopAsync(workshopId, null, new PageRequest(3, 2), None);
        var beyond = await Store.ListForWorkshopAsync(workshopId, null, new PageRequest(4, 2), None);

        Assert.Equal([waitlisted[2].Id, waitlisted[3].Id], second.Items.Select(r => r.Id));
        Assert.Equal([waitlisted[4].Id], last.Items.Select(r => r.Id));
        Assert.Empty(beyond.Items);
        Assert.All([second.Total, last.Total, beyond.Total], total => Assert.Equal(5, total));
    }

    [StoreFact]
    public async Task ListForWorkshop_WithAStatus_ListsAndCountsOnlyThatStatus()
    {
        var workshopId = Guid.NewGuid();
        await InsertManyAsync(workshopId, RegistrationStatus.Confirmed, 3);
        var waitlisted = await InsertAsync(NewRegistration(workshopId, status: RegistrationStatus.Waitlisted, ticket: 8));

        var (items, total) = await Store.ListForWorkshopAsync(workshopId, RegistrationStatus.Waitlisted, AllOnOnePage, None);

        Assert.Equal([waitlisted.Id], items.Select(r => r.Id));
        Assert.Equal(1, total);
    }

    [StoreFact]
    public async Task ListForWorkshop_OfAWorkshopWithoutRegistrations_IsEmptyWithATotalOfZero()
    {
        var (items, total) = await Store.ListForWorkshopAsync(Guid.NewGuid(), null, AllOnOnePage, None);

        Assert.Empty(items);
        Assert.Equal(0, total);
    }

    [StoreFact]
    public async Task ListForUser_ListsTheLatestChangedFirst_TiesByHighestId_AndPages()
    {
        var userId = Guid.NewGuid();
        var oldest = await InsertAsync(NewRegistration(Guid.NewGuid(), userId, at: T0));
        var newest = await InsertAsync(NewRegistration(Guid.NewGuid(), userId, at: T0.AddDays(2)));
        var tied = new[]
        {
            await InsertAsync(NewRegistration(Guid.NewGuid(), userId, at: T0.AddDays(1))),
            await InsertAsync(NewRegistration(Guid.NewGuid(), userId, at: T0.AddDays(1))),
        };
        await InsertAsync(NewRegistration(Guid.NewGuid(), at: T0.AddDays(3)));

        var first = await Store.ListForUserAsync(userId, new PageRequest(1, 3), None);
        var second = await Store.ListForUserAsync(userId, new PageRequest(2, 3), None);

        Guid[] expected = [newest.Id, .. tied.Select(r => r.Id).OrderDescending(), oldest.Id];
        Assert.Equal(expected[..3], first.Items.Select(r => r.Id));
        Assert.Equal(expected[3..], second.Items.Select(r => r.Id));
        Assert.Equal(4, first.Total);
        Assert.Equal(4, second.Total);
    }

    [StoreFact]
    public async Task ListForCalendar_HoldsTheUsersConfirmedAndThoseTheirWorkshopsCancellationCancelled_LatestChangedFirst_UpToTheLimit()
    {
        var userId = Guid.NewGuid();
        var confirmed = await InsertAsync(NewRegistration(Guid.NewGuid(), userId, at: T0));
        var withItsWorkshop = await InsertAsync(NewRegistration(Guid.NewGuid(), userId, at: T0.AddDays(1)));
        await Store.CancelAllActiveAsync(withItsWorkshop.WorkshopId, Registration.WorkshopCancellation(null, "ill", T0.AddDays(3)), None);
        var newest = await InsertAsync(NewRegistration(Guid.NewGuid(), userId, at: T0.AddDays(2)));
        var byThemselves = await InsertAsync(NewRegistration(Guid.NewGuid(), userId, at: T0));
        await Store.TransitionAsync(byThemselves.Id, RegistrationStatus.Confirmed, byThemselves.Cancel(userId, null, T0.AddDays(4))!, None);
        await InsertAsync(NewRegistration(Guid.NewGuid(), userId, status: RegistrationStatus.Waitlisted, at: T0.AddDays(5)));
        await InsertAsync(NewRegistration(Guid.NewGuid(), at: T0.AddDays(6)));

        var all = await Store.ListForCalendarAsync(userId, 10, None);
        var two = await Store.ListForCalendarAsync(userId, 2, None);

        Assert.Equal([withItsWorkshop.Id, newest.Id, confirmed.Id], all.Select(r => r.Id));
        Assert.Equal([withItsWorkshop.Id, newest.Id], two.Select(r => r.Id));
        Assert.True(all[0].CancelledWithItsWorkshop);
    }

    [StoreFact]
    public async Task ListForCalendar_LeavesOutAWorkshopCancellationThatIsNotTheLastEntry()
    {
        var userId = Guid.NewGuid();
        var registration = NewRegistration(Guid.NewGuid(), userId, status: RegistrationStatus.Cancelled) with
        {
            History = [Registration.WorkshopCancellation(null, "ill", T0), new HistoryEntry(T0.AddHours(1), RegistrationStatus.Cancelled, null, "restored")],
        };
        await InsertAsync(registration);

        Assert.Empty(await Store.ListForCalendarAsync(userId, 10, None));
    }

    [StoreFact]
    public async Task History_ListsEveryEntryOfTheWorkshopOldestFirst_AndPages()
    {
        var workshopId = Guid.NewGuid();
        var first = await InsertAsync(NewRegistration(workshopId, status: RegistrationStatus.Confirmed, at: T0) with
        {
            History =
            [
                new HistoryEntry(T0, RegistrationStatus.Waitlisted, null, null),
                new HistoryEntry(T0.AddMinutes(2), RegistrationStatus.Confirmed, null, "a seat was freed"),
            ],
        });
        var admin = Guid.NewGuid();
        var second = await InsertAsync(NewRegistration(workshopId, status: RegistrationStatus.Cancelled, at: T0.AddMinutes(1)) with
        {
            History =
            [
                new HistoryEntry(T0.AddMinutes(1), RegistrationStatus.Confirmed, null, null),
                new HistoryEntry(T0.AddMinutes(3), RegistrationStatus.Cancelled, admin, "no-show"),
            ],
        });
        await InsertAsync(NewRegistration(Guid.NewGuid(), at: T0.AddSeconds(30)));

        var page1 = await Store.HistoryAsync(workshopId, new PageRequest(1, 3), None);
        var page2 = await Store.HistoryAsync(workshopId, new PageRequest(2, 3), None);

        RegistrationEvent[] expected =
        [
            new(first.Id, first.UserId, T0, RegistrationStatus.Waitlisted, null, null),
            new(second.Id, second.UserId, T0.AddMinutes(1), RegistrationStatus.Confirmed, null, null),
            new(first.Id, first.UserId, T0.AddMinutes(2), RegistrationStatus.Confirmed, null, "a seat was freed"),
            new(second.Id, second.UserId, T0.AddMinutes(3), RegistrationStatus.Cancelled, admin, "no-show"),
        ];
        Assert.Equal(expected[..3], page1.Items);
        Assert.Equal(expected[3..], page2.Items);
        Assert.Equal(4, page1.Total);
        Assert.Equal(4, page2.Total);
    }

    [StoreFact]
    public async Task History_AtEqualTimes_ListsByRegistrationIdThenInTheOrderEntriesWereAppended()
    {
        var workshopId = Guid.NewGuid();
        var one = await InsertAsync(NewRegistration(workshopId) with
        {
            History =
            [
                new HistoryEntry(T0, RegistrationStatus.Waitlisted, null, "first"),
                new HistoryEntry(T0, RegistrationStatus.Confirmed, null, "second"),
                new HistoryEntry(T0, RegistrationStatus.Cancelled, null, "third"),
            ],
        });
        var other = await InsertAsync(NewRegistration(workshopId) with
        {
            History = [new HistoryEntry(T0, RegistrationStatus.Confirmed, null, "other")],
        });

        var (items, total) = await Store.HistoryAsync(workshopId, AllOnOnePage, None);

        string[] ofOne = ["first", "second", "third"];
        string[] expected = one.Id.CompareTo(other.Id) < 0 ? [.. ofOne, "other"] : ["other", .. ofOne];
        Assert.Equal(expected, items.Select(e => e.Reason));
        Assert.Equal(4, total);
    }

    // ---- helpers ----

    protected static Registration NewRegistration(
        Guid workshopId, Guid? userId = null, string status = RegistrationStatus.Confirmed, long ticket = 1, DateTime? at = null)
    {
        var when = at ?? T0;
        return new Registration(Guid.NewGuid(), workshopId, userId ?? Guid.NewGuid(), status, ticket, when, when, [new HistoryEntry(when, status, null, null)]);
    }

    /// <summary>Records compare their history list by reference: compare it element by element instead.</summary>
    protected static void AssertSameRegistration(Registration expected, Registration? actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        Assert.NotNull(actual);
        Assert.Equal(expected with { History = NoHistory }, actual with { History = NoHistory });
        Assert.Equal(expected.History, actual.History);
    }

    private static RegistrationTransition LateCancellation(DateTime at) =>
        new(RegistrationStatus.Cancelled, 1, new HistoryEntry(at, RegistrationStatus.Cancelled, Guid.NewGuid(), "Cancelled by the organiser", HistoryEntry.LateCancellation));

    private async Task<Registration> InsertAsync(Registration registration)
    {
        await Store.InsertAsync(registration, None);
        return registration;
    }

    private async Task InsertManyAsync(Guid workshopId, string status, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await InsertAsync(NewRegistration(workshopId, status: status, ticket: i + 1));
        }
    }
}
