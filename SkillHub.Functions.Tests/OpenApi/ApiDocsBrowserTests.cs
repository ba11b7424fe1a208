using System.Text.Json;
using Microsoft.Playwright;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Artefacts.OpenApi;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.OpenApi;

/// <summary>
/// /api/docs in a real headless Chromium, against the app over HTTP: the page shows every operation of
/// the served document, logs in and calls an authenticated route from its own « Try it out », and loads
/// nothing from another origin, with no failed answer, console error or CSP violation on the way.
/// </summary>
public sealed class ApiDocsBrowserTests(AppFixture app) : IClassFixture<AppFixture>
{
    /// <summary>Set to 1 to copy this run's screenshot over the committed docs/api-docs.png (the README shows it).</summary>
    public const string UpdateScreenshotVariable = "SKILLHUB_UPDATE_DOCS_SCREENSHOT";

    private static readonly float Bound = (float)TimeSpan.FromSeconds(30).TotalMilliseconds;

    [ChromiumFact]
    public async Task ThePage_ShowsEveryOperationOfTheServedDocument_WithEverythingFromTheAppItself()
    {
        await using var browser = await BrowserPage.OpenAsync(app.BaseAddress);
        var page = browser.Page;

        await page.GotoAsync(new Uri(app.BaseAddress, "/api/docs").ToString());
        await browser.WaitUntilShownAsync(page.Locator(".opblock"), "operation", TimeSpan.FromMilliseconds(Bound));
        var shown = await page.Locator(".opblock").EvaluateAllAsync<string[]>(
            """
            blocks => blocks.map(block => [
              block.querySelector('.opblock-summary-method')?.textContent.trim(),
              block.querySelector('.opblock-summary-path')?.getAttribute('data-path'),
              block.querySelector('.opblock-summary-operation-id')?.textContent.trim(),
            ].join(' '))
            """);

        var documented = OpenApiSpec.Operations().Select(o => $"{o.Method} {o.Path} {o.OperationId}").ToList();
        Assert.NotEmpty(documented);
        var missing = documented.Except(shown, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Operations of openapi.yaml the page does not show: " + OpenApiSpec.Describe(missing));
        await SaveScreenshotAsync(page);
        browser.AssertNothingWrong();
        Assert.Contains(browser.Requests, url => url.EndsWith("/api/openapi.yaml", StringComparison.Ordinal));
    }

    [ChromiumFact]
    public async Task TryItOut_LogsInThroughThePage_AndWithTheTokenInAuthorize_GetMeShowsTheCallersEmail()
    {
        var user = await app.CreateUserAsync(Roles.Participant);
        await using var browser = await BrowserPage.OpenAsync(app.BaseAddress);
        var page = browser.Page;
        await page.GotoAsync(new Uri(app.BaseAddress, "/api/docs").ToString());

        var login = await TryItOutAsync(page, "Auth", "Login");
        await login.Locator("textarea.body-param__text").FillAsync(JsonSerializer.Serialize(new { email = user.Email, password = user.Password }));
        var answer = await page.RunAndWaitForResponseAsync(
            () => login.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync(),
            response => response.Url.EndsWith("/api/auth/login", StringComparison.Ordinal),
            new() { Timeout = Bound });
        Assert.Equal(200, answer.Status);
        using var tokens = JsonDocument.Parse(await answer.TextAsync());
        var accessToken = tokens.RootElement.GetProperty("accessToken").GetString()!;
        await Assertions.Expect(login.Locator(".live-responses-table tbody .response-col_status")).ToHaveTextAsync("200", new() { Timeout = Bound });

        await page.Locator(".scheme-container button.authorize").ClickAsync();
        var dialog = page.Locator(".modal-ux");
        await dialog.Locator("input").FillAsync(accessToken);
        await dialog.Locator("button.authorize").ClickAsync();
        await dialog.Locator("button.btn-done").ClickAsync();

        var me = await TryItOutAsync(page, "Users", "GetMe");
        await me.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync();
        await Assertions.Expect(me.Locator(".live-responses-table tbody .response-col_status")).ToHaveTextAsync("200", new() { Timeout = Bound });
        await Assertions.Expect(me.Locator(".live-responses-table tbody .response-col_description")).ToContainTextAsync(user.Email, new() { Timeout = Bound });
        browser.AssertNothingWrong();
    }

    /// <summary>Opens an operation of the page and presses « Try it out »; returns its block.</summary>
    private static async Task<ILocator> TryItOutAsync(IPage page, string tag, string operationId)
    {
        var operation = page.Locator($"#operations-{tag}-{operationId}");
        await operation.Locator(".opblock-summary-control").ClickAsync(new() { Timeout = Bound });
        await operation.GetByRole(AriaRole.Button, new() { Name = "Try it out" }).ClickAsync(new() { Timeout = Bound });
        return operation;
    }

    /// <summary>The page as it first shows, in the test output; over docs/api-docs.png too when asked.</summary>
    private static async Task SaveScreenshotAsync(IPage page)
    {
        var shot = Path.Combine(AppContext.BaseDirectory, "api-docs.png");
        await page.ScreenshotAsync(new() { Path = shot });
        if (Environment.GetEnvironmentVariable(UpdateScreenshotVariable) == "1")
        {
            File.Copy(shot, Path.Combine(Repository.Root, "docs", "api-docs.png"), overwrite: true);
        }
    }
}
