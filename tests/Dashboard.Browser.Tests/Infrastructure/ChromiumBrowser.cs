using Microsoft.Playwright;

namespace Dashboard.Browser.Tests.Infrastructure;

/// <summary>
/// Debian's chromium driven by Playwright, headless. Playwright never downloads a browser here: it starts
/// /usr/bin/chromium, and each launch gets a new, empty user-data folder that Playwright creates and deletes.
/// </summary>
public sealed class ChromiumBrowser : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Time a page action or navigation may take before it fails; minutes, for a loaded machine.</summary>
    public static readonly TimeSpan ActionTimeout = TimeSpan.FromMinutes(1);

    // --no-sandbox: chromium's sandbox fails to start as root, which is how CI runs the tests. --disable-gpu:
    // test machines have none. The other flags turn off background requests (component updates, sync) and
    // the first-run pages, which a test of a loopback server has no use for.
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

    private ChromiumBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<ChromiumBrowser> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ExecutablePath}; run 'deploy/dashboard.sh install --with-tests', which installs Debian's chromium package.");
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
            return new ChromiumBrowser(playwright, browser);
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
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
        });
        context.SetDefaultTimeout((float)ActionTimeout.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)ActionTimeout.TotalMilliseconds);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
