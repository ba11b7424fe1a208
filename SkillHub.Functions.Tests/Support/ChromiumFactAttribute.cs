namespace SkillHub.Functions.Tests.Support;

/// <summary>
/// A test that drives Debian's headless Chromium. scripts/test.sh installs it when missing and names it
/// in SKILLHUB_TEST_CHROMIUM; a bare <c>dotnet test</c> finds it where Debian puts it. Without it the test
/// is reported as skipped, with the reason, never passed; under CI (CI set) it runs and fails instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Variable = "SKILLHUB_TEST_CHROMIUM";

    public const string SkipReason =
        $"No Chromium: install Debian's chromium package (apt-get install chromium), or set {Variable} to its binary; scripts/test.sh installs it.";

    /// <summary>Where the chromium package puts the browser itself (/usr/bin/chromium is a shell wrapper around it).</summary>
    private static readonly string[] DebianPaths = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"];

    public ChromiumFactAttribute()
    {
        if (Executable is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = SkipReason;
        }
    }

    /// <summary>The browser to launch, or null when there is none here.</summary>
    public static string? Executable =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } named
            ? named
            : DebianPaths.FirstOrDefault(File.Exists);
}
