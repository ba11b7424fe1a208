using SkillHub.Standalone.Hosting;

namespace SkillHub.Functions.Tests.Standalone.Hosting;

public sealed class LocalSettingsTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"local.settings.{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Read_AValueWithDoubleUnderscores_BecomesANestedKey()
    {
        File.WriteAllText(_path, """{ "IsEncrypted": false, "Values": { "Jwt__SigningKey": "k", "LoginThrottle__AccountMaxFailures": "7" } }""");

        var settings = LocalSettings.Read(_path);

        Assert.Equal("k", settings["Jwt:SigningKey"]);
        Assert.Equal("7", settings["LoginThrottle:AccountMaxFailures"]);
        Assert.False(settings.ContainsKey("Jwt__SigningKey"));
    }

    [Fact]
    public void Read_AFlatValue_KeepsItsName()
    {
        File.WriteAllText(_path, """{ "Values": { "PurgeSchedule": "0 30 3 * * *" } }""");

        var settings = LocalSettings.Read(_path);

        Assert.Equal("0 30 3 * * *", settings["PurgeSchedule"]);
    }

    [Fact]
    public void Read_ConnectionStrings_BecomeConnectionStringSettings()
    {
        File.WriteAllText(_path, """{ "Values": {}, "ConnectionStrings": { "Postgres": "Host=127.0.0.1;Database=skillhub" } }""");

        var settings = LocalSettings.Read(_path);

        Assert.Equal("Host=127.0.0.1;Database=skillhub", settings["ConnectionStrings:Postgres"]);
    }

    [Fact]
    public void Read_ANonStringValue_KeepsItsJsonText()
    {
        File.WriteAllText(_path, """{ "Values": { "SkillHub__TrustForwardedFor": true } }""");

        var settings = LocalSettings.Read(_path);

        Assert.Equal("true", settings["SkillHub:TrustForwardedFor"]);
    }

    [Fact]
    public void Read_AMissingFile_GivesNoSettings()
    {
        Assert.Empty(LocalSettings.Read(_path));
    }
}
