using SkillHub.Functions.Workshops;

namespace SkillHub.Functions.Tests.Workshops;

public sealed class WorkshopRulesTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("\"7\"")]
    [InlineData("  \"7\"  ")]
    [InlineData("*")]
    [InlineData(" * ")]
    [InlineData("\"6\", \"7\"")]
    [InlineData("\"7\",\"8\"")]
    public void IfMatch_NamingTheCurrentVersionOrAnyVersion_Admits(string header)
    {
        Assert.True(WorkshopRules.IfMatchAdmits(header, "\"7\""));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("7")]
    [InlineData("\"\"")]
    [InlineData("\"")]
    [InlineData("\"7")]
    [InlineData("W/\"7\"")]
    [InlineData("\"6\"")]
    [InlineData("\"007\"")]
    [InlineData("\" 7\"")]
    [InlineData("\"7.0\"")]
    [InlineData("\"abc\"")]
    [InlineData("\"6\", \"8\"")]
    [InlineData("**")]
    public void IfMatch_NamingAnotherVersionOrMalformed_DoesNotAdmit(string header)
    {
        Assert.False(WorkshopRules.IfMatchAdmits(header, "\"7\""));
    }

    [Theory]
    [InlineData(3, 0, 1, 1)]
    [InlineData(120, 5000, 200, 10_000)]
    public void Check_AtTheInclusiveBounds_IsValid(int titleLength, int descriptionLength, int locationLength, int capacity)
    {
        var details = Details() with
        {
            Title = new string('t', titleLength),
            Description = new string('d', descriptionLength),
            Location = new string('l', locationLength),
            Capacity = capacity,
        };

        var errors = WorkshopRules.Check(details, Now, startsAtMustBeFuture: true);

        Assert.True(errors.IsEmpty);
    }

    [Fact]
    public void Check_JustOutsideEveryBound_NamesEveryField()
    {
        var details = Details() with
        {
            Title = new string('t', 121),
            Description = new string('d', 5001),
            Location = new string('l', 201),
            Capacity = 10_001,
            StartsAt = Now,
            EndsAt = Now,
        };

        var errors = WorkshopRules.Check(details, Now, startsAtMustBeFuture: true).ToDictionary();

        Assert.Equal(["capacity", "description", "endsAt", "location", "startsAt", "title"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("\U0001F600\U0001F600", false)]
    [InlineData("\U0001F600\U0001F600\U0001F600", true)]
    [InlineData("a\U0001F600", false)]
    public void Check_CountsTitleCharactersAsPostgreSqlDoes_NotUtf16Units(string title, bool valid)
    {
        var errors = WorkshopRules.Check(Details() with { Title = title }, Now, startsAtMustBeFuture: true).ToDictionary();

        Assert.Equal(valid, !errors.ContainsKey("title"));
    }

    [Fact]
    public void Check_AcceptsATitleOf120AstralCharacters()
    {
        var title = string.Concat(Enumerable.Repeat("\U0001F600", 120));

        var errors = WorkshopRules.Check(Details() with { Title = title }, Now, startsAtMustBeFuture: true);

        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("description")]
    [InlineData("location")]
    public void Check_RefusesTheNulCharacter_WhichPostgreSqlTextCannotHold(string field)
    {
        var details = field switch
        {
            "title" => Details() with { Title = "Intro\0duction" },
            "description" => Details() with { Description = "A\0B" },
            _ => Details() with { Location = "Room\0" },
        };

        var errors = WorkshopRules.Check(details, Now, startsAtMustBeFuture: true).ToDictionary();

        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void Check_WhenStartsAtNeedNotBeFuture_AcceptsAPastStart()
    {
        var details = Details() with { StartsAt = Now.AddDays(-2), EndsAt = Now.AddDays(-2).AddHours(1) };

        var errors = WorkshopRules.Check(details, Now, startsAtMustBeFuture: false);

        Assert.True(errors.IsEmpty);
    }

    [Fact]
    public void Apply_KeepsWhatTheChangeDoesNotName_AndTrimsWhatItDoes()
    {
        var current = new WorkshopRecord(Guid.NewGuid(), "Old title", "Old description", Guid.NewGuid(), "Trainer", Now.AddDays(3),
            Now.AddDays(3).AddHours(2), "Room 1", 10, 2, WorkshopStatus.Published, Now, Now, 4);

        var merged = WorkshopRules.Apply(current, new UpdateWorkshopRequest("  New title  ", null, null, null, " Room 2 ", 30));

        Assert.Equal(new WorkshopDetails("New title", "Old description", current.StartsAt, current.EndsAt, "Room 2", 30), merged);
    }

    private static WorkshopDetails Details() =>
        new("Valid title", "Some text", Now.AddDays(1), Now.AddDays(1).AddHours(2), "Room", 10);
}
