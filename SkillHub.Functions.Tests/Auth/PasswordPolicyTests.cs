using SkillHub.Functions.Auth;

namespace SkillHub.Functions.Tests.Auth;

public sealed class PasswordPolicyTests
{
    private const string TooCommon = "This password is too common; choose a longer passphrase of your own.";
    private const string WrongLength = "Between 12 and 128 characters.";

    private readonly PasswordPolicy _policy = new();

    [Fact]
    public void Check_WithAGoodPassphrase_FindsNothingToRefuse()
    {
        var reasons = _policy.Check("correct horse battery staple", "ann@example.test");

        Assert.Empty(reasons);
    }

    [Fact]
    public void Check_WithElevenCharacters_RefusesTheLength()
    {
        var reasons = _policy.Check("kx8-vorp-lu", "ann@example.test");

        Assert.Equal([WrongLength], reasons);
    }

    [Fact]
    public void Check_WithTwelveCharacters_AcceptsTheLength()
    {
        var reasons = _policy.Check("kx8-vorp-lum", "ann@example.test");

        Assert.Empty(reasons);
    }

    [Fact]
    public void Check_With128Characters_AcceptsTheLength()
    {
        var password = string.Concat(Enumerable.Repeat("tram-olive-", 11)) + "kettle!";
        Assert.Equal(PasswordPolicy.MaxLength, password.Length);

        var reasons = _policy.Check(password, "ann@example.test");

        Assert.Empty(reasons);
    }

    [Fact]
    public void Check_With129Characters_RefusesTheLength()
    {
        var password = string.Concat(Enumerable.Repeat("tram-olive-", 11)) + "kettle!!";
        Assert.Equal(PasswordPolicy.MaxLength + 1, password.Length);

        var reasons = _policy.Check(password, "ann@example.test");

        Assert.Equal([WrongLength], reasons);
    }

    [Fact]
    public void Check_WithoutAPassword_SaysItIsRequired()
    {
        var reasons = _policy.Check(null, "ann@example.test");

        Assert.Equal(["This field is required."], reasons);
    }

    [Fact]
    public void CommonPasswordList_IsShippedWithTheApp()
    {
        Assert.True(PasswordPolicy.CommonPasswordCount > 1000, $"Only {PasswordPolicy.CommonPasswordCount} common passwords were loaded.");
    }

    [Theory]
    [InlineData("qwertyuiop123")]
    [InlineData("QWERTYUIOP123")]
    [InlineData("qwertyuiopasdfghjkl")]
    public void Check_WithAPasswordOfTheShippedList_RefusesItAsCommon(string password)
    {
        var reasons = _policy.Check(password, "ann@example.test");

        Assert.Equal([TooCommon], reasons);
    }

    [Theory]
    [InlineData("Password2024!")]
    [InlineData("letmein!!!!!2025")]
    [InlineData("Monkey1234567.")]
    public void Check_WithACommonWordFollowedByDigitsAndSymbols_RefusesItAsCommon(string password)
    {
        var reasons = _policy.Check(password, "ann@example.test");

        Assert.Equal([TooCommon], reasons);
    }

    [Theory]
    [InlineData("zzzzzzzzzzzzzzzz")]
    [InlineData("xyxyxyxyxyxyxyxy")]
    public void Check_WithOneOrTwoCharactersRepeated_RefusesIt(string password)
    {
        var reasons = _policy.Check(password, "ann@example.test");

        Assert.Equal([TooCommon], reasons);
    }

    [Fact]
    public void Check_WhenThePasswordContainsTheEmailAddress_RefusesIt()
    {
        var reasons = _policy.Check("Mine: Ann.Smith@Example.test", "ann.smith@example.test");

        Assert.Equal(["The password must not contain your e-mail address."], reasons);
    }

    [Fact]
    public void Check_WhenThePasswordIsTheEmailLocalPart_RefusesIt()
    {
        var reasons = _policy.Check("Annabelle.Smithers", "annabelle.smithers@example.test");

        Assert.Equal(["The password must not contain your e-mail address."], reasons);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Check_WithABlankEmail_JudgesThePasswordAlone(string email)
    {
        var reasons = _policy.Check("correct horse battery staple", email);

        Assert.Empty(reasons);
    }
}
