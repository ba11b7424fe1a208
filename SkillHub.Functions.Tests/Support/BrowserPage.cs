using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace SkillHub.Functions.Tests.Support;

/// <summary>
/// One page of a new headless Chromium (Debian's, through Playwright's bundled driver: no browser is
/// downloaded), on an app over HTTP. It records every request the page makes, every answer that is not
/// a 2xx, every request that failed, every console error and uncaught exception; a request for another
/// origin than the app's is recorded and never sent. <see cref="AssertNothingWrong"/> fails on any of them.
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly string _origin;
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _problems = new();

    private BrowserPage(IPlaywright playwright, IBrowser browser, IPage page, Uri app)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        _origin = app.GetLeftPart(UriPartial.Authority);
    }

    public IPage Page { get; }

    /// <summary>Every URL the page asked for, in order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public static async Task<BrowserPage> OpenAsync(Uri app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var executable = ChromiumFactAttribute.Executable
            ?? throw new InvalidOperationException(ChromiumFactAttribute.SkipReason);
        var playwright = await Playwright.CreateAsync();
        try
        {
            // Playwright adds --headless and, without ChromiumSandbox, --no-sandbox (needed as root), and
            // gives the browser a new empty profile of its own (it refuses --user-data-dir here).
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                ChromiumSandbox = false,
                Args = ["--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            var page = await context.NewPageAsync();
            var opened = new BrowserPage(playwright, browser, page, app);
            await opened.WatchAsync(context);
            return opened;
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Waits, within <paramref name="bound"/>, until the page shows <paramref name="locator"/>; else fails saying what it lacks and what went wrong.</summary>
    public async Task WaitUntilShownAsync(ILocator locator, string what, TimeSpan bound)
    {
        ArgumentNullException.ThrowIfNull(locator);
        try
        {
            await locator.First.WaitForAsync(new() { Timeout = (float)bound.TotalMilliseconds });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The page shows no {what} after {bound.TotalSeconds:0} s.{Environment.NewLine}{Describe(_problems.ToList())}");
        }
    }

    /// <summary>Fails with everything that went wrong on the page, one a line, unless nothing did.</summary>
    public void AssertNothingWrong()
    {
        Assert.NotEmpty(_requests);
        var problems = _problems.ToList();
        Assert.True(problems.Count == 0, Describe(problems));
    }

    private static string Describe(List<string> problems) =>
        problems.Count == 0 ? "Nothing else went wrong." : "The page went wrong:" + Environment.NewLine + string.Join(Environment.NewLine, problems);

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private async Task WatchAsync(IBrowserContext context)
    {
        await context.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            _requests.Enqueue(url);
            if (IsOwn(url))
            {
                await route.ContinueAsync();
            }
            else
            {
                _problems.Enqueue($"a request for another origin: {route.Request.Method} {url}");
                await route.AbortAsync();
            }
        });
        Page.Response += (_, response) =>
        {
            if (!response.Ok)
            {
                _problems.Enqueue($"{response.Request.Method} {response.Url} answered {response.Status}");
            }
        };
        Page.RequestFailed += (_, request) => _problems.Enqueue($"{request.Method} {request.Url} failed: {request.Failure}");
        // Chromium reports a Content-Security-Policy violation as a console error too.
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _problems.Enqueue($"console error: {message.Text}");
            }
        };
        Page.PageError += (_, error) => _problems.Enqueue($"uncaught: {error}");
    }

    private bool IsOwn(string url) =>
        url.StartsWith(_origin + "/", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal);
}
