using System.Text.RegularExpressions;
using Dashboard.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Browser.Tests;

/// <summary>
/// A researcher compares defences: one attack configuration launched from the form as a study group of an
/// undefended run and a BaDLoss run, the group table filling in, and the BaDLoss run's defence views.
/// </summary>
public sealed partial class StudyGroupFlowTests(RunFlowFixture fixture, ITestOutputHelper output) : IClassFixture<RunFlowFixture>
{
    /// <summary>Both runs of <see cref="FormValues"/> one after the other; minutes of margin for a loaded machine.</summary>
    private static readonly TimeSpan GroupTimeout = TimeSpan.FromMinutes(10);

    /// <summary>A small configuration: 2,000 images, 2 final epochs and 4 BaDLoss trajectory epochs.</summary>
    private static readonly IReadOnlyList<(string Path, string Value)> FormValues =
    [
        ("trainingSubsetSize", "2000"),
        ("epochs", "2"),
        ("batchSize", "64"),
        ("modelWidth", "8"),
        ("attacks[0].poisonRatio", "0.05"),
        ("attacks[1].poisonRatio", "0.05"),
        ("defence.trajectoryEpochs", "4"),
    ];

    private static readonly string[] Defences = ["none", "badLoss"];

    private DashboardProcess Server => fixture.Server;

    [Fact]
    public async Task DefenceGroupFillsTable()
    {
        var page = await fixture.Browser.NewPageAsync();
        await using var context = page.Context;

        string groupId = await LaunchGroupFromFormAsync(page);
        await WaitForTableAsync(page);
        output.WriteLine($"Saved a screenshot of the group page to {await page.SaveScreenshotAsync("group-page.png")}");

        await CheckBadLossRunPageAsync(page, groupId);
    }

    private async Task<string> LaunchGroupFromFormAsync(IPage page)
    {
        await page.GotoInteractiveAsync(new Uri(Server.BaseAddress, "runs/new"), Server);

        // The backdoor kind varies the defence by default.
        await Server.ExpectAsync(page, "the group field select #group-field to hold 'defence.kind'",
            () => Expect(page.Locator("#group-field")).ToHaveValueAsync("defence.kind"));
        foreach (string defence in Defences)
        {
            var checkbox = page.Locator($"#group-values [data-value=\"{defence}\"] input[type=checkbox], #group-values input[type=checkbox][data-value=\"{defence}\"]");
            await Server.ExpectAsync(page, $"one check box for the defence '{defence}' in #group-values",
                () => Expect(checkbox).ToHaveCountAsync(1));
            await checkbox.CheckAsync();
        }

        // BaDLoss settings appear once BaDLoss is ticked, so the form is filled after the defences.
        foreach (var (path, value) in FormValues)
        {
            var input = page.Locator($"[data-path=\"{path}\"] input, input[data-path=\"{path}\"]");
            await Server.ExpectAsync(page, $"one input for the field with data-path '{path}'",
                () => Expect(input).ToHaveCountAsync(1));
            await input.FillAsync(value);
            await input.PressAsync("Tab");
            await Server.ExpectAsync(page, $"the field '{path}' to keep the value {value}",
                () => Expect(input).ToHaveValueAsync(value));
        }

        var launch = page.Locator("#launch-group");
        await Server.ExpectAsync(page, "#launch-group to say it launches 2 runs",
            () => Expect(launch).ToContainTextAsync("2 runs"));
        await launch.ClickAsync();

        await Server.ExpectAsync(page, "the browser to land on /groups/{id} after launching the group",
            () => page.WaitForURLAsync(GroupPageUrl()));
        string groupId = GroupPageUrl().Match(page.Url).Groups["id"].Value;
        output.WriteLine($"Launched group {groupId} from the form; its page is {page.Url}");
        return groupId;
    }

    /// <summary>Waits until both rows show Completed, then checks each row's clean accuracy and average ASR cells.</summary>
    private async Task WaitForTableAsync(IPage page)
    {
        foreach (string defence in Defences)
        {
            var status = page.Locator($"#group-table tr[data-value=\"{defence}\"] .run-status");
            await Expect(status).ToHaveAttributeAsync("data-status", "Completed", new() { Timeout = (float)GroupTimeout.TotalMilliseconds });

            foreach (string measure in new[] { "clean_accuracy", "average_asr" })
            {
                var cell = page.Locator($"#group-table tr[data-value=\"{defence}\"] td[data-measure=\"{measure}\"]");
                await Server.ExpectAsync(page, $"the '{measure}' cell of the '{defence}' row to show a percentage",
                    () => Expect(cell).ToHaveTextAsync(new Regex(@"^\s*\d+(\.\d+)?\s?%\s*$")));
            }
        }

        var auc = page.Locator("#group-table tr[data-value=\"badLoss\"] td[data-measure=\"detection/auc\"]");
        await Server.ExpectAsync(page, "the BaDLoss row to show a detection AUC",
            () => Expect(auc).ToHaveTextAsync(new Regex(@"\d")));
    }

    /// <summary>Opens the BaDLoss run from the table and checks its trajectory chart, score histogram and example grids.</summary>
    private async Task CheckBadLossRunPageAsync(IPage page, string groupId)
    {
        await page.Locator("#group-table tr[data-value=\"badLoss\"] a").ClickAsync();
        await Server.ExpectAsync(page, $"the browser to open the BaDLoss run of group {groupId}",
            () => page.WaitForURLAsync(new Regex(@"/runs/[a-z0-9]+$")));

        foreach (string chart in new[] { "BaDLoss: mean loss by group", "Defence training loss", "score-histogram" })
        {
            await Server.ExpectAsync(page, $"the chart '{chart}' on the BaDLoss run page to draw points",
                () => Expect(page.Locator($".lab-chart[data-chart=\"{chart}\"]")).ToHaveAttributeAsync("data-points", new Regex("^[1-9][0-9]*$")));
        }

        await Server.ExpectAsync(page, "the detection AUC #detection-auc on the BaDLoss run page",
            () => Expect(page.Locator("#detection-auc")).ToHaveTextAsync(new Regex(@"\d")));
        await Server.ExpectAsync(page, "the grid of removed examples with at least one picture",
            () => Expect(page.Locator("[data-grid=\"removed-examples\"] img").First).ToBeVisibleAsync());
        output.WriteLine($"Saved a screenshot of the BaDLoss run page to {await page.SaveScreenshotAsync("badloss-run-page.png")}");
    }

    [GeneratedRegex(@"/groups/(?<id>[a-z0-9]+)$")]
    private static partial Regex GroupPageUrl();
}
