using SkillHub.Functions.Comments;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Comments;

/// <summary>
/// What every <see cref="ICommentStore"/> guarantees, written once: xunit runs these tests for each
/// concrete class (the in-memory store, and MongoDB when a server is named). Every test makes its own
/// workshop and author, so a store shared by a class's tests is fine.
/// </summary>
public abstract class CommentStoreContract
{
    protected static readonly DateTime T0 = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
    protected static readonly CancellationToken None = CancellationToken.None;

    private readonly Guid _workshopId = Guid.CreateVersion7();
    private readonly Guid _authorId = Guid.CreateVersion7();

    protected abstract ICommentStore Store { get; }

    [StoreFact]
    public async Task Insert_ThenFind_ReturnsTheCommentAsWritten_ToTheMillisecond()
    {
        var written = Comment(T0.AddTicks(7_654), rating: 4, body: "Line one\nLine two <b>not bold</b> \U0001F600");

        await Store.InsertAsync(written, None);

        var found = await Store.FindAsync(written.Id, None);
        Assert.Equal(written with { CreatedAt = T0, UpdatedAt = T0 }, found);
        Assert.Equal(DateTimeKind.Utc, found!.CreatedAt.Kind);
    }

    [StoreFact]
    public async Task Find_OfAnUnknownId_IsNull()
    {
        Assert.Null(await Store.FindAsync(Guid.CreateVersion7(), None));
    }

    [StoreFact]
    public async Task Insert_WithAnIdAlreadyTaken_ThrowsDuplicateDocument_AndKeepsTheFirst()
    {
        var first = Comment(T0, body: "First");
        await Store.InsertAsync(first, None);

        await Assert.ThrowsAsync<DuplicateDocumentException>(() => Store.InsertAsync(first with { Body = "Second" }, None));

        Assert.Equal("First", (await Store.FindAsync(first.Id, None))!.Body);
    }

    [StoreFact]
    public async Task ListVisible_IsNewestFirst_InPagesThatNeitherOverlapNorSkip()
    {
        var comments = Enumerable.Range(0, 5).Select(i => Comment(T0.AddMinutes(i), body: $"Comment {i}")).ToList();
        foreach (var comment in comments.OrderBy(_ => Guid.NewGuid()))
        {
            await Store.InsertAsync(comment, None);
        }

        var pages = new List<Guid>();
        for (var page = 1; page <= 3; page++)
        {
            var (items, total) = await Store.ListVisibleAsync(_workshopId, new PageRequest(page, 2), None);
            Assert.Equal(5, total);
            pages.AddRange(items.Select(c => c.Id));
        }

        Assert.Equal(comments.AsEnumerable().Reverse().Select(c => c.Id), pages);
    }

    [StoreFact]
    public async Task ListVisible_AmongEqualTimes_PutsTheHigherIdFirst_AsMongoDbComparesUuids()
    {
        // Big-endian byte order (RFC 9562, BSON subtype 4), not the little-endian order of Guid.ToByteArray().
        Guid[] highestFirst =
        [
            Guid.Parse("ff000000-0000-7000-8000-000000000000"),
            Guid.Parse("0000ff00-0000-7000-8000-000000000000"),
            Guid.Parse("000000ff-0000-7000-8000-000000000000"),
            Guid.Parse("00000000-ff00-7000-8000-000000000000"),
            Guid.Parse("00000000-0000-7000-8000-0000000000ff"),
        ];
        foreach (var id in highestFirst.Reverse())
        {
            await Store.InsertAsync(Comment(T0) with { Id = id }, None);
        }

        var (items, _) = await Store.ListVisibleAsync(_workshopId, new PageRequest(1, 10), None);

        Assert.Equal(highestFirst, items.Select(c => c.Id));
    }

    [StoreFact]
    public async Task ListVisible_LeavesOutHiddenComments_AndOtherWorkshops_FromItemsAndTotal()
    {
        var shown = Comment(T0, body: "Shown");
        var hidden = Comment(T0.AddMinutes(1), body: "Hidden");
        var elsewhere = Comment(T0.AddMinutes(2), body: "Elsewhere") with { WorkshopId = Guid.CreateVersion7() };
        foreach (var comment in new[] { shown, hidden, elsewhere })
        {
            await Store.InsertAsync(comment, None);
        }

        Assert.True(await Store.HideAsync(_workshopId, hidden.Id, _authorId, T0.AddHours(1), None));

        var (items, total) = await Store.ListVisibleAsync(_workshopId, new PageRequest(1, 20), None);
        Assert.Equal([shown.Id], items.Select(c => c.Id));
        Assert.Equal(1, total);
    }

    [StoreFact]
    public async Task ListVisible_PastTheLastPage_IsEmpty_WithTheTotal()
    {
        await Store.InsertAsync(Comment(T0), None);

        var (items, total) = await Store.ListVisibleAsync(_workshopId, new PageRequest(3, 20), None);

        Assert.Empty(items);
        Assert.Equal(1, total);
    }

