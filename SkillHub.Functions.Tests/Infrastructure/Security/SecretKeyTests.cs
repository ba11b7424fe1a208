using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Moq;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Infrastructure.Security;

/// <summary>A secret key must be base64 of at least 32 random bytes: placeholders and weak keys keep the app from starting.</summary>
public sealed class SecretKeyTests
{
    /// <summary>The value local.settings.example.json shipped with until keys were checked for randomness: 44 bytes long, so it used to be accepted.</summary>
    private const string FormerPlaceholder = "replace-with-at-least-32-random-bytes-base64";

    public static TheoryData<string, string> WeakKeys => new()
    {
        { FormerPlaceholder, "does not look random" },
        { "your-secret-key-goes-here-at-least-32-bytes-long", "does not look random" },
        { Convert.ToBase64String(Encoding.UTF8.GetBytes("correct horse battery staple, twice: correct horse")), "does not look random" },
        { Convert.ToBase64String(new byte[48]), "does not look random" },
        { Convert.ToBase64String(Enumerable.Range(0, 48).Select(i => (byte)(i % 4)).ToArray()), "does not look random" },
        { Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), "does not look random" },
        { Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)), "decodes to 24 bytes" },
        { "not base64 at all, with spaces and a comma", "is not base64" },
    };

    private static IHostEnvironment Production { get; } = Mock.Of<IHostEnvironment>(e => e.EnvironmentName == "Production");

    [Theory]
    [MemberData(nameof(WeakKeys))]
    public void AWeakJwtSigningKey_KeepsTheAppFromStarting_NamingTheSettingWithoutEchoingTheKey(string key, string reason)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection([new("Jwt:SigningKey", key)]).Build();

        var refused = Assert.Throws<InvalidOperationException>(() => JwtOptions.Load(settings, Production));

        Assert.StartsWith("Jwt__SigningKey ", refused.Message, StringComparison.Ordinal);
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 48", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePlaceholderOfTheFormerExampleSettings_KeepsTheStandaloneAppFromStarting()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => SkillHub.Standalone.Hosting.StandaloneHost.Build(
        [
            "--ConnectionStrings:Postgres=Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none",
            "--SkillHub:DocumentStore=memory",
            $"--Jwt:SigningKey={FormerPlaceholder}",
            "--urls=http://127.0.0.1:0",
        ]));

        Assert.Contains("Jwt__SigningKey", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FormerPlaceholder, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(32, false)]
    [InlineData(48, false)]
    [InlineData(64, true)]
    public void ARandomKey_IsAccepted_InStandardOrUrlSafeBase64_AndDecodedToItsBytes(int length, bool urlSafe)
    {
        var bytes = RandomNumberGenerator.GetBytes(length);
        var text = Convert.ToBase64String(bytes);
        if (urlSafe)
        {
            text = text.TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }

        Assert.Equal(bytes, SecretKey.Decode("Backup__SigningKey", text));
    }

    [Fact]
    public void TheKeysTheTestsUse_AreKeysTheAppAccepts() =>
        Assert.Equal(48, SecretKey.Decode("Jwt__SigningKey", AppFixture.SigningKey).Length);

    [Fact]
    public void TheExampleSettings_LeaveTheSigningKeyEmpty_AndSayHowToMakeOne()
    {
        var path = Path.Combine(Repository.Root, "local.settings.example.json");
        var settings = SkillHub.Standalone.Hosting.LocalSettings.Read(path);

        Assert.Equal(string.Empty, settings["Jwt:SigningKey"]);
        Assert.Contains("openssl rand -base64 48", File.ReadAllText(path), StringComparison.Ordinal);
    }
}
