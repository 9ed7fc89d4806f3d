using Microsoft.Playwright;

namespace Dashboard.Web.Benchmarks.Infrastructure;

/// <summary>
/// Debian's chromium (/usr/bin/chromium) driven by Playwright, headless, with an empty user-data folder.
/// Playwright downloads no browser here; a missing chromium fails with the command that installs it.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly TimeSpan ActionTimeout = TimeSpan.FromMinutes(1);

    // --no-sandbox: chromium's sandbox fails to start as root. The other flags turn off the GPU and background
    // requests (component updates, sync, first-run pages) that a loopback server has no use for.
    private static readonly string[] Arguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ExecutablePath}; install it with 'deploy/dashboard.sh install --with-tests' (Debian's chromium package).");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Arguments,
                Timeout = (float)ActionTimeout.TotalMilliseconds,
            });
            return new HeadlessChromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Opens a page in a new browser context, which shares no cookies or storage with other pages.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
        });
        context.SetDefaultTimeout((float)ActionTimeout.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)ActionTimeout.TotalMilliseconds);
        return await context.NewPageAsync();
    }

    /// <summary>Waits until a chart on the page has drawn at least one point, which happens once the page's circuit has loaded the run's history.</summary>
    public static Task WaitForChartPointsAsync(IPage page) =>
        page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('.lab-chart')].some(chart => Number(chart.dataset.points ?? '0') > 0)",
            null,
            new PageWaitForFunctionOptions { PollingInterval = 20 });

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
