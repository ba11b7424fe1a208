using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SkillHub.Functions.Comments;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Workshops;
using SkillHub.Functions.Users;
using SkillHub.Functions.Workshops;

namespace SkillHub.Functions.Tests.Comments;

public sealed class CommentServiceTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, 0, DateTimeKind.Utc);
    private static readonly PageRequest FirstPage = new(1, 20);
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly Mock<ICommentStore> _comments = new();
    private readonly Mock<IWorkshopStore> _workshops = new();
    private readonly Mock<IUserStore> _users = new();
    private readonly Mock<IParticipationCheck> _participation = new();
    private readonly CommentService _service;

    private readonly Caller _author = new(Guid.NewGuid(), Roles.Participant);
    private readonly Caller _otherParticipant = new(Guid.NewGuid(), Roles.Participant);
    private readonly Caller _owner = new(Guid.NewGuid(), Roles.Trainer);
    private readonly Caller _otherTrainer = new(Guid.NewGuid(), Roles.Trainer);
    private readonly Caller _admin = new(Guid.NewGuid(), Roles.Admin);
    private readonly WorkshopRecord _workshop;
    private readonly Comment _comment;

    public CommentServiceTests()
    {
        _service = new CommentService(_comments.Object, _workshops.Object, _users.Object, _participation.Object,
            new FixedClock(new DateTimeOffset(Now.AddTicks(5_555))), NullLogger<CommentService>.Instance);
        _workshop = new WorkshopRecord(Guid.NewGuid(), "Intro to SQL", "", _owner.Id, "Owner", Now.AddDays(10), Now.AddDays(10).AddHours(3),
            "Room 1", 10, 0, WorkshopStatus.Published, Now, Now, 1);
        _comment = new Comment(Guid.NewGuid(), _workshop.Id, new CommentAuthor(_author.Id, "Old name"), "Nice", null, Now.AddDays(-1), Now.AddDays(-1));
        _workshops.Setup(w => w.FindVisibleAsync(_workshop.Id, It.IsAny<Caller?>(), It.IsAny<CancellationToken>())).ReturnsAsync(_workshop);
        _comments.Setup(c => c.FindAsync(_comment.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_comment);
        _comments.Setup(c => c.EditAsync(It.IsAny<Guid>(), It.IsAny<Guid>(), It.IsAny<Guid>(), It.IsAny<CommentEdit>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Guid _, Guid _, Guid _, CommentEdit edit, CancellationToken _) => _comment with
            {
                Body = edit.Body ?? _comment.Body,
                Rating = edit.Rating ?? _comment.Rating,
                Author = _comment.Author with { DisplayName = edit.AuthorDisplayName },
                UpdatedAt = edit.UpdatedAt,
            });
        _comments.Setup(c => c.HideAsync(_workshop.Id, _comment.Id, It.IsAny<Guid>(), It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        foreach (var caller in new[] { _author, _otherParticipant, _owner, _otherTrainer, _admin })
        {
            _users.Setup(u => u.FindAsync(caller.Id, It.IsAny<CancellationToken>())).ReturnsAsync(User(caller, $"Name of {caller.Role}"));
        }
    }

    // ---- list ----

    [Fact]
    public async Task List_OfAWorkshopTheCallerMayNotSee_IsNotFound_AndReadsNoComment()
    {
        var draftId = Guid.NewGuid();

        var outcome = await _service.ListAsync(draftId, null, FirstPage, None);

        Assert.Equal(FailureKind.NotFound, outcome.Failure?.Kind);
        _comments.Verify(c => c.ListVisibleAsync(It.IsAny<Guid>(), It.IsAny<PageRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task List_OfAVisibleWorkshop_AnswersTheStoresVisibleComments()
    {
        _comments.Setup(c => c.ListVisibleAsync(_workshop.Id, FirstPage, It.IsAny<CancellationToken>())).ReturnsAsync(([_comment], 1L));

        var outcome = await _service.ListAsync(_workshop.Id, null, FirstPage, None);

        Assert.True(outcome.Succeeded);
        Assert.Equal([_comment], outcome.Value.Items);
        Assert.Equal(1, outcome.Value.Total);
    }

    // ---- create ----

    [Fact]
    public async Task Create_WithoutRating_WritesTheBodyAsSent_WithTheAuthorsNameFromTheUserStore()
    {
        Comment? written = null;
        _comments.Setup(c => c.InsertAsync(It.IsAny<Comment>(), It.IsAny<CancellationToken>())).Callback((Comment c, CancellationToken _) => written = c);
        const string Body = "  <script>alert(1)</script>\n & more  ";

        var outcome = await _service.CreateAsync(_workshop.Id, _otherParticipant, new CreateCommentRequest(Body, null), None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(written, outcome.Value);
        Assert.Equal((Body, (int?)null), (written!.Body, written.Rating));
        Assert.Equal(new CommentAuthor(_otherParticipant.Id, "Name of participant"), written.Author);
        Assert.Equal((_workshop.Id, Now, Now, false), (written.WorkshopId, written.CreatedAt, written.UpdatedAt, written.Hidden));
        _participation.Verify(p => p.HasConfirmedRegistrationAsync(It.IsAny<Guid>(), It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Create_WithRating_ByAUserWithAConfirmedRegistration_WritesTheRating()
    {
        _participation.Setup(p => p.HasConfirmedRegistrationAsync(_workshop.Id, _author.Id, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var outcome = await _service.CreateAsync(_workshop.Id, _author, new CreateCommentRequest("Loved it", 5), None);

        Assert.Equal(5, outcome.Value!.Rating);
        _comments.Verify(c => c.InsertAsync(It.Is<Comment>(w => w.Rating == 5), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(Roles.Participant)]
    [InlineData(Roles.Trainer)]
    [InlineData(Roles.Admin)]
    public async Task Create_WithRating_WithoutAConfirmedRegistration_IsForbidden_AndWritesNothing(string role)
    {
        var caller = role switch { Roles.Participant => _otherParticipant, Roles.Trainer => _owner, _ => _admin };
        _participation.Setup(p => p.HasConfirmedRegistrationAsync(_workshop.Id, caller.Id, It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var outcome = await _service.CreateAsync(_workshop.Id, caller, new CreateCommentRequest("Five stars", 5), None);

        Assert.Equal(FailureKind.Forbidden, outcome.Failure?.Kind);
        VerifyNothingWritten();
    }

    [Fact]
    public async Task Create_OnAWorkshopTheCallerMayNotSee_IsNotFound_AndWritesNothing()
    {
        var outcome = await _service.CreateAsync(Guid.NewGuid(), _author, new CreateCommentRequest("Hello", null), None);

        Assert.Equal(FailureKind.NotFound, outcome.Failure?.Kind);
        VerifyNothingWritten();
    }

    public static TheoryData<string?, int?, string[]> InvalidCreates { get; } = new()
    {
        { null, null, ["body"] },
        { "", null, ["body"] },
        { "   \n\t ", null, ["body"] },
        { new string('x', 2001), null, ["body"] },
        { "Fine\0", null, ["body"] },
        { "Fine", 0, ["rating"] },
        { "Fine", 6, ["rating"] },
        { "Fine", -1, ["rating"] },
        { null, 9, ["body", "rating"] },
    };

    [Theory]
    [MemberData(nameof(InvalidCreates))]
    public async Task Create_WithInvalidFields_IsInvalidNamingThem_AndTouchesNoStore(string? body, int? rating, string[] fields)
    {
        var outcome = await _service.CreateAsync(_workshop.Id, _author, new CreateCommentRequest(body, rating), None);

        AssertInvalid(outcome, fields);
        VerifyNothingWritten();
        _workshops.VerifyNoOtherCalls();
        _participation.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Create_WithABodyOf2000Emoji_IsValid_SinceLengthCountsCodePoints()
    {
        var body = string.Concat(Enumerable.Repeat("\U0001F600", 2000));

        var outcome = await _service.CreateAsync(_workshop.Id, _author, new CreateCommentRequest(body, null), None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(body, outcome.Value!.Body);
    }

    [Fact]
    public async Task Create_ByAnAccountThatNoLongerExists_IsUnauthorized_AndWritesNothing()
    {
        _users.Setup(u => u.FindAsync(_author.Id, It.IsAny<CancellationToken>())).ReturnsAsync((UserRecord?)null);

        var outcome = await _service.CreateAsync(_workshop.Id, _author, new CreateCommentRequest("Hello", null), None);

        Assert.Equal(FailureKind.Unauthorized, outcome.Failure?.Kind);
        VerifyNothingWritten();
    }

    [Fact]
    public async Task Create_ByADisabledAccount_IsForbidden_AndWritesNothing()
    {
        _users.Setup(u => u.FindAsync(_author.Id, It.IsAny<CancellationToken>())).ReturnsAsync(User(_author, "Gone") with { Disabled = true });

        var outcome = await _service.CreateAsync(_workshop.Id, _author, new CreateCommentRequest("Hello", null), None);

        Assert.Equal(FailureKind.Forbidden, outcome.Failure?.Kind);
        VerifyNothingWritten();
    }

    // ---- update ----

    [Fact]
    public async Task Update_ByTheAuthor_EditsOnlyTheirComment_WithTheirCurrentName()
    {
        var outcome = await _service.UpdateAsync(_workshop.Id, _comment.Id, _author, new UpdateCommentRequest("Edited", null), None);

        Assert.Equal(("Edited", "Name of participant"), (outcome.Value!.Body, outcome.Value.Author.DisplayName));
        _comments.Verify(c => c.EditAsync(_workshop.Id, _comment.Id, _author.Id,
            new CommentEdit("Edited", null, "Name of participant", Now), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(Roles.Participant)]
    [InlineData(Roles.Trainer)]
    [InlineData(Roles.Admin)]
    public async Task Update_BySomeoneOtherThanTheAuthor_IsForbidden_EvenTheOwningTrainerOrAnAdmin(string role)
    {
        var caller = role switch { Roles.Participant => _otherParticipant, Roles.Trainer => _owner, _ => _admin };

        var outcome = await _service.UpdateAsync(_workshop.Id, _comment.Id, caller, new UpdateCommentRequest("Mine now", null), None);

        Assert.Equal(FailureKind.Forbidden, outcome.Failure?.Kind);
        VerifyNothingWritten();
    }

    [Fact]
    public async Task Update_NamingNoField_IsInvalidNamingBodyAndRating()
    {
        var outcome = await _service.UpdateAsync(_workshop.Id, _comment.Id, _author, new UpdateCommentRequest(null, null), None);

        AssertInvalid(outcome, "body", "rating");
        VerifyNothingWritten();
    }

    [Theory]
    [InlineData("", null, "body")]
    [InlineData(" ", null, "body")]
    [InlineData(null, 0, "rating")]
    [InlineData(null, 6, "rating")]
    public async Task Update_WithAnInvalidField_IsInvalidNamingIt(string? body, int? rating, string field)
    {
        var outcome = await _service.UpdateAsync(_workshop.Id, _comment.Id, _author, new UpdateCommentRequest(body, rating), None);

        AssertInvalid(outcome, field);
        VerifyNothingWritten();
    }

    [Fact]
    public async Task Update_WithABodyOf2001Characters_IsInvalidNamingBody()
    {
        var outcome = await _service.UpdateAsync(_workshop.Id, _comment.Id, _author, new UpdateCommentRequest(new string('y', 2001), null), None);

        AssertInvalid(outcome, "body");
        VerifyNothingWritten();
    }

    [Fact]
    public async Task Update_AddingARating_WithoutAConfirmedRegistration_IsForbidden()
    {
        _participation.Setup(p => p.HasConfirmedRegistrationAsync(_workshop.Id, _author.Id, It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var outcome = await _service.UpdateAsync(_workshop.Id, _comment.Id, _author, new UpdateCommentRequest(null, 4), None);

        Assert.Equal(FailureKind.Forbidden, outcome.Failure?.Kind);
        VerifyNothingWritten();
    }

    [Fact]
    public async Task Update_AddingARating_WithAConfirmedRegistration_WritesIt()
    {
        _participation.Setup(p => p.HasConfirmedRegistrationAsync(_workshop.Id, _author.Id, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var outcome = await _service.UpdateAsync(_workshop.Id, _comment.Id, _author, new UpdateCommentRequest(null, 4), None);

        Assert.Equal(4, outcome.Value!.Rating);
    }

    [Fact]
    public async Task Update_SendingBackTheRatingTheCommentHas_NeedsNoRegistration()
    {
        _comments.Setup(c => c.FindAsync(_comment.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_comment with { Rating = 4 });

        var outcome = await _service.UpdateAsync(_workshop.Id, _comment.Id, _author, new UpdateCommentRequest("Reworded", 4), None);

        Assert.True(outcome.Succeeded);
        _participation.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Update_ChangingAnExistingRating_WithoutAConfirmedRegistration_IsForbidden()
    {
        _comments.Setup(c => c.FindAsync(_comment.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_comment with { Rating = 4 });

        var outcome = await _service.UpdateAsync(_workshop.Id, _comment.Id, _author, new UpdateCommentRequest(null, 5), None);

        Assert.Equal(FailureKind.Forbidden, outcome.Failure?.Kind);
        VerifyNothingWritten();
    }

    [Fact]
    public async Task Update_OfTheBodyOnly_NeverAsksForARegistration()
    {
        await _service.UpdateAsync(_workshop.Id, _comment.Id, _author, new UpdateCommentRequest("Text only", null), None);

        _participation.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Update_OfAHiddenComment_IsNotFound_EvenForItsAuthor()
    {
        _comments.Setup(c => c.FindAsync(_comment.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_comment with { Hidden = true, HiddenBy = _admin.Id, HiddenAt = Now });

        var outcome = await _service.UpdateAsync(_workshop.Id, _comment.Id, _author, new UpdateCommentRequest("Back", null), None);

        Assert.Equal(FailureKind.NotFound, outcome.Failure?.Kind);
        VerifyNothingWritten();
    }

    [Fact]
    public async Task Update_OfACommentOfAnotherWorkshop_IsNotFound()
    {
        var otherWorkshop = _workshop with { Id = Guid.NewGuid() };
        _workshops.Setup(w => w.FindVisibleAsync(otherWorkshop.Id, It.IsAny<Caller?>(), It.IsAny<CancellationToken>())).ReturnsAsync(otherWorkshop);

        var outcome = await _service.UpdateAsync(otherWorkshop.Id, _comment.Id, _author, new UpdateCommentRequest("Moved?", null), None);

        Assert.Equal(FailureKind.NotFound, outcome.Failure?.Kind);
        VerifyNothingWritten();
    }

    [Fact]
    public async Task Update_OnAWorkshopTheCallerMayNoLongerSee_IsNotFound()
    {
        _workshops.Setup(w => w.FindVisibleAsync(_workshop.Id, _author, It.IsAny<CancellationToken>())).ReturnsAsync((WorkshopRecord?)null);

        var outcome = await _service.UpdateAsync(_workshop.Id, _comment.Id, _author, new UpdateCommentRequest("Hello?", null), None);

        Assert.Equal(FailureKind.NotFound, outcome.Failure?.Kind);
        VerifyNothingWritten();
    }

    [Fact]
    public async Task Update_OfACommentHiddenBetweenTheReadAndTheWrite_IsNotFound()
    {
        _comments.Setup(c => c.EditAsync(_workshop.Id, _comment.Id, _author.Id, It.IsAny<CommentEdit>(), It.IsAny<CancellationToken>())).ReturnsAsync((Comment?)null);

        var outcome = await _service.UpdateAsync(_workshop.Id, _comment.Id, _author, new UpdateCommentRequest("Too late", null), None);

        Assert.Equal(FailureKind.NotFound, outcome.Failure?.Kind);
    }

    // ---- delete ----

    public enum Deleter
    {
        Author,
        OtherParticipant,
        OwningTrainer,
        OtherTrainer,
        Admin,
    }

    [Theory]
    [InlineData(Deleter.Author, true)]
    [InlineData(Deleter.OwningTrainer, true)]
    [InlineData(Deleter.Admin, true)]
    [InlineData(Deleter.OtherParticipant, false)]
    [InlineData(Deleter.OtherTrainer, false)]
    public async Task Delete_IsAllowedToTheAuthorTheOwningTrainerAndAdmins_AndHidesTheComment(Deleter who, bool allowed)
    {
        var caller = who switch
        {
            Deleter.Author => _author,
            Deleter.OtherParticipant => _otherParticipant,
            Deleter.OwningTrainer => _owner,
            Deleter.OtherTrainer => _otherTrainer,
            _ => _admin,
        };

        var failure = await _service.DeleteAsync(_workshop.Id, _comment.Id, caller, None);

        if (allowed)
        {
            Assert.Null(failure);
            _comments.Verify(c => c.HideAsync(_workshop.Id, _comment.Id, caller.Id, Now, It.IsAny<CancellationToken>()), Times.Once);
        }
        else
        {
            Assert.Equal(FailureKind.Forbidden, failure?.Kind);
            VerifyNothingWritten();
        }
    }

    [Fact]
    public async Task Delete_OfAHiddenComment_IsNotFound_EvenForAnAdmin()
    {
        _comments.Setup(c => c.FindAsync(_comment.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_comment with { Hidden = true, HiddenBy = _author.Id, HiddenAt = Now });

        var failure = await _service.DeleteAsync(_workshop.Id, _comment.Id, _admin, None);

        Assert.Equal(FailureKind.NotFound, failure?.Kind);
        VerifyNothingWritten();
    }

    [Fact]
    public async Task Delete_OfAnUnknownComment_IsNotFound()
    {
        var failure = await _service.DeleteAsync(_workshop.Id, Guid.NewGuid(), _admin, None);

        Assert.Equal(FailureKind.NotFound, failure?.Kind);
        VerifyNothingWritten();
    }

    [Fact]
    public async Task Delete_WhenSomeoneElseHidItFirst_IsNotFound()
    {
        _comments.Setup(c => c.HideAsync(_workshop.Id, _comment.Id, It.IsAny<Guid>(), It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var failure = await _service.DeleteAsync(_workshop.Id, _comment.Id, _author, None);

        Assert.Equal(FailureKind.NotFound, failure?.Kind);
    }

    [Fact]
    public async Task Delete_OnAWorkshopTheCallerMayNotSee_IsNotFound()
    {
        var failure = await _service.DeleteAsync(Guid.NewGuid(), _comment.Id, _author, None);

        Assert.Equal(FailureKind.NotFound, failure?.Kind);
        VerifyNothingWritten();
    }

    // ---- helpers ----

    private static UserRecord User(Caller caller, string displayName) =>
        new(caller.Id, $"{caller.Id:N}@example.test", displayName, "hash", caller.Role, false, Now, Now);

    private void VerifyNothingWritten()
    {
        _comments.Verify(c => c.InsertAsync(It.IsAny<Comment>(), It.IsAny<CancellationToken>()), Times.Never);
        _comments.Verify(c => c.EditAsync(It.IsAny<Guid>(), It.IsAny<Guid>(), It.IsAny<Guid>(), It.IsAny<CommentEdit>(), It.IsAny<CancellationToken>()), Times.Never);
        _comments.Verify(c => c.HideAsync(It.IsAny<Guid>(), It.IsAny<Guid>(), It.IsAny<Guid>(), It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private static void AssertInvalid<T>(Outcome<T> outcome, params string[] fields)
    {
        Assert.Equal(FailureKind.Invalid, outcome.Failure?.Kind);
        Assert.Equal(fields.Order(StringComparer.Ordinal), outcome.Failure!.Errors!.Keys.Order(StringComparer.Ordinal));
    }
}