    [StoreFact]
    public async Task Edit_OfTheBodyOnly_KeepsTheRating_RenamesTheAuthor_AndReturnsTheChangedComment()
    {
        var original = Comment(T0, rating: 3, body: "Before");
        await Store.InsertAsync(original, None);

        var edited = await Store.EditAsync(_workshopId, original.Id, _authorId, new CommentEdit("After", null, "Ada L.", T0.AddMinutes(5).AddTicks(3)), None);

        var expected = original with { Body = "After", Author = new CommentAuthor(_authorId, "Ada L."), UpdatedAt = T0.AddMinutes(5) };
        Assert.Equal(expected, edited);
        Assert.Equal(expected, await Store.FindAsync(original.Id, None));
    }

    [StoreFact]
    public async Task Edit_OfTheRatingOnly_KeepsTheBody()
    {
        var original = Comment(T0, rating: null, body: "Keep me");
        await Store.InsertAsync(original, None);

        var edited = await Store.EditAsync(_workshopId, original.Id, _authorId, new CommentEdit(null, 5, "Ada", T0.AddMinutes(1)), None);

        Assert.Equal(("Keep me", (int?)5), (edited!.Body, edited.Rating));
    }

    [StoreFact]
    public async Task Edit_ByAnotherUser_InAnotherWorkshop_OrOfAHiddenComment_MatchesNothing_AndChangesNothing()
    {
        var shown = Comment(T0, body: "Shown");
        var hidden = Comment(T0, body: "Hidden");
        await Store.InsertAsync(shown, None);
        await Store.InsertAsync(hidden, None);
        await Store.HideAsync(_workshopId, hidden.Id, _authorId, T0.AddMinutes(1), None);
        var hiddenBefore = await Store.FindAsync(hidden.Id, None);
        var edit = new CommentEdit("Changed", 1, "Mallory", T0.AddHours(1));

        Assert.Null(await Store.EditAsync(_workshopId, shown.Id, Guid.CreateVersion7(), edit, None));
        Assert.Null(await Store.EditAsync(Guid.CreateVersion7(), shown.Id, _authorId, edit, None));
        Assert.Null(await Store.EditAsync(_workshopId, hidden.Id, _authorId, edit, None));
        Assert.Null(await Store.EditAsync(_workshopId, Guid.CreateVersion7(), _authorId, edit, None));

        Assert.Equal(shown, await Store.FindAsync(shown.Id, None));
        Assert.Equal(hiddenBefore, await Store.FindAsync(hidden.Id, None));
    }

    [StoreFact]
    public async Task Hide_KeepsTheCommentWithWhoHidItAndWhen_AndASecondHideMatchesNothing()
    {
        var comment = Comment(T0, rating: 2, body: "Kept for the audit trail");
        await Store.InsertAsync(comment, None);
        var moderator = Guid.CreateVersion7();

        Assert.True(await Store.HideAsync(_workshopId, comment.Id, moderator, T0.AddHours(2).AddTicks(42), None));
        Assert.False(await Store.HideAsync(_workshopId, comment.Id, moderator, T0.AddHours(3), None));

        Assert.Equal(
            comment with { Hidden = true, HiddenBy = moderator, HiddenAt = T0.AddHours(2) },
            await Store.FindAsync(comment.Id, None));
    }

    [StoreFact]
    public async Task Hide_NamingAnotherWorkshop_MatchesNothing()
    {
        var comment = Comment(T0);
        await Store.InsertAsync(comment, None);

        Assert.False(await Store.HideAsync(Guid.CreateVersion7(), comment.Id, _authorId, T0.AddHours(1), None));

        Assert.False((await Store.FindAsync(comment.Id, None))!.Hidden);
    }

    [StoreFact]
    public async Task ConcurrentHides_OfOneComment_SucceedExactlyOnce()
    {
        var comment = Comment(T0);
        await Store.InsertAsync(comment, None);
        var moderators = Enumerable.Range(0, 16).Select(_ => Guid.CreateVersion7()).ToList();

        var results = await Task.WhenAll(moderators.Select(m => Task.Run(() => Store.HideAsync(_workshopId, comment.Id, m, T0.AddHours(1), None))));

        Assert.Single(results, hidden => hidden);
        var stored = await Store.FindAsync(comment.Id, None);
        Assert.Equal(moderators[Array.IndexOf(results, true)], stored!.HiddenBy);
    }

