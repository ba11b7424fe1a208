using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Artefacts.OpenApi;

/// <summary>
/// scripts/lint-openapi.sh, as a developer runs it: Redocly CLI's recommended rules, each warning raised
/// to an error (redocly.yaml), find nothing in openapi.yaml.
/// </summary>
public sealed class OpenApiLintTests
{
    [Fact]
    public async Task TheDocument_PassesRedoclysRecommendedRules_WithNoErrorAndNoWarning()
    {
        var (code, output) = await ScriptProcess.RunAsync("scripts/lint-openapi.sh", []);

        Assert.True(code == 0, output);
        Assert.Contains("Your API description is valid", output, StringComparison.Ordinal);
        // Redocly's own count of warnings (Node.js may print a deprecation warning of its own).
        Assert.DoesNotMatch(@"You have \d+ warnings?", output);
    }

    [Fact]
    public void TheLintConfiguration_ExtendsTheRecommendedRules_WithWarningsAsErrors()
    {
        var configuration = File.ReadAllLines(Path.Combine(Repository.Root, "redocly.yaml"));

        Assert.Contains("  - recommended-strict", configuration);
    }
}
