using Microsoft.Playwright;
using Xunit.Sdk;

namespace Dashboard.Browser.Tests.Infrastructure;

/// <summary>Playwright checks whose failures name the page's URL and show the server's last log lines.</summary>
public static class PageChecks
{
    /// <summary>Runs <paramref name="check"/>; a Playwright failure or timeout becomes a test failure describing <paramref name="expectation"/>.</summary>
    public static async Task ExpectAsync(this DashboardProcess server, IPage page, string expectation, Func<Task> check)
    {
        try
        {
            await check();
        }
        catch (PlaywrightException exception)
        {
            throw new XunitException(
                $"{server.Describe($"{expectation} at {page.Url}")}{Environment.NewLine}Playwright: {exception.Message}",
                exception);
        }
    }

    /// <summary>Saves a full-page screenshot under artifacts/test-screenshots/ and returns its path.</summary>
    public static async Task<string> SaveScreenshotAsync(this IPage page, string fileName)
    {
        Directory.CreateDirectory(RepositoryPaths.ScreenshotDirectory);
        string path = Path.Combine(RepositoryPaths.ScreenshotDirectory, fileName);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
