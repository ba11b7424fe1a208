using SkillHub.Functions.Infrastructure.Json;

namespace SkillHub.Functions.Tests.Infrastructure.Json;

public sealed class TimestampsTests
{
    [Fact]
    public void TryParse_WithZ_GivesThatInstantInUtc()
    {
        Assert.True(Timestamps.TryParse("2026-12-01T09:00:00Z", out var value));

        Assert.Equal(new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc), value);
        Assert.Equal(DateTimeKind.Utc, value.Kind);
    }

    [Fact]
    public void TryParse_WithAPositiveOffset_ConvertsToUtc()
    {
        Assert.True(Timestamps.TryParse("2026-12-01T09:00:00+02:00", out var value));

        Assert.Equal(new DateTime(2026, 12, 1, 7, 0, 0, DateTimeKind.Utc), value);
        Assert.Equal(DateTimeKind.Utc, value.Kind);
    }

    [Fact]
    public void TryParse_WithANegativeOffset_ConvertsToUtc()
    {
        Assert.True(Timestamps.TryParse("2026-12-01T09:00:00-05:30", out var value));

        Assert.Equal(new DateTime(2026, 12, 1, 14, 30, 0, DateTimeKind.Utc), value);
    }

    [Theory]
    [InlineData("2026-12-01T09:00:00")]
    [InlineData("2026-12-01")]
    [InlineData("2026-12-01 09:00:00")]
    public void TryParse_WithoutAnOffset_IsRefused(string text)
    {
        Assert.False(Timestamps.TryParse(text, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("tomorrow at nine")]
    [InlineData("2026-13-01T09:00:00Z")]
    [InlineData("2026-12-01T25:00:00Z")]
    [InlineData("Z")]
    [InlineData(null)]
    public void TryParse_Garbage_IsRefused(string? text)
    {
        Assert.False(Timestamps.TryParse(text, out _));
    }

    [Fact]
    public void Format_WritesUtcWithZ()
    {
        var text = Timestamps.Format(new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc));

        Assert.Equal("2026-12-01T09:00:00Z", text);
    }
}
