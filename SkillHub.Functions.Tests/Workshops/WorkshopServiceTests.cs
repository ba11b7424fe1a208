using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Workshops;

namespace SkillHub.Functions.Tests.Workshops;

public sealed class WorkshopServiceTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private readonly Mock<IWorkshopStore> _store = new();
    private readonly WorkshopService _service;
    private readonly Caller _trainer = new(Guid.NewGuid(), Roles.Trainer);
    private readonly Caller _otherTrainer = new(Guid.NewGuid(), Roles.Trainer);
    private readonly Caller _admin = new(Guid.NewGuid(), Roles.Admin);

    public WorkshopServiceTests()
    {
        _service = new WorkshopService(_store.Object, Mock.Of<IWorkshopRegistrations>(), new SkillHub.Functions.Notifications.NotificationSignal(), new FixedClock(new DateTimeOffset(Now)), NullLogger<WorkshopService>.Instance);
        _store.Setup(s => s.InsertAsync(It.IsAny<Guid>(), It.IsAny<Guid>(), It.IsAny<WorkshopDetails>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Guid id, Guid trainerId, WorkshopDetails d, CancellationToken _) =>
                new WorkshopRecord(id, d.Title, d.Description, trainerId, "A trainer", d.StartsAt, d.EndsAt, d.Location, d.Capacity, 0, WorkshopStatus.Draft, Now, Now, 1));
    }

    // ---- create ----

    [Fact]
    public async Task Create_ByAdminWithoutTrainerId_IsInvalidNamingTrainerId()
    {
        var outcome = await _service.CreateAsync(_admin, ValidCreate(), CancellationToken.None);

        AssertInvalid(outcome, "trainerId");
    }

    [Fact]
    public async Task Create_ByAdminWithFieldsMissingAndNoTrainer_NamesAllOfThemAtOnce()
    {
        var outcome = await _service.CreateAsync(_admin, ValidCreate() with { Title = null, Capacity = null }, CancellationToken.None);

        AssertInvalid(outcome, "capacity", "title", "trainerId");
    }

    [Theory]
    [InlineData("title")]
    [InlineData("startsAt")]
    [InlineData("endsAt")]
    [InlineData("location")]
    [InlineData("capacity")]
    public async Task Create_WithOneRequiredFieldMissing_NamesThatField(string field)
    {
        var request = field switch
        {
            "title" => ValidCreate() with { Title = null },
            "startsAt" => ValidCreate() with { StartsAt = null },
            "endsAt" => ValidCreate() with { EndsAt = null },
            "location" => ValidCreate() with { Location = null },
            _ => ValidCreate() with { Capacity = null },
        };

        var outcome = await _service.CreateAsync(_trainer, request, CancellationToken.None);

        AssertInvalid(outcome, field);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("")]
    public async Task Create_WithABlankTitle_NamesTitle(string title)
    {
        var outcome = await _service.CreateAsync(_trainer, ValidCreate() with { Title = title }, CancellationToken.None);

        AssertInvalid(outcome, "title");
    }

    [Fact]
    public async Task Create_WithATitleShortOnceTrimmed_NamesTitle()
    {
        var outcome = await _service.CreateAsync(_trainer, ValidCreate() with { Title = "  ab  " }, CancellationToken.None);

        AssertInvalid(outcome, "title");
    }

    [Fact]
    public async Task Create_WithoutDescription_StoresAnEmptyOne()
    {
        var outcome = await _service.CreateAsync(_trainer, ValidCreate() with { Description = null }, CancellationToken.None);

        Assert.Equal(string.Empty, outcome.Value!.Description);
    }

    [Fact]
    public async Task Create_TrimsTheTexts()
    {
        var outcome = await _service.CreateAsync(_trainer, ValidCreate() with { Title = "  Trimmed  ", Location = "  Room 9 " }, CancellationToken.None);

        Assert.Equal("Trimmed", outcome.Value!.Title);
        Assert.Equal("Room 9", outcome.Value.Location);
    }

    [Theory]
    [InlineData(-60)]
    [InlineData(0)]
    public async Task Create_WithStartsAtNotInTheFuture_NamesStartsAt(int minutesFromNow)
    {
        var startsAt = Now.AddMinutes(minutesFromNow);

        var outcome = await _service.CreateAsync(_trainer, ValidCreate() with { StartsAt = startsAt, EndsAt = startsAt.AddHours(2) }, CancellationToken.None);

        AssertInvalid(outcome, "startsAt");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task Create_WithEndsAtNotAfterStartsAt_NamesEndsAt(int hoursAfterStart)
    {
        var startsAt = Now.AddDays(3);

        var outcome = await _service.CreateAsync(_trainer, ValidCreate() with { StartsAt = startsAt, EndsAt = startsAt.AddHours(hoursAfterStart) }, CancellationToken.None);

        AssertInvalid(outcome, "endsAt");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    [InlineData(-5)]
    public async Task Create_WithCapacityOutOfRange_NamesCapacity(int capacity)
    {
        var outcome = await _service.CreateAsync(_trainer, ValidCreate() with { Capacity = capacity }, CancellationToken.None);

        AssertInvalid(outcome, "capacity");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10_000)]
    public async Task Create_WithCapacityAtABound_Succeeds(int capacity)
    {
        var outcome = await _service.CreateAsync(_trainer, ValidCreate() with { Capacity = capacity }, CancellationToken.None);

        Assert.Equal(capacity, outcome.Value!.Capacity);
    }

    // ---- read ----

    [Fact]
    public async Task Get_AWorkshopTheStoreHidesFromTheCaller_IsNotFound()
    {
        var outcome = await _service.GetAsync(Guid.NewGuid(), null, CancellationToken.None);

        Assert.Equal(FailureKind.NotFound, outcome.Failure?.Kind);
    }

    // ---- update ----

    [Fact]
    public async Task Update_CapacityDownToSeatsTaken_IsAccepted()
    {
        var workshop = Arrange(Workshop(_trainer.Id) with { Capacity = 10, SeatsTaken = 8 });
        ArrangeWrites(workshop);

        var outcome = await _service.UpdateAsync(workshop.Id, _trainer, workshop.ETag, new UpdateWorkshopRequest(null, null, null, null, null, 8), CancellationToken.None);

        Assert.Equal(8, outcome.Value!.Capacity);
    }

    [Theory]
    [InlineData(WorkshopStatus.Draft)]
    [InlineData(WorkshopStatus.Cancelled)]
    public async Task Update_OfSomeoneElsesUnpublishedWorkshop_IsNotFound(string status)
    {
        var workshop = Arrange(Workshop(_trainer.Id) with { Status = status });
        ArrangeWrites(workshop);

        var outcome = await _service.UpdateAsync(workshop.Id, _otherTrainer, workshop.ETag, new UpdateWorkshopRequest("Hijacked", null, null, null, null, null), CancellationToken.None);

        Assert.Equal(FailureKind.NotFound, outcome.Failure?.Kind);
    }

    [Fact]
    public async Task Update_OfSomeoneElsesDraft_WithoutIfMatch_StaysHidden()
    {
        var workshop = Arrange(Workshop(_trainer.Id) with { Status = WorkshopStatus.Draft });

        var outcome = await _service.UpdateAsync(workshop.Id, _otherTrainer, null, new UpdateWorkshopRequest("Hijacked", null, null, null, null, null), CancellationToken.None);

        Assert.Equal(FailureKind.NotFound, outcome.Failure?.Kind);
    }

    [Fact]
    public async Task Update_OfAnUnknownWorkshop_IsNotFound()
    {
        var outcome = await _service.UpdateAsync(Guid.NewGuid(), _admin, "*", new UpdateWorkshopRequest("Anything", null, null, null, null, null), CancellationToken.None);

        Assert.Equal(FailureKind.NotFound, outcome.Failure?.Kind);
    }

    [Fact]
    public async Task Update_MovingStartsAtIntoThePast_NamesStartsAt()
    {
        var workshop = Arrange(Workshop(_trainer.Id));
        ArrangeWrites(workshop);

        var outcome = await _service.UpdateAsync(workshop.Id, _trainer, workshop.ETag, new UpdateWorkshopRequest(null, null, Now.AddHours(-1), null, null, null), CancellationToken.None);

        AssertInvalid(outcome, "startsAt");
    }

    [Fact]
    public async Task Update_OfAWorkshopThatHasStarted_LeavingStartsAtAlone_IsAccepted()
    {
        var workshop = Arrange(Workshop(_trainer.Id) with { StartsAt = Now.AddHours(-1), EndsAt = Now.AddHours(2) });
        ArrangeWrites(workshop);

        var outcome = await _service.UpdateAsync(workshop.Id, _trainer, workshop.ETag, new UpdateWorkshopRequest(null, null, workshop.StartsAt, null, "Room 2", null), CancellationToken.None);

        Assert.Equal("Room 2", outcome.Value!.Location);
    }

    [Fact]
    public async Task Update_MovingEndsAtBeforeStartsAt_NamesEndsAt()
    {
        var workshop = Arrange(Workshop(_trainer.Id));
        ArrangeWrites(workshop);

        var outcome = await _service.UpdateAsync(workshop.Id, _trainer, workshop.ETag, new UpdateWorkshopRequest(null, null, null, workshop.StartsAt.AddMinutes(-1), null, null), CancellationToken.None);

        AssertInvalid(outcome, "endsAt");
    }

    [Fact]
    public async Task Update_WhenTheRowChangedBetweenReadAndWrite_IsStale()
    {
        var workshop = Workshop(_trainer.Id) with { Version = 3 };
        _store.SetupSequence(s => s.FindAsync(workshop.Id, It.IsAny<CancellationToken>()))
            .ReturnsAsync(workshop)
            .ReturnsAsync(workshop with { Version = 4 });

        var outcome = await _service.UpdateAsync(workshop.Id, _trainer, "\"3\"", new UpdateWorkshopRequest("New title", null, null, null, null, null), CancellationToken.None);

        Assert.Equal(FailureKind.PreconditionFailed, outcome.Failure?.Kind);
    }

    [Fact]
    public async Task Update_WhenTheRowVanishedBetweenReadAndWrite_IsNotFound()
    {
        var workshop = Workshop(_trainer.Id);
        _store.SetupSequence(s => s.FindAsync(workshop.Id, It.IsAny<CancellationToken>()))
            .ReturnsAsync(workshop)
            .ReturnsAsync((WorkshopRecord?)null);

        var outcome = await _service.UpdateAsync(workshop.Id, _trainer, workshop.ETag, new UpdateWorkshopRequest("New title", null, null, null, null, null), CancellationToken.None);

        Assert.Equal(FailureKind.NotFound, outcome.Failure?.Kind);
    }

    [Fact]
    public async Task Update_WhenTheStoreRefusesAnUnchangedRow_IsConflict()
    {
        var workshop = Arrange(Workshop(_trainer.Id));

        var outcome = await _service.UpdateAsync(workshop.Id, _trainer, workshop.ETag, new UpdateWorkshopRequest("New title", null, null, null, null, null), CancellationToken.None);

        Assert.Equal(FailureKind.Conflict, outcome.Failure?.Kind);
    }

    // ---- publish ----

    [Fact]
    public async Task Publish_NoRowAndNoWorkshop_IsNotFound()
    {
        var outcome = await _service.PublishAsync(Guid.NewGuid(), _admin, CancellationToken.None);

        Assert.Equal(FailureKind.NotFound, outcome.Failure?.Kind);
    }

    [Theory]
    [InlineData(WorkshopStatus.Published)]
    [InlineData(WorkshopStatus.Cancelled)]
    public async Task Publish_NoRow_OnTheOwnersWorkshopThatIsNotADraft_IsConflict(string status)
    {
        var workshop = Arrange(Workshop(_trainer.Id) with { Status = status });

        var outcome = await _service.PublishAsync(workshop.Id, _trainer, CancellationToken.None);

        Assert.Equal(FailureKind.Conflict, outcome.Failure?.Kind);
    }

    [Fact]
    public async Task Publish_NoRow_OnADraftThatHasStarted_IsConflict()
    {
        var workshop = Arrange(Workshop(_trainer.Id) with { Status = WorkshopStatus.Draft, StartsAt = Now.AddHours(-1) });

        var outcome = await _service.PublishAsync(workshop.Id, _admin, CancellationToken.None);

        Assert.Equal(FailureKind.Conflict, outcome.Failure?.Kind);
        Assert.Contains("started", outcome.Failure!.Message, StringComparison.Ordinal);
    }

    // ---- cancel ----

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Cancel_WithoutAReason_NamesReason(string? reason)
    {
        var workshop = Arrange(Workshop(_trainer.Id));

        var outcome = await _service.CancelAsync(workshop.Id, _trainer, new CancelWorkshopRequest(reason), CancellationToken.None);

        AssertInvalid(outcome, "reason");
    }

    [Fact]
    public async Task Cancel_WithAReasonOver500Characters_NamesReason()
    {
        var workshop = Arrange(Workshop(_trainer.Id));

        var outcome = await _service.CancelAsync(workshop.Id, _trainer, new CancelWorkshopRequest(new string('r', 501)), CancellationToken.None);

        AssertInvalid(outcome, "reason");
    }

    [Fact]
    public async Task Cancel_NoRowAndNoWorkshop_IsNotFound()
    {
        var outcome = await _service.CancelAsync(Guid.NewGuid(), _trainer, new CancelWorkshopRequest("Because"), CancellationToken.None);

        Assert.Equal(FailureKind.NotFound, outcome.Failure?.Kind);
    }

    // ---- helpers ----

    private static CreateWorkshopRequest ValidCreate() =>
        new("Intro to SQL", "Joins and indexes", Now.AddDays(10), Now.AddDays(10).AddHours(3), "Room 4", 12, null);

    private static WorkshopRecord Workshop(Guid trainerId) =>
        new(Guid.NewGuid(), "Existing", "Existing description", trainerId, "A trainer", Now.AddDays(5), Now.AddDays(5).AddHours(3),
            "Room 1", 20, 0, WorkshopStatus.Published, Now.AddDays(-1), Now.AddDays(-1), 2);

    private WorkshopRecord Arrange(WorkshopRecord workshop)
    {
        _store.Setup(s => s.FindAsync(workshop.Id, It.IsAny<CancellationToken>())).ReturnsAsync(workshop);
        return workshop;
    }

    /// <summary>The store writes like the real one: only when the caller manages the row and it still has the version read.</summary>
    private void ArrangeWrites(WorkshopRecord workshop) =>
        _store.Setup(s => s.UpdateAsync(workshop.Id, It.IsAny<int?>(), It.IsAny<Caller>(), It.IsAny<WorkshopDetails>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Guid _, int? expected, Caller caller, WorkshopDetails details, CancellationToken _) =>
                workshop.IsManagedBy(caller) && (expected is null || expected == workshop.Version) && workshop.Status != WorkshopStatus.Cancelled
                && workshop.SeatsTaken <= details.Capacity
                    ? workshop with
                    {
                        Title = details.Title,
                        Description = details.Description,
                        StartsAt = details.StartsAt,
                        EndsAt = details.EndsAt,
                        Location = details.Location,
                        Capacity = details.Capacity,
                        Version = workshop.Version + 1,
                    }
                    : null);

    private static void AssertInvalid(Outcome<WorkshopRecord> outcome, params string[] fields)
    {
        Assert.Equal(FailureKind.Invalid, outcome.Failure?.Kind);
        Assert.Equal(fields.Order(StringComparer.Ordinal), outcome.Failure!.Errors!.Keys.Order(StringComparer.Ordinal));
    }
}
