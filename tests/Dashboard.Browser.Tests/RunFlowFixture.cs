using Dashboard.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Dashboard.Browser.Tests;

/// <summary>
/// The dashboard built with this test project (its apphost in the test's bin/, content from the repository)
/// and a headless chromium, shared by the tests of one class.
/// </summary>
public sealed class RunFlowFixture : IAsyncLifetime
{
    private DashboardProcess? _server;
    private ChromiumBrowser? _browser;

    public DashboardProcess Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    public ChromiumBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        // Playwright's expectations wait 5 s by default; page updates on a loaded machine can take longer.
        Assertions.SetDefaultExpectTimeout((float)ChromiumBrowser.ActionTimeout.TotalMilliseconds);

        _server = await DashboardProcess.StartAsync(Path.Combine(AppContext.BaseDirectory, "Dashboard.Web"));
        _browser = await ChromiumBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _server?.Dispose();
    }
}
