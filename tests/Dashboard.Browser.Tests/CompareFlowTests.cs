using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dashboard.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Browser.Tests;

/// <summary>
/// A researcher compares two finished runs that differ only in learning rate: ticks both in the runs table,
/// opens Compare, and reads the overlaid curves, the configuration difference and the parallel coordinates.
/// Then a collaborator opens the shared comparison in a fresh browser.
/// </summary>
public sealed partial class CompareFlowTests(RunFlowFixture fixture, ITestOutputHelper output) : IClassFixture<RunFlowFixture>
{
    /// <summary>Both quick runs one after the other; minutes of margin for a loaded machine.</summary>
    private static readonly TimeSpan RunsTimeout = TimeSpan.FromMinutes(10);

    private static readonly double[] LearningRates = [0.001, 0.003];

    private DashboardProcess Server => fixture.Server;

    [Fact]
    public async Task ComparesTwoRunsFromTable()
    {
        var runIds = await LaunchAndFinishRunsAsync();
        var page = await fixture.Browser.NewPageAsync();
        await using var context = page.Context;

        await OpenComparisonFromTableAsync(page, runIds);

        var lossChart = page.Locator(".compare-chart[data-metric=\"train/loss\"]");
        await Server.ExpectAsync(page, "the train/loss comparison chart to draw one series per run",
            () => Expect(lossChart).ToHaveAttributeAsync("data-runs", "2"));

        var differingRows = page.Locator("#compare-configuration tbody tr[data-path]");
        await Server.ExpectAsync(page, "the configuration table to show one differing field",
            () => Expect(differingRows).ToHaveCountAsync(1));
        await Server.ExpectAsync(page, "the differing field to be learningRate",
            () => Expect(differingRows).ToHaveAttributeAsync("data-path", "learningRate"));

        await Server.ExpectAsync(page, "the parallel-coordinates chart to draw one polyline per run",
            () => Expect(page.Locator("#compare-parallel svg polyline.pc-line")).ToHaveCountAsync(2));
        output.WriteLine($"Saved a screenshot of the comparison page to {await page.SaveScreenshotAsync("compare-page.png")}");

        await RedrawWithWallTimeAndLogScaleAsync(page);

        string link = await ShareComparisonAsync(page);
        await CheckSharedComparisonAsync(link, runIds);
    }

    /// <summary>Clicks Share and Create link on the comparison page and returns the link shown once.</summary>
    private async Task<string> ShareComparisonAsync(IPage page)
    {
        await page.Locator("#share-comparison").ClickAsync();
        await page.Locator("#create-share-link").ClickAsync();
        var linkElement = page.Locator("#share-link");
        await Server.ExpectAsync(page, "the share link #share-link after clicking #create-share-link on the comparison page",
            () => Expect(linkElement).ToBeVisibleAsync());
        string link = (await linkElement.InnerTextAsync()).Trim();
        output.WriteLine($"Comparison share link: {link}");
        return link;
    }

    /// <summary>Opens the comparison link in a fresh context and checks its charts, tables and read-only run links.</summary>
    private async Task CheckSharedComparisonAsync(string link, IReadOnlyList<string> runIds)
    {
        var page = await fixture.Browser.NewPageAsync();
        await using var context = page.Context;

        var response = await page.GotoInteractiveAsync(new Uri(link), Server);
        Assert.True(response.Status == 200, Server.Describe($"GET {link} to return 200; it returned {response.Status}"));

        await Server.ExpectAsync(page, "the shared train/loss comparison chart to draw one series per run",
            () => Expect(page.Locator(".compare-chart[data-metric=\"train/loss\"]")).ToHaveAttributeAsync("data-runs", "2"));
        await Server.ExpectAsync(page, "the shared configuration table to show learningRate as the differing field",
            () => Expect(page.Locator("#compare-configuration tbody tr[data-path]")).ToHaveAttributeAsync("data-path", "learningRate"));

        string prefix = new Uri(link).AbsolutePath;
        foreach (string runId in runIds)
        {
            var runLinks = page.Locator($"#compare-summary a[href$=\"/runs/{runId}\"]");
            await Server.ExpectAsync(page, $"a link to run {runId} in the shared summary table",
                () => Expect(runLinks).ToHaveCountAsync(1));
            string href = await runLinks.GetAttributeAsync("href") ?? "";
            Assert.True(href.StartsWith(prefix + "/runs/", StringComparison.Ordinal),
                Server.Describe($"the shared comparison to link run {runId} under {prefix}/runs/; it links '{href}'"));
        }

        int shareControls = await page.Locator("#share-comparison").CountAsync();
        Assert.True(shareControls == 0, Server.Describe($"no Share button on the shared comparison {link}; found {shareControls}"));
        output.WriteLine($"Saved a screenshot of the shared comparison to {await page.SaveScreenshotAsync("shared-comparison.png")}");
    }

