using System.Text.Json;
using System.Text.RegularExpressions;
using Dashboard.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Browser.Tests;

/// <summary>
/// A finished run shared and exported. The link opens in a fresh browser, and a chart downloads as SVG and PNG
/// from its toolbar without leaving the server. The exported HTML file draws its charts from disk with every
/// network request blocked, and a revoked link shows the revoked message. The API reference page, another page
/// meant to work on a machine without internet access, stays on the server too.
/// </summary>
public sealed partial class ShareExportFlowTests(RunFlowFixture fixture, ITestOutputHelper output) : IClassFixture<RunFlowFixture>
{
    private const string LossChart = "Training loss";

    /// <summary>Time a <see cref="TestConfigurations.Quick"/> run may take, worker start included; minutes of margin for a loaded machine.</summary>
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);

    private DashboardProcess Server => fixture.Server;

    [Fact]
    public async Task ApiReferenceRequestsOnlyServer()
    {
        var page = await fixture.Browser.NewPageAsync();
        await using var context = page.Context;
        var blocked = new List<string>();
        string origin = Server.BaseAddress.GetLeftPart(UriPartial.Authority);
        await context.RouteAsync("**/*", route => AllowOnly(route, url => url.StartsWith(origin, StringComparison.Ordinal), blocked));

        await page.GotoAsync(new Uri(Server.BaseAddress, "scalar/v1").AbsoluteUri);
        await Server.ExpectAsync(page, "the reference page to show the API's title",
            () => Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lab Dashboard API" }).First).ToBeVisibleAsync());
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.True(blocked.Count == 0, Server.Describe($"no request from the API reference beyond {origin}; it sent {string.Join(", ", blocked)}"));
    }

    [Fact]
    public async Task SharedRunExportsAndOpensOffline()
    {
        string runId = await LaunchFinishedRunAsync();
        string link = await CreateShareLinkAsync(runId);

        string exportPath = await CheckSharedPageAndExportAsync(link);
        await CheckExportOpensOfflineAsync(exportPath);
        await CheckRevokedLinkAsync(runId, link);
    }

    private async Task<string> LaunchFinishedRunAsync()
    {
        using var api = new DashboardApi(Server);
        string runId = await api.LaunchAsync($$"""{"kind":"backdoor","name":"share and export","configuration":{{TestConfigurations.Quick}}}""");
        var run = await api.WaitUntilFinalAsync(runId, RunTimeout);
        Assert.True(run.GetProperty("status").GetString() == "Completed",
            Server.Describe($"run {runId} to complete; it ended {run.GetProperty("status")} with error '{run.GetProperty("error")}'"));
        return runId;
    }

    /// <summary>Opens the run page, clicks Share and Create link, and returns the link shown once.</summary>
    private async Task<string> CreateShareLinkAsync(string runId)
    {
        var page = await fixture.Browser.NewPageAsync();
        await using var context = page.Context;
        await page.GotoInteractiveAsync(new Uri(Server.BaseAddress, $"runs/{runId}"), Server);

        await page.Locator("#share-run").ClickAsync();
        await page.Locator("#create-share-link").ClickAsync();
        var linkElement = page.Locator("#share-link");
        await Server.ExpectAsync(page, "the share link #share-link after clicking #create-share-link",
            () => Expect(linkElement).ToBeVisibleAsync());
        string link = (await linkElement.InnerTextAsync()).Trim();

        await Server.ExpectAsync(page, "one active link in the run's list of share links",
            () => Expect(page.Locator("#share-links tr[data-state=\"active\"]")).ToHaveCountAsync(1));
        output.WriteLine($"Share link: {link}");
        return link;
    }

    /// <summary>
    /// Opens the link in a fresh context that may reach only the dashboard, downloads the loss chart as SVG and
    /// PNG from its toolbar, then clicks Export HTML and returns the saved file's path.
    /// </summary>
    private async Task<string> CheckSharedPageAndExportAsync(string link)
    {
        var page = await fixture.Browser.NewPageAsync();
        await using var context = page.Context;
        var blocked = new List<string>();
        string origin = Server.BaseAddress.GetLeftPart(UriPartial.Authority);
        await context.RouteAsync("**/*", route => AllowOnly(route, url => url.StartsWith(origin, StringComparison.Ordinal), blocked));

        var response = await page.GotoInteractiveAsync(new Uri(link), Server);
        Assert.True(response.Status == 200, Server.Describe($"GET {link} to return 200; it returned {response.Status}"));
        var chart = page.Locator($".lab-chart[data-chart=\"{LossChart}\"]");
        await Server.ExpectAsync(page, $"the '{LossChart}' chart on the shared page to draw points",
            () => Expect(chart).ToHaveAttributeAsync("data-points", PositiveNumber()));

        string svg = await File.ReadAllTextAsync(await DownloadFromToolbarAsync(page, chart, "exportSVG", ".svg"));
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("<path", svg, StringComparison.Ordinal);
        byte[] png = await File.ReadAllBytesAsync(await DownloadFromToolbarAsync(page, chart, "exportPNG", ".png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-run").ClickAsync());
        string exportPath = Path.Combine(Server.DataDirectory, "export.html");
        await download.SaveAsAsync(exportPath);
        Assert.EndsWith(".html", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.True(blocked.Count == 0, Server.Describe($"no request from the shared page beyond {origin}; it sent {string.Join(", ", blocked)}"));
        output.WriteLine($"Exported {download.SuggestedFilename} to {exportPath}");
        return exportPath;
    }

    /// <summary>Opens the export from disk with every request but file: ones aborted, and checks that its charts drew lines.</summary>
    private async Task CheckExportOpensOfflineAsync(string exportPath)
    {
        var page = await fixture.Browser.NewPageAsync();
        await using var context = page.Context;
        var blocked = new List<string>();
        await context.SetOfflineAsync(true);
        await context.RouteAsync("**/*", route => AllowOnly(route, url => url.StartsWith("file:", StringComparison.Ordinal), blocked));

        await page.GotoAsync(new Uri(exportPath).AbsoluteUri);

        await Expect(page.Locator("#run-name")).ToHaveTextAsync("share and export");
        var lossLine = page.Locator($"figure[data-chart=\"{LossChart}\"] svg path.series");
        await Expect(lossLine).ToHaveCountAsync(1);
        string path = await lossLine.GetAttributeAsync("d") ?? "";
        Assert.Matches("^M[0-9. ]+L", path);
        var box = await lossLine.BoundingBoxAsync();
        Assert.True(box is { Width: > 100 }, $"The loss line should span the chart; its bounding box is {box?.Width} px wide.");
        Assert.True(await page.Locator("svg.export-chart").CountAsync() >= 3, "The export should draw the loss, accuracy and ASR charts.");
        Assert.True(blocked.Count == 0, $"The exported file requested {string.Join(", ", blocked)}.");
        output.WriteLine($"Saved a screenshot of the offline export to {await page.SaveScreenshotAsync("exported-run.png")}");
    }

    /// <summary>Revokes the link through the API and checks that the shared page returns 410 with the revoked message.</summary>
    private async Task CheckRevokedLinkAsync(string runId, string link)
    {
        using var client = Server.CreateClient();
        using var listed = JsonDocument.Parse(await client.GetStringAsync($"api/v1/shares?scope=run&id={runId}"));
        string linkId = listed.RootElement[0].GetProperty("id").GetString()!;
        using var revoke = await client.PostAsync($"api/v1/shares/{linkId}/revoke", null);
        Assert.True(revoke.IsSuccessStatusCode, Server.Describe($"POST api/v1/shares/{linkId}/revoke to succeed; it returned {(int)revoke.StatusCode}"));

        var page = await fixture.Browser.NewPageAsync();
        await using var context = page.Context;
        var response = await page.GotoAsync(link);

        Assert.True(response?.Status == 410, Server.Describe($"GET {link} after revoking to return 410; it returned {response?.Status}"));
        await Server.ExpectAsync(page, "the revoked message on the shared page",
            () => Expect(page.Locator("#share-closed")).ToContainTextAsync("This link was revoked"));
    }

    /// <summary>Opens the chart's toolbar menu, clicks the menu item with class <paramref name="item"/>, and returns the downloaded file's path.</summary>
    private async Task<string> DownloadFromToolbarAsync(IPage page, ILocator chart, string item, string extension)
    {
        await chart.Locator(".apexcharts-menu-icon").ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => chart.Locator($".apexcharts-menu-item.{item}").ClickAsync());
        string path = Path.Combine(Server.DataDirectory, "chart" + extension);
        await download.SaveAsAsync(path);
        Assert.True(download.SuggestedFilename.EndsWith(extension, StringComparison.Ordinal),
            $"The chart toolbar's {item} should save a {extension} file; it saved '{download.SuggestedFilename}'.");
        return path;
    }

    private static async Task AllowOnly(IRoute route, Func<string, bool> allowed, List<string> blocked)
    {
        string url = route.Request.Url;
        if (allowed(url) || url.StartsWith("data:", StringComparison.Ordinal) || url.StartsWith("blob:", StringComparison.Ordinal))
        {
            await route.ContinueAsync();
            return;
        }

        lock (blocked)
        {
            blocked.Add(url);
        }

        await route.AbortAsync();
    }

    [GeneratedRegex(@"^[1-9][0-9]*$")]
    private static partial Regex PositiveNumber();
}
