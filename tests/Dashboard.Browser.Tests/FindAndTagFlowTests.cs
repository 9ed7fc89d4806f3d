using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dashboard.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Browser.Tests;

/// <summary>
/// A researcher tags a finished run and writes notes with hostile content. They find the run again by tag in the
/// runs table with a measure column, narrow the search so nothing matches and reload the bookmarked address. Then
/// they read the notes on the run page, and none of the notes' script runs.
/// </summary>
public sealed class FindAndTagFlowTests(RunFlowFixture fixture, ITestOutputHelper output) : IClassFixture<RunFlowFixture>
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);

    private const string HostileNotes =
        "**checked** twice <script>window.noteScriptRan = true</script> [bad](javascript:window.noteScriptRan=true)";

    private DashboardProcess Server => fixture.Server;

    [Fact]
    public async Task FindsTaggedRunAndRestoresView()
    {
        string tag = $"flow{Guid.NewGuid():N}"[..12];
        string runId = await LaunchAndTagRunAsync(tag);
        var page = await fixture.Browser.NewPageAsync();
        await using var context = page.Context;

        await page.GotoInteractiveAsync(new Uri(Server.BaseAddress, $"runs?q=tag:{tag}&cols=status,tags,m:average_asr"), Server);
        await Server.ExpectAsync(page, "the tagged run as the only row", () =>
            Expect(page.Locator(".run-link")).ToHaveTextAsync([$"find flow {tag}"]));
        await Server.ExpectAsync(page, "its average ASR in the measure column", () =>
            Expect(page.Locator("td[data-column='m:average_asr']")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("%")));

        await page.Locator("#run-search").FillAsync($"tag:{tag} learningRate:0.5");
        await Server.ExpectAsync(page, "no row for a learning rate the run does not have", () =>
            Expect(page.Locator("#runs-table")).ToContainTextAsync("No runs match these filters."));
        await Server.ExpectAsync(page, "the search in the address", () =>
            Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("learningRate%3A0.5")));

        await page.ReloadAsync();
        await Server.ExpectAsync(page, "the search restored after a reload", () =>
            Expect(page.Locator("#run-search")).ToHaveValueAsync($"tag:{tag} learningRate:0.5"));
        await Server.ExpectAsync(page, "the measure column restored after a reload", () =>
            Expect(page.Locator("th[data-column='m:average_asr']")).ToHaveCountAsync(1));

        await page.GotoInteractiveAsync(new Uri(Server.BaseAddress, $"runs/{runId}"), Server);
        await Server.ExpectAsync(page, "the notes rendered as Markdown", () =>
            Expect(page.Locator("#run-notes strong")).ToHaveTextAsync("checked"));
        Assert.Equal(0, await page.Locator("#run-notes script, #run-notes a[href^='javascript']").CountAsync());
        Assert.False(await page.EvaluateAsync<bool>("() => window.noteScriptRan === true"));
        output.WriteLine($"Saved a screenshot of the run page with notes to {await page.SaveScreenshotAsync("run-notes.png")}");
    }

    /// <summary>Launches a quick run, waits until it has completed, and sets its tag and notes through the API.</summary>
    private async Task<string> LaunchAndTagRunAsync(string tag)
    {
        using var api = new DashboardApi(Server);
        var body = new JsonObject
        {
            ["kind"] = "backdoor",
            ["name"] = $"find flow {tag}",
            ["configuration"] = JsonNode.Parse(TestConfigurations.Quick),
        };
        string runId = await api.LaunchAsync(body.ToJsonString());
        var run = await api.WaitUntilFinalAsync(runId, RunTimeout);
        Assert.True(run.GetProperty("status").GetString() == "Completed",
            Server.Describe($"run {runId} to complete; it ended {run.GetProperty("status")} with error '{run.GetProperty("error")}'"));

        using var client = Server.CreateClient();
        using var response = await client.PatchAsJsonAsync($"api/v1/runs/{runId}", new { tags = new[] { tag }, notes = HostileNotes });
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            Server.Describe($"PATCH api/v1/runs/{runId} to return 200; it returned {(int)response.StatusCode}"));
        return runId;
    }
}