    /// <summary>
    /// Switches the x axis to wall time and the y axis to log scale. Each switch replaces the chart element,
    /// so the locators name the new element's data-axis and data-log to avoid reading the old one.
    /// </summary>
    private async Task RedrawWithWallTimeAndLogScaleAsync(IPage page)
    {
        await page.Locator("#x-axis input[type=radio]").Nth(2).CheckAsync();
        var lossChart = page.Locator(".compare-chart[data-metric=\"train/loss\"][data-axis=\"wallTime\"][data-log=\"false\"]");
        await Server.ExpectAsync(page, "the note that explains the wall-time axis",
            () => Expect(page.Locator("#wall-time-note")).ToBeVisibleAsync());
        await Server.ExpectAsync(page, "the train/loss chart to draw both runs against wall time",
            () => Expect(lossChart).ToHaveAttributeAsync("data-runs", "2"));
        await Server.ExpectAsync(page, "the train/loss chart's x axis to be titled for wall time",
            () => Expect(lossChart).ToContainTextAsync("seconds since run start"));

        await page.Locator("#log-scale input[type=checkbox], input[type=checkbox]#log-scale").CheckAsync();
        lossChart = page.Locator(".compare-chart[data-metric=\"train/loss\"][data-axis=\"wallTime\"][data-log=\"true\"]");
        await Server.ExpectAsync(page, "the train/loss chart to draw both runs on a log scale",
            () => Expect(lossChart).ToHaveAttributeAsync("data-runs", "2"));

        // A loss within one decade is where apexcharts' own logarithmic axis put every line far outside the
        // plot, so the lines must cross the plot area, not merely exist.
        int inPlot = await CountLinesInPlotAsync(lossChart, expected: 2);
        Assert.True(inPlot >= 2, Server.Describe($"at least 2 lines inside the plot of the log-scale train/loss chart; found {inPlot}"));
        output.WriteLine($"Saved a screenshot with wall time and log scale to {await page.SaveScreenshotAsync("compare-page-wall-time-log.png")}");
    }

    /// <summary>
    /// Polls until at least <paramref name="expected"/> line paths of the chart overlap its grid vertically, or
    /// the action timeout passes, and returns the last count.
    /// </summary>
    private static async Task<int> CountLinesInPlotAsync(ILocator chart, int expected)
    {
        const string script = """
            chart => {
              const grid = chart.querySelector('.apexcharts-grid');
              if (!grid) {
                return 0;
              }
              const plot = grid.getBoundingClientRect();
              return [...chart.querySelectorAll('.apexcharts-series path.apexcharts-line')]
                .map(path => path.getBoundingClientRect())
                .filter(line => line.height + line.width > 0 && line.bottom > plot.top && line.top < plot.bottom)
                .length;
            }
            """;
        var deadline = DateTime.UtcNow + ChromiumBrowser.ActionTimeout;
        int count = await chart.EvaluateAsync<int>(script);
        while (count < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            count = await chart.EvaluateAsync<int>(script);
        }

        return count;
    }

    /// <summary>Launches one quick run per learning rate through the API and waits until both have completed.</summary>
    private async Task<List<string>> LaunchAndFinishRunsAsync()
    {
        using var api = new DashboardApi(Server);
        var runIds = new List<string>();
        foreach (double learningRate in LearningRates)
        {
            var configuration = JsonNode.Parse(TestConfigurations.Quick)!.AsObject();
            configuration["learningRate"] = learningRate;
            var body = new JsonObject
            {
                ["kind"] = "backdoor",
                ["name"] = $"compare lr {learningRate}",
                ["configuration"] = configuration,
            };
            runIds.Add(await api.LaunchAsync(body.ToJsonString()));
        }

        foreach (string runId in runIds)
        {
            var run = await api.WaitUntilFinalAsync(runId, RunsTimeout);
            Assert.True(run.GetProperty("status").GetString() == "Completed",
                Server.Describe($"run {runId} to complete; it ended {run.GetProperty("status")} with error '{run.GetProperty("error")}'"));
        }

        output.WriteLine($"Runs {string.Join(", ", runIds)} completed");
        return runIds;
    }

    /// <summary>Ticks each run's check box in the runs table, clicks Compare and waits for the comparison page.</summary>
    private async Task OpenComparisonFromTableAsync(IPage page, IReadOnlyList<string> runIds)
    {
        await page.GotoInteractiveAsync(new Uri(Server.BaseAddress, "runs"), Server);
        foreach (string runId in runIds)
        {
            var checkbox = page.Locator($"td[data-compare=\"{runId}\"] input[type=checkbox]");
            await Server.ExpectAsync(page, $"one comparison check box for run {runId} in the runs table",
                () => Expect(checkbox).ToHaveCountAsync(1));
            await checkbox.CheckAsync();
        }

        output.WriteLine($"Saved a screenshot of the runs table with both runs ticked to {await page.SaveScreenshotAsync("runs-table-compare.png")}");

        var compare = page.Locator("#compare-runs");
        await Server.ExpectAsync(page, "#compare-runs to say it compares 2 runs",
            () => Expect(compare).ToContainTextAsync("Compare (2)"));
        await compare.ClickAsync();

        // Compare navigates inside the Blazor app (history.pushState); polling the address avoids missing
        // that navigation event when it arrives before a navigation waiter would be registered.
        await Server.ExpectAsync(page, "the browser to land on /compare?runs=... after Compare",
            () => Expect(page).ToHaveURLAsync(ComparePageUrl()));
        output.WriteLine($"Opened {page.Url}");
    }

    [GeneratedRegex(@"/compare\?runs=[a-z0-9]+,[a-z0-9]+$")]
    private static partial Regex ComparePageUrl();
}