    [StoreFact]
    public async Task ConcurrentEdits_AreEachAtomic_TheDocumentEndsAsOneOfThemWhole()
    {
        var comment = Comment(T0, rating: 1, body: "Start");
        await Store.InsertAsync(comment, None);
        var edits = Enumerable.Range(1, 16).Select(i => new CommentEdit($"Edit {i}", 1 + (i % 5), $"Name {i}", T0.AddSeconds(i))).ToList();

        var results = await Task.WhenAll(edits.Select(e => Task.Run(() => Store.EditAsync(_workshopId, comment.Id, _authorId, e, None))));

        Assert.All(results, Assert.NotNull);
        var stored = (await Store.FindAsync(comment.Id, None))!;
        var winner = Assert.Single(edits, e => e.Body == stored.Body);
        Assert.Equal((winner.Rating, winner.AuthorDisplayName, winner.UpdatedAt), (stored.Rating, stored.Author.DisplayName, stored.UpdatedAt));
    }

    [StoreFact]
    public async Task ListByAuthor_HoldsTheirCommentsInEveryWorkshop_HiddenOnesToo_NewestFirst_UpToTheLimit_WithTheTotal()
    {
        var oldest = Comment(T0, body: "Oldest");
        var hidden = Comment(T0.AddMinutes(1), body: "Hidden");
        var elsewhere = Comment(T0.AddMinutes(2), body: "Elsewhere") with { WorkshopId = Guid.CreateVersion7() };
        var someoneElses = Comment(T0.AddMinutes(3)) with { Author = new CommentAuthor(Guid.CreateVersion7(), "Grace") };
        foreach (var comment in new[] { oldest, hidden, elsewhere, someoneElses })
        {
            await Store.InsertAsync(comment, None);
        }

        await Store.HideAsync(_workshopId, hidden.Id, Guid.CreateVersion7(), T0.AddHours(1), None);

        var (items, total) = await Store.ListByAuthorAsync(_authorId, 2, None);

        Assert.Equal(3, total);
        Assert.Equal([elsewhere.Id, hidden.Id], items.Select(c => c.Id));
        Assert.True(items[1].Hidden);
    }

    [StoreFact]
    public async Task RenameAuthor_RenamesEveryCommentOfTheAuthor_HiddenOnesToo_AndNoOtherAuthors()
    {
        var shown = Comment(T0, rating: 4, body: "Shown");
        var hidden = Comment(T0.AddMinutes(1), body: "Hidden");
        var someoneElses = Comment(T0.AddMinutes(2)) with { Author = new CommentAuthor(Guid.CreateVersion7(), "Grace") };
        foreach (var comment in new[] { shown, hidden, someoneElses })
        {
            await Store.InsertAsync(comment, None);
        }

        await Store.HideAsync(_workshopId, hidden.Id, Guid.CreateVersion7(), T0.AddHours(1), None);

        Assert.Equal(2, await Store.RenameAuthorAsync(_authorId, "Compte supprimé", None));

        Assert.Equal(shown with { Author = new CommentAuthor(_authorId, "Compte supprimé") }, await Store.FindAsync(shown.Id, None));
        Assert.Equal("Compte supprimé", (await Store.FindAsync(hidden.Id, None))!.Author.DisplayName);
        Assert.Equal(someoneElses, await Store.FindAsync(someoneElses.Id, None));
    }

    [StoreFact]
    public async Task Ratings_SumAndCountTheRatingsOfShownComments_PerWorkshopAsked_LeavingOutTheUnrated()
    {
        var other = Guid.CreateVersion7();
        var unrated = Guid.CreateVersion7();
        var hidden = Comment(T0.AddMinutes(3), rating: 1);
        foreach (var comment in new[]
        {
            Comment(T0, rating: 5), Comment(T0.AddMinutes(1), rating: 4), Comment(T0.AddMinutes(2)), hidden,
            Comment(T0, rating: 2) with { Id = Guid.CreateVersion7(), WorkshopId = other },
            Comment(T0) with { Id = Guid.CreateVersion7(), WorkshopId = unrated },
            Comment(T0, rating: 3) with { Id = Guid.CreateVersion7(), WorkshopId = Guid.CreateVersion7() },
        })
        {
            await Store.InsertAsync(comment, None);
        }

        await Store.HideAsync(_workshopId, hidden.Id, _authorId, T0.AddHours(1), None);

        var tallies = await Store.RatingsAsync([_workshopId, other, unrated, Guid.CreateVersion7()], None);

        Assert.Equal(2, tallies.Count);
        Assert.Equal(new RatingTally(9, 2), tallies[_workshopId]);
        Assert.Equal(4.5, tallies[_workshopId].Average);
        Assert.Equal(new RatingTally(2, 1), tallies[other]);
        Assert.Empty(await Store.RatingsAsync([], None));
    }

    protected Comment Comment(DateTime at, int? rating = null, string body = "A comment") =>
        new(Guid.CreateVersion7(new DateTimeOffset(at)), _workshopId, new CommentAuthor(_authorId, "Ada"), body, rating, at, at);
}
