using System.Globalization;
using System.Text.RegularExpressions;
using Dashboard.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Browser.Tests;

/// <summary>A researcher's path through the pages: launch from the form, watch the run train, share the result.</summary>
public sealed partial class RunFlowTests(RunFlowFixture fixture, ITestOutputHelper output) : IClassFixture<RunFlowFixture>
{
    private const string LossChart = "Training loss";

    /// <summary>Time a run of <see cref="TestConfigurations.WatchableFormValues"/> may take; minutes of margin for a loaded machine.</summary>
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);

    private DashboardProcess Server => fixture.Server;

    [Fact]
    public async Task LaunchWatchAndShareRun()
    {
        var page = await fixture.Browser.NewPageAsync();
        await using var context = page.Context;

        string runId = await LaunchFromFormAsync(page);
        await CheckLaunchedConfigurationAsync(runId);
        await WatchLossChartGrowAsync(page);

        await Server.ExpectAsync(page, "the result block #run-summary to be visible after the run completed",
            () => Expect(page.Locator("#run-summary")).ToBeVisibleAsync());
        output.WriteLine($"Saved a screenshot of the run page to {await page.SaveScreenshotAsync("run-page.png")}");

        string shareLink = await CreateShareLinkAsync(page);
        await CheckSharedPageAsync(shareLink);
    }

    [Fact]
    public async Task UnknownShareTokenIsNotFound()
    {
        var page = await fixture.Browser.NewPageAsync();
        await using var context = page.Context;
        var url = new Uri(Server.BaseAddress, "share/xyz");

        var response = await page.GotoAsync(url.ToString());

        Assert.NotNull(response);
        Assert.True(response.Status == 404, Server.Describe($"GET {url} to return 404; it returned {response.Status}"));
        await Server.ExpectAsync(page, "the #share-not-found message on the page of an unknown share token",
            () => Expect(page.Locator("#share-not-found")).ToBeVisibleAsync());
    }

    [Fact]
    public async Task InvalidValueShowsErrorAtField()
    {
        var page = await fixture.Browser.NewPageAsync();
        await using var context = page.Context;
        await page.GotoInteractiveAsync(new Uri(Server.BaseAddress, "runs/new"), Server);
        const string path = "attacks[0].poisonRatio";
        var input = page.Locator($"input[data-path=\"{path}\"]");
        var error = page.Locator($"[data-error-for=\"{path}\"]");

        await input.FillAsync("1.5");
        await input.PressAsync("Tab");
        await Server.ExpectAsync(page, $"an error under '{path}' after typing 1.5",
            () => Expect(error).ToContainTextAsync("between 0 (exclusive) and 1"));
        await Server.ExpectAsync(page, "#launch to be disabled while a field is invalid",
            () => Expect(page.Locator("#launch")).ToBeDisabledAsync());
        output.WriteLine($"Saved a screenshot of the invalid form to {await page.SaveScreenshotAsync("invalid-form.png")}");

        await input.FillAsync("0.02");
        await input.PressAsync("Tab");
        await Server.ExpectAsync(page, $"the error under '{path}' to go away after typing 0.02",
            () => Expect(error).ToHaveCountAsync(0));
        await Server.ExpectAsync(page, "#launch to be enabled again",
            () => Expect(page.Locator("#launch")).ToBeEnabledAsync());
    }

    /// <summary>Fills the launch form with a small multi-epoch configuration, launches, and returns the new run's id.</summary>
    private async Task<string> LaunchFromFormAsync(IPage page)
    {
        await page.GotoInteractiveAsync(new Uri(Server.BaseAddress, "runs/new"), Server);
        // MudSelect puts the id on a hidden input that contains the selected value; the first kind is the default.
        await Server.ExpectAsync(page, "the experiment kind select #kind-select to hold 'backdoor'",
            () => Expect(page.Locator("#kind-select")).ToHaveValueAsync("backdoor"));

        foreach (var (path, value) in TestConfigurations.WatchableFormValues)
        {
            // Generated fields carry data-path; a MudNumericField is an <input> inside that container.
            var input = page.Locator($"[data-path=\"{path}\"] input, input[data-path=\"{path}\"]");
            await Server.ExpectAsync(page, $"one input for the field with data-path '{path}'",
                () => Expect(input).ToHaveCountAsync(1));
            await input.FillAsync(value);
            await input.PressAsync("Tab");
            await Server.ExpectAsync(page, $"the field '{path}' to keep the value {value}",
                () => Expect(input).ToHaveValueAsync(value));
        }

        var launch = page.Locator("#launch");
        await Server.ExpectAsync(page, "the #launch button to be enabled once the form is valid",
            () => Expect(launch).ToBeEnabledAsync());
        await launch.ClickAsync();

        await Server.ExpectAsync(page, "the browser to land on /runs/{id} after Launch",
            () => page.WaitForURLAsync(RunPageUrl()));
        string runId = RunPageUrl().Match(page.Url).Groups["id"].Value;
        output.WriteLine($"Launched run {runId} from the form; its page is {page.Url}");
        return runId;
    }

    /// <summary>Checks through the API that the run got the values typed into the form.</summary>
    private async Task CheckLaunchedConfigurationAsync(string runId)
    {
        using var api = new DashboardApi(Server);
        var run = await api.GetRunAsync(runId);
        var configuration = run.GetProperty("configuration");

        Assert.Equal("backdoor", run.GetProperty("kind").GetString());
        Assert.Equal(3000, configuration.GetProperty("trainingSubsetSize").GetInt32());
        Assert.Equal(5, configuration.GetProperty("epochs").GetInt32());
        Assert.Equal(32, configuration.GetProperty("batchSize").GetInt32());
        Assert.Equal(8, configuration.GetProperty("modelWidth").GetInt32());
        Assert.Equal(0.02, configuration.GetProperty("attacks")[0].GetProperty("poisonRatio").GetDouble(), 9);
    }

    /// <summary>
    /// Polls the status chip and the loss chart's data-points until the run ends, then requires that the
    /// count grew at least twice between two readings taken while the chip showed Running, and that the run completed.
    /// </summary>
    private async Task WatchLossChartGrowAsync(IPage page)
    {
        var deadline = DateTime.UtcNow + RunTimeout;
        var observations = new List<string>();
        int growths = 0;
        int? lastRunningPoints = null;
        string? status = null;
        string? lastObservation = null;

        while (DateTime.UtcNow < deadline)
        {
            string[] state = await page.EvaluateAsync<string[]>(
                """
                chart => [
                  document.querySelector('.run-status')?.dataset.status ?? '',
                  document.querySelector(`.lab-chart[data-chart="${chart}"]`)?.dataset.points ?? ''
                ]
                """,
                LossChart);
            status = state[0];
            int? points = int.TryParse(state[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count) ? count : null;

            string observation = $"{status} {state[1]}";
            if (observation != lastObservation)
            {
                observations.Add($"{DateTime.UtcNow:HH:mm:ss.f} status {status}, points {state[1]}");
                lastObservation = observation;
            }

            if (status == "Running" && points is { } current)
            {
                if (current > lastRunningPoints)
                {
                    growths++;
                }

                lastRunningPoints = current;
            }

            if (DashboardApi.FinalStatuses.Contains(status))
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        string history = string.Join(Environment.NewLine, observations);
        output.WriteLine($"The '{LossChart}' chart grew {growths} times while the run was Running. Readings:{Environment.NewLine}{history}");
        Assert.True(growths >= 2, Server.Describe(
            $"the '{LossChart}' chart's data-points at {page.Url} to grow at least twice while the status chip showed Running; it grew {growths} times. Readings:{Environment.NewLine}{history}{Environment.NewLine}"));

        string error = await page.Locator("#run-error").CountAsync() > 0 ? await page.Locator("#run-error").InnerTextAsync() : "none shown";
        Assert.True(status == "Completed", Server.Describe(
            $"the status chip at {page.Url} to reach Completed within {RunTimeout.TotalMinutes:F0} min; it is '{status}', run error: {error}"));
    }

    /// <summary>Clicks Share, then Create link with the default expiry (never), and returns the link shown in #share-link.</summary>
    private async Task<string> CreateShareLinkAsync(IPage page)
    {
        await page.Locator("#share-run").ClickAsync();
        await Server.ExpectAsync(page, "the share panel's #create-share-link button after clicking #share-run",
            () => Expect(page.Locator("#create-share-link")).ToBeVisibleAsync());
        await page.Locator("#create-share-link").ClickAsync();
        var linkElement = page.Locator("#share-link");
        await Server.ExpectAsync(page, "the share link #share-link after clicking #create-share-link",
            () => Expect(linkElement).ToBeVisibleAsync());

        string link = (await linkElement.InnerTextAsync()).Trim();
        string expectedPrefix = new Uri(Server.BaseAddress, "share/").ToString();
        Assert.True(link.StartsWith(expectedPrefix, StringComparison.Ordinal),
            Server.Describe($"the share link to start with {expectedPrefix}; it is '{link}'"));
        output.WriteLine($"Share link: {link}");
        return link;
    }

    /// <summary>Opens the share link in a new browser context and checks that the page is complete and read-only.</summary>
    private async Task CheckSharedPageAsync(string link)
    {
        var page = await fixture.Browser.NewPageAsync();
        await using var context = page.Context;

        var response = await page.GotoInteractiveAsync(new Uri(link), Server);
        Assert.True(response.Status == 200, Server.Describe($"GET {link} to return 200; it returned {response.Status}"));

        await Server.ExpectAsync(page, "the status chip of the shared run to say Completed",
            () => Expect(page.Locator(".run-status")).ToHaveAttributeAsync("data-status", "Completed"));
        // Loss, accuracy, ASR, and the boosted ASR of the blend attack; the defence charts stay hidden without a defence.
        await Server.ExpectAsync(page, "four charts (.lab-chart) on the shared page",
            () => Expect(page.Locator(".lab-chart")).ToHaveCountAsync(4));
        await Server.ExpectAsync(page, $"the '{LossChart}' chart on the shared page to draw points (data-points above 0)",
            () => Expect(page.Locator($".lab-chart[data-chart=\"{LossChart}\"]")).ToHaveAttributeAsync("data-points", PositiveNumber()));
        await Server.ExpectAsync(page, "the result block #run-summary on the shared page",
            () => Expect(page.Locator("#run-summary")).ToBeVisibleAsync());

        foreach (string control in new[] { "#cancel-run", "#clone-run", "#share-run", "a[href$=\"runs/new\"]" })
        {
            int count = await page.Locator(control).CountAsync();
            Assert.True(count == 0, Server.Describe($"no '{control}' on the read-only shared page {link}; found {count}"));
        }

        int newRunControls = await page.GetByRole(AriaRole.Link, new() { Name = "New run" }).CountAsync()
            + await page.GetByRole(AriaRole.Button, new() { Name = "New run" }).CountAsync();
        Assert.True(newRunControls == 0, Server.Describe($"no 'New run' link or button on the shared page {link}; found {newRunControls}"));

        output.WriteLine($"Saved a screenshot of the shared page to {await page.SaveScreenshotAsync("shared-run-page.png")}");
    }

    [GeneratedRegex(@"/runs/(?<id>(?!new$)[A-Za-z0-9_-]+)$")]
    private static partial Regex RunPageUrl();

    [GeneratedRegex(@"^[1-9][0-9]*$")]
    private static partial Regex PositiveNumber();
}
