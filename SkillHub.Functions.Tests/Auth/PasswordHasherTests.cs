using SkillHub.Functions.Auth;

namespace SkillHub.Functions.Tests.Auth;

public sealed class PasswordHasherTests
{
    private const string Password = "correct horse battery staple";

    // One hash serves the tests that only read it: each costs 210,000 iterations.
    private static readonly Lazy<string> StoredHash = new(() => new PasswordHasher().Hash(Password));

    private readonly PasswordHasher _hasher = new();

    [Fact]
    public void Verify_WithThePasswordThatWasHashed_ReturnsTrue()
    {
        Assert.True(_hasher.Verify(Password, StoredHash.Value));
    }

    [Fact]
    public void Verify_WithAnotherPassword_ReturnsFalse()
    {
        Assert.False(_hasher.Verify("correct horse battery stapler", StoredHash.Value));
    }

    [Fact]
    public void Hash_OfOnePasswordTwice_GivesTwoDifferentHashes()
    {
        var second = _hasher.Hash(Password);

        Assert.NotEqual(StoredHash.Value, second);
    }

    [Fact]
    public void Hash_RecordsTheSchemeAnd210000Iterations_WithA16ByteSaltAndA64ByteHash()
    {
        var parts = StoredHash.Value.Split('$');

        Assert.Equal(4, parts.Length);
        Assert.Equal("pbkdf2-sha512", parts[0]);
        Assert.Equal("210000", parts[1]);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(64, Convert.FromBase64String(parts[3]).Length);
    }

    [Fact]
    public void Hash_NeverContainsThePassword()
    {
        Assert.DoesNotContain(Password, StoredHash.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WithNoStoredHash_ReturnsFalse()
    {
        Assert.False(_hasher.Verify(Password, null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("correct horse battery staple")]
    [InlineData("md5$1$abc$def")]
    [InlineData("pbkdf2-sha512$0$AAAA$AAAA")]
    public void Verify_WithAStoredValueThatIsNotAHashOfThisScheme_ReturnsFalse(string stored)
    {
        Assert.False(_hasher.Verify(Password, stored));
    }
}
