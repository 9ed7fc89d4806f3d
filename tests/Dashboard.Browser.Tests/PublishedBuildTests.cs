using System.Net;
using System.Text.Json;
using Dashboard.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Dashboard.Browser.Tests;

/// <summary>
/// The self-contained published build, run from its own folder: it must serve its pages and static assets
/// in the Production environment, and start workers that load libtorch.
/// </summary>
[Collection(PublishedBuildCollection.Name)]
public sealed class PublishedBuildTests(PublishedBuildFixture fixture, ITestOutputHelper output)
{
    /// <summary>Time the quick run may take, worker start included; minutes of margin for a loaded machine.</summary>
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);

    private DashboardProcess Server => fixture.Server;

    [Fact]
    public async Task HealthzReportsReady()
    {
        using var client = Server.CreateClient();
        var url = new Uri(Server.BaseAddress, "healthz");

        using var response = await client.GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, Server.Describe($"GET {url} to return 200; it returned {(int)response.StatusCode}: {body}"));
        using var document = JsonDocument.Parse(body);
        foreach (string field in new[] { "status", "database", "compute" })
        {
            string? value = document.RootElement.TryGetProperty(field, out var element) ? element.GetString() : null;
            Assert.True(value == "ready", Server.Describe($"GET {url} to report {field} 'ready'; the body is {body}"));
        }
    }

    [Fact]
    public async Task ContentRootIsPublishFolder()
    {
        // The server prints its content root just after "Now listening on", which ends the fixture's start.
        for (int attempt = 0; attempt < 300 && Server.ContentRoot is null; attempt++)
        {
            await Task.Delay(100);
        }

        string expected = Path.TrimEndingDirectorySeparator(fixture.PublishDirectory);
        string? actual = Server.ContentRoot is { } root ? Path.TrimEndingDirectorySeparator(root) : null;

        Assert.True(actual == expected, Server.Describe(
            $"the published build to use its own folder {expected} as content root (settings and wwwroot/); it reported '{actual}'"));
    }

    [Theory]
    [InlineData("_framework/blazor.web.js")]
    [InlineData("_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("_content/MudBlazor/MudBlazor.min.js")]
    [InlineData("lib/apexcharts/apexcharts.min.js")]
    [InlineData("js/charts.js")]
    [InlineData("css/app.css")]
    [InlineData("runs")]
    public async Task AssetIsServed(string path)
    {
        using var client = Server.CreateClient();
        var url = new Uri(Server.BaseAddress, path);

        using var response = await client.GetAsync(url);
        byte[] body = await response.Content.ReadAsByteArrayAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, Server.Describe($"GET {url} to return 200; it returned {(int)response.StatusCode}"));
        Assert.True(body.Length > 0, Server.Describe($"GET {url} to return a non-empty body"));
    }

    [Fact]
    public async Task QuickRunCompletes()
    {
        using var api = new DashboardApi(Server);
        string body = $$"""{"kind":"backdoor","name":"published build check","configuration":{{TestConfigurations.Quick}}}""";

        string runId = await api.LaunchAsync(body);
        var run = await api.WaitUntilFinalAsync(runId, RunTimeout);
        string? status = run.GetProperty("status").GetString();

        output.WriteLine($"Run {runId} of the published build in {fixture.PublishDirectory} ended {status}.");
        Assert.True(status == "Completed", Server.Describe(
            $"run {runId} of the published build to complete; it ended {status} with error: {run.GetProperty("error")}"));
        Assert.True(run.GetProperty("summary").ValueKind == JsonValueKind.Object,
            Server.Describe($"the completed run {runId} to have a summary; the run is {run}"));
    }
}
