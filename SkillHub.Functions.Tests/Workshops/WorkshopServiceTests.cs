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
            .ReturnsAsync((Guid id, Guid trainerId, WorkshopDetails details, CancellationToken _) => Written(id, trainerId, details, version: 1));
    }

    // ---- create ----

    [Fact]
    public async Task Create_ByTrainerNamingAnotherTrainer_IsForbidden_AndWritesNothing()
    {
        var outcome = await _service.CreateAsync(_trainer, ValidCreate() with { TrainerId = _otherTrainer.Id }, CancellationToken.None);

        Assert.Equal(FailureKind.Forbidden, outcome.Failure?.Kind);
        _store.Verify(s => s.InsertAsync(It.IsAny<Guid>(), It.IsAny<Guid>(), It.IsAny<WorkshopDetails>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Create_ByTrainerNamingThemselves_CreatesTheirWorkshop()
    {
        var outcome = await _service.CreateAsync(_trainer, ValidCreate() with { TrainerId = _trainer.Id }, CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(_trainer.Id, outcome.Value!.TrainerId);
    }

    [Fact]
    public async Task Create_ByTrainerWithoutTrainerId_MakesThemTheTrainer()
    {
        var outcome = await _service.CreateAsync(_trainer, ValidCreate(), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(_trainer.Id, outcome.Value!.TrainerId);
        Assert.Equal(WorkshopStatus.Draft, outcome.Value.Status);
    }

    [Fact]
    public async Task Create_ByAdminWithoutTrainerId_IsInvalidNamingTrainerId()
    {
        var outcome = await _service.CreateAsync(_admin, ValidCreate(), CancellationToken.None);

        AssertInvalid(outcome, "trainerId");
    }

    [Fact]
    public async Task Create_ByAdminNamingANonTrainer_IsInvalidNamingTrainerId()
    {
        var participantId = Guid.NewGuid();
        _store.Setup(s => s.IsActiveTrainerAsync(participantId, It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var outcome = await _service.CreateAsync(_admin, ValidCreate() with { TrainerId = participantId }, CancellationToken.None);

        AssertInvalid(outcome, "trainerId");
    }

    [Fact]
    public async Task Create_ByAdminNamingAnActiveTrainer_CreatesTheWorkshopForThatTrainer()
    {
        _store.Setup(s => s.IsActiveTrainerAsync(_trainer.Id, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var outcome = await _service.CreateAsync(_admin, ValidCreate() with { TrainerId = _trainer.Id }, CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(_trainer.Id, outcome.Value!.TrainerId);
    }

    [Fact]
    public async Task Create_WithEveryRequiredFieldMissing_NamesEachOfThem()
    {
        var outcome = await _service.CreateAsync(_trainer, new CreateWorkshopRequest(null, null, null, null, null, null, null), CancellationToken.None);

        AssertInvalid(outcome, "capacity", "endsAt", "location", "startsAt", "title");
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
    public async Task Update_WithoutIfMatch_RequiresAPrecondition()
    {
        var workshop = Arrange(Workshop(_trainer.Id));

        var outcome = await _service.UpdateAsync(workshop.Id, _trainer, null, new UpdateWorkshopRequest("New title", null, null, null, null, null), CancellationToken.None);

        Assert.Equal(FailureKind.PreconditionRequired, outcome.Failure?.Kind);
    }

    [Theory]
    [InlineData("\"2\"")]
    [InlineData("\"4\"")]
    [InlineData("garbage")]
    [InlineData("W/\"3\"")]
    public async Task Update_WithAnIfMatchOtherThanTheCurrentVersion_IsStale(string ifMatch)
    {
        var workshop = Arrange(Workshop(_trainer.Id) with { Version = 3 });

        var outcome = await _service.UpdateAsync(workshop.Id, _trainer, ifMatch, new UpdateWorkshopRequest("New title", null, null, null, null, null), CancellationToken.None);

        Assert.Equal(FailureKind.PreconditionFailed, outcome.Failure?.Kind);
    }

    [Theory]
    [InlineData("\"3\"")]
    [InlineData("*")]
    public async Task Update_WithTheCurrentVersionOrAWildcard_WritesTheChange(string ifMatch)
    {
        var workshop = Arrange(Workshop(_trainer.Id) with { Version = 3 });
        ArrangeWrites(workshop);

        var outcome = await _service.UpdateAsync(workshop.Id, _trainer, ifMatch, new UpdateWorkshopRequest(" New title ", null, null, null, null, 40), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal("New title", outcome.Value!.Title);
        Assert.Equal(40, outcome.Value.Capacity);
        Assert.Equal(workshop.Location, outcome.Value.Location);
        Assert.Equal(4, outcome.Value.Version);
    }

    [Fact]
    public async Task Update_ByAdmin_WritesTheChange()
    {
        var workshop = Arrange(Workshop(_trainer.Id));
        ArrangeWrites(workshop);

        var outcome = await _service.UpdateAsync(workshop.Id, _admin, workshop.ETag, new UpdateWorkshopRequest("By the admin", null, null, null, null, null), CancellationToken.None);

        Assert.Equal("By the admin", outcome.Value!.Title);
    }

    [Fact]
    public async Task Update_CapacityBelowSeatsTaken_IsConflict()
    {
        var workshop = Arrange(Workshop(_trainer.Id) with { Capacity = 10, SeatsTaken = 8 });
        ArrangeWrites(workshop);

        var outcome = await _service.UpdateAsync(workshop.Id, _trainer, workshop.ETag, new UpdateWorkshopRequest(null, null, null, null, null, 7), CancellationToken.None);

        Assert.Equal(FailureKind.Conflict, outcome.Failure?.Kind);
    }

    [Fact]
    public async Task Update_CapacityDownToSeatsTaken_IsAccepted()
    {
        var workshop = Arrange(Workshop(_trainer.Id) with { Capacity = 10, SeatsTaken = 8 });
        ArrangeWrites(workshop);

        var outcome = await _service.UpdateAsync(workshop.Id, _trainer, workshop.ETag, new UpdateWorkshopRequest(null, null, null, null, null, 8), CancellationToken.None);

        Assert.Equal(8, outcome.Value!.Capacity);
    }

    [Fact]
    public async Task Update_CancelledWorkshop_IsConflict()
    {
        var workshop = Arrange(Workshop(_trainer.Id) with { Status = WorkshopStatus.Cancelled });
        ArrangeWrites(workshop);

        var outcome = await _service.UpdateAsync(workshop.Id, _trainer, workshop.ETag, new UpdateWorkshopRequest("New title", null, null, null, null, null), CancellationToken.None);

        Assert.Equal(FailureKind.Conflict, outcome.Failure?.Kind);
    }

    [Fact]
    public async Task Update_ByATrainerWhoDoesNotOwnAPublishedWorkshop_IsForbidden()
    {
        var workshop = Arrange(Workshop(_trainer.Id) with { Status = WorkshopStatus.Published });
        ArrangeWrites(workshop);

        var outcome = await _service.UpdateAsync(workshop.Id, _otherTrainer, workshop.ETag, new UpdateWorkshopRequest("Hijacked", null, null, null, null, null), CancellationToken.None);

        Assert.Equal(FailureKind.Forbidden, outcome.Failure?.Kind);
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
    public async Task Publish_WhenTheStoreChangesTheRow_ReturnsThePublishedWorkshop()
    {
        var workshop = Workshop(_trainer.Id) with { Status = WorkshopStatus.Draft };
        _store.Setup(s => s.PublishAsync(workshop.Id, _trainer, It.IsAny<CancellationToken>()))
            .ReturnsAsync(workshop with { Status = WorkshopStatus.Published, Version = workshop.Version + 1 });

        var outcome = await _service.PublishAsync(workshop.Id, _trainer, CancellationToken.None);

        Assert.Equal(WorkshopStatus.Published, outcome.Value!.Status);
    }

    [Fact]
    public async Task Publish_NoRowAndNoWorkshop_IsNotFound()
    {
        var outcome = await _service.PublishAsync(Guid.NewGuid(), _admin, CancellationToken.None);

        Assert.Equal(FailureKind.NotFound, outcome.Failure?.Kind);
    }

    [Fact]
    public async Task Publish_NoRow_OnSomeoneElsesDraft_IsNotFound()
    {
        var workshop = Arrange(Workshop(_trainer.Id) with { Status = WorkshopStatus.Draft });

        var outcome = await _service.PublishAsync(workshop.Id, _otherTrainer, CancellationToken.None);

        Assert.Equal(FailureKind.NotFound, outcome.Failure?.Kind);
    }

    [Fact]
    public async Task Publish_NoRow_OnSomeoneElsesPublishedWorkshop_IsForbidden()
    {
        var workshop = Arrange(Workshop(_trainer.Id) with { Status = WorkshopStatus.Published });

        var outcome = await _service.PublishAsync(workshop.Id, _otherTrainer, CancellationToken.None);

        Assert.Equal(FailureKind.Forbidden, outcome.Failure?.Kind);
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
    public async Task Cancel_WithANulCharacterInTheReason_NamesReason()
    {
        var workshop = Arrange(Workshop(_trainer.Id));

        var outcome = await _service.CancelAsync(workshop.Id, _trainer, new CancelWorkshopRequest("Ill\0"), CancellationToken.None);

        AssertInvalid(outcome, "reason");
    }

    [Fact]
    public async Task Cancel_WhenTheStoreChangesTheRow_KeepsTheTrimmedReason()
    {
        var workshop = Workshop(_trainer.Id);
        _store.Setup(s => s.CancelAsync(workshop.Id, _trainer, "Room flooded", It.IsAny<CancellationToken>()))
            .ReturnsAsync(workshop with { Status = WorkshopStatus.Cancelled, Version = workshop.Version + 1 });

        var outcome = await _service.CancelAsync(workshop.Id, _trainer, new CancelWorkshopRequest("  Room flooded  "), CancellationToken.None);

        Assert.Equal(WorkshopStatus.Cancelled, outcome.Value!.Status);
    }

    [Fact]
    public async Task Cancel_NoRowAndNoWorkshop_IsNotFound()
    {
        var outcome = await _service.CancelAsync(Guid.NewGuid(), _trainer, new CancelWorkshopRequest("Because"), CancellationToken.None);

        Assert.Equal(FailureKind.NotFound, outcome.Failure?.Kind);
    }

    [Fact]
    public async Task Cancel_NoRow_OnSomeoneElsesDraft_IsNotFound()
    {
        var workshop = Arrange(Workshop(_trainer.Id) with { Status = WorkshopStatus.Draft });

        var outcome = await _service.CancelAsync(workshop.Id, _otherTrainer, new CancelWorkshopRequest("Because"), CancellationToken.None);

        Assert.Equal(FailureKind.NotFound, outcome.Failure?.Kind);
    }

    [Fact]
    public async Task Cancel_NoRow_OnSomeoneElsesPublishedWorkshop_IsForbidden()
    {
        var workshop = Arrange(Workshop(_trainer.Id) with { Status = WorkshopStatus.Published });

        var outcome = await _service.CancelAsync(workshop.Id, _otherTrainer, new CancelWorkshopRequest("Because"), CancellationToken.None);

        Assert.Equal(FailureKind.Forbidden, outcome.Failure?.Kind);
    }

    [Fact]
    public async Task Cancel_NoRow_OnAnAlreadyCancelledWorkshop_IsConflict()
    {
        var workshop = Arrange(Workshop(_trainer.Id) with { Status = WorkshopStatus.Cancelled });

        var outcome = await _service.CancelAsync(workshop.Id, _trainer, new CancelWorkshopRequest("Because"), CancellationToken.None);

        Assert.Equal(FailureKind.Conflict, outcome.Failure?.Kind);
    }

    // ---- delete ----

    [Fact]
    public async Task Delete_WhenTheStoreDeletesTheRow_Succeeds()
    {
        var id = Guid.NewGuid();
        _store.Setup(s => s.DeleteUnusedAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var failure = await _service.DeleteAsync(id, _admin, CancellationToken.None);

        Assert.Null(failure);
    }

    [Fact]
    public async Task Delete_NoRowAndNoWorkshop_IsNotFound()
    {
        var failure = await _service.DeleteAsync(Guid.NewGuid(), _admin, CancellationToken.None);

        Assert.Equal(FailureKind.NotFound, failure?.Kind);
    }

    [Fact]
    public async Task Delete_NoRowButTheWorkshopExists_IsConflict()
    {
        var workshop = Arrange(Workshop(_trainer.Id));

        var failure = await _service.DeleteAsync(workshop.Id, _admin, CancellationToken.None);

        Assert.Equal(FailureKind.Conflict, failure?.Kind);
    }

    // ---- helpers ----

    private static CreateWorkshopRequest ValidCreate() =>
        new("Intro to SQL", "Joins and indexes", Now.AddDays(10), Now.AddDays(10).AddHours(3), "Room 4", 12, null);

    private static WorkshopRecord Workshop(Guid trainerId) =>
        new(Guid.NewGuid(), "Existing", "Existing description", trainerId, "A trainer", Now.AddDays(5), Now.AddDays(5).AddHours(3),
            "Room 1", 20, 0, WorkshopStatus.Published, Now.AddDays(-1), Now.AddDays(-1), 2);

    private static WorkshopRecord Written(Guid id, Guid trainerId, WorkshopDetails details, int version) =>
        new(id, details.Title, details.Description, trainerId, "A trainer", details.StartsAt, details.EndsAt, details.Location,
            details.Capacity, 0, WorkshopStatus.Draft, Now, Now, version);

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
