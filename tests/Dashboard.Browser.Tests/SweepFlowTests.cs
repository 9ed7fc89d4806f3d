using System.Text.RegularExpressions;
using Dashboard.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Browser.Tests;

/// <summary>
/// A researcher sweeps the seed from the launch form: a two-run grid, the sweep page's progress and results
/// table filling in as both runs complete.
/// </summary>
public sealed partial class SweepFlowTests(RunFlowFixture fixture, ITestOutputHelper output) : IClassFixture<RunFlowFixture>
{
    /// <summary>Both runs one after the other; minutes of margin for a loaded machine.</summary>
    private static readonly TimeSpan SweepTimeout = TimeSpan.FromMinutes(6);

    /// <summary>A small configuration: 1,000 images for one epoch of a narrow model.</summary>
    private static readonly IReadOnlyList<(string Path, string Value)> FormValues =
    [
        ("trainingSubsetSize", "1000"),
        ("epochs", "1"),
        ("batchSize", "64"),
        ("modelWidth", "8"),
    ];

    private DashboardProcess Server => fixture.Server;

    [Fact]
    public async Task SeedSweepFillsResultsTable()
    {
        var page = await fixture.Browser.NewPageAsync();
        await using var context = page.Context;

        await LaunchSweepFromFormAsync(page);

        var rows = page.Locator("#sweep-table tbody tr");
        await Server.ExpectAsync(page, "two rows in the sweep table #sweep-table", () => Expect(rows).ToHaveCountAsync(2));
        for (int i = 0; i < 2; i++)
        {
            var status = rows.Nth(i).Locator(".run-status");
            await Expect(status).ToHaveAttributeAsync("data-status", "Completed", new() { Timeout = (float)SweepTimeout.TotalMilliseconds });
            await Server.ExpectAsync(page, $"row {i} of the sweep table to show its average ASR as a percentage",
                () => Expect(rows.Nth(i).Locator("td[data-column=\"measure:average_asr\"]")).ToHaveTextAsync(new Regex(@"^\s*\d+(\.\d+)?\s?%\s*$")));
        }

        await Server.ExpectAsync(page, "the progress text #progress-text to count 2 completed runs",
            () => Expect(page.Locator("#progress-text")).ToContainTextAsync("2 completed"));
        await Server.ExpectAsync(page, "two lines in the sweep's parallel coordinates",
            () => Expect(page.Locator("#sweep-parallel polyline.pc-line")).ToHaveCountAsync(2));
        output.WriteLine($"Saved a screenshot of the sweep page to {await page.SaveScreenshotAsync("sweep-page.png")}");
    }

    private async Task LaunchSweepFromFormAsync(IPage page)
    {
        await page.GotoInteractiveAsync(new Uri(Server.BaseAddress, "runs/new?preset=quick-check"), Server);
        foreach (var (path, value) in FormValues)
        {
            var input = page.Locator($"[data-path=\"{path}\"] input, input[data-path=\"{path}\"]");
            await Server.ExpectAsync(page, $"one input for the field with data-path '{path}'",
                () => Expect(input).ToHaveCountAsync(1));
            await input.FillAsync(value);
            await input.PressAsync("Tab");
        }

        await page.Locator("#sweep-add-parameter").ClickAsync();
        await page.Locator("[data-sweep-row=\"0\"] .mud-select").First.ClickAsync();
        var seedItem = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "(seed)" });
        await Server.ExpectAsync(page, "the field list of sweep row 0 to offer the seed", () => Expect(seedItem).ToHaveCountAsync(1));
        await seedItem.ClickAsync();

        var values = page.Locator("#sweep-values-0");
        await Server.ExpectAsync(page, "the values input #sweep-values-0 of the seed row", () => Expect(values).ToHaveCountAsync(1));
        await values.FillAsync("1, 2");
        await Server.ExpectAsync(page, "#sweep-run-count to say the sweep creates 2 runs",
            () => Expect(page.Locator("#sweep-run-count")).ToContainTextAsync("creates 2 runs"));

        await page.Locator("#launch-sweep").ClickAsync();
        await Server.ExpectAsync(page, "the browser to land on /groups/{id} after launching the sweep",
            () => page.WaitForURLAsync(GroupPageUrl()));
        output.WriteLine($"Launched a sweep from the form; its page is {page.Url}");
    }

    [GeneratedRegex(@"/groups/(?<id>[a-z0-9]+)$")]
    private static partial Regex GroupPageUrl();
}
