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
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly Mock<ICommentStore> _comments = new();
    private readonly Mock<IWorkshopStore> _workshops = new();
    private readonly Mock<IUserStore> _users = new();
    private readonly Mock<IParticipationCheck> _participation = new();
    private readonly CommentService _service;

    private readonly Caller _author = new(Guid.NewGuid(), Roles.Participant);
    private readonly Caller _otherParticipant = new(Guid.NewGuid(), Roles.Participant);
    private readonly Caller _admin = new(Guid.NewGuid(), Roles.Admin);
    private readonly WorkshopRecord _workshop;
    private readonly Comment _comment;

    public CommentServiceTests()
    {
        _service = new CommentService(_comments.Object, _workshops.Object, _users.Object, _participation.Object,
            new FixedClock(new DateTimeOffset(Now.AddTicks(5_555))), NullLogger<CommentService>.Instance);
        _workshop = new WorkshopRecord(Guid.NewGuid(), "Intro to SQL", "", Guid.NewGuid(), "Owner", Now.AddDays(10), Now.AddDays(10).AddHours(3),
            "Room 1", 10, 0, WorkshopStatus.Published, Now, Now, 1);
        _comment = new Comment(Guid.NewGuid(), _workshop.Id, new CommentAuthor(_author.Id, "Old name"), "Nice", null, Now.AddDays(-1), Now.AddDays(-1));
        _workshops.Setup(w => w.FindVisibleAsync(_workshop.Id, It.IsAny<Caller?>(), It.IsAny<CancellationToken>())).ReturnsAsync(_workshop);
        _comments.Setup(c => c.FindAsync(_comment.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_comment);
        foreach (var caller in new[] { _author, _otherParticipant, _admin })
        {
            _users.Setup(u => u.FindAsync(caller.Id, It.IsAny<CancellationToken>())).ReturnsAsync(User(caller, $"Name of {caller.Role}"));
        }
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
        _participation.Verify(p => p.RatingRefusalAsync(It.IsAny<WorkshopRecord>(), It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Never);
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

        Assert.Equal(FailureKind.Invalid, outcome.Failure?.Kind);
        Assert.Equal(fields.Order(StringComparer.Ordinal), outcome.Failure!.Errors!.Keys.Order(StringComparer.Ordinal));
        VerifyNothingWritten();
        _workshops.VerifyNoOtherCalls();
        _participation.VerifyNoOtherCalls();
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
    public async Task Update_OfACommentHiddenBetweenTheReadAndTheWrite_IsNotFound()
    {
        _comments.Setup(c => c.EditAsync(_workshop.Id, _comment.Id, _author.Id, It.IsAny<CommentEdit>(), It.IsAny<CancellationToken>())).ReturnsAsync((Comment?)null);

        var outcome = await _service.UpdateAsync(_workshop.Id, _comment.Id, _author, new UpdateCommentRequest("Too late", null), None);

        Assert.Equal(FailureKind.NotFound, outcome.Failure?.Kind);
    }

    // ---- delete ----

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

    // ---- helpers ----

    private static UserRecord User(Caller caller, string displayName) =>
        new(caller.Id, $"{caller.Id:N}@example.test", displayName, "hash", caller.Role, false, Now, Now);

    private void VerifyNothingWritten()
    {
        _comments.Verify(c => c.InsertAsync(It.IsAny<Comment>(), It.IsAny<CancellationToken>()), Times.Never);
        _comments.Verify(c => c.EditAsync(It.IsAny<Guid>(), It.IsAny<Guid>(), It.IsAny<Guid>(), It.IsAny<CommentEdit>(), It.IsAny<CancellationToken>()), Times.Never);
        _comments.Verify(c => c.HideAsync(It.IsAny<Guid>(), It.IsAny<Guid>(), It.IsAny<Guid>(), It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
