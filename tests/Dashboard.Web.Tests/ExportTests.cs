using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dashboard.Core.Metrics;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Sharing;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests;

/// <summary>The self-contained HTML export of a run, from the run's API and from a share link.</summary>
public sealed partial class ExportTests : IClassFixture<ExportTests.Server>
{
    // A 1x1 transparent PNG.
    private const string PngDataUri = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    private readonly Server _server;

    public ExportTests(Server server) => _server = server;

    [Fact]
    public async Task ExportContainsNameSummaryConfigurationAndCharts()
    {
        var run = InsertFinishedRun();
        using var client = _server.CreateClient();

        using var response = await client.GetAsync($"/api/v1/runs/{run.Id}/export.html");
        string html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains($"<h1 id=\"run-name\">{run.Name}</h1>", html);
        Assert.Contains("data-measure=\"clean_accuracy\"", html);
        Assert.Contains("87.50%", html);
        Assert.Contains("id=\"configuration\"", html);
        Assert.Contains("data-field=\"epochs\"", html);
        Assert.Contains("data-chart=\"Training loss\"", html);
        Assert.Contains("data-chart=\"Clean and robust accuracy\"", html);
        Assert.Contains("data-chart=\"score-histogram\"", html);
    }

    [Fact]
    public async Task ExportDrawsChartsAsInlineSvgPaths()
    {
        var run = InsertFinishedRun();
        using var client = _server.CreateClient();

        string html = await client.GetStringAsync($"/api/v1/runs/{run.Id}/export.html");
        var lossPath = LossPath().Match(html);

        Assert.True(lossPath.Success, "The training loss chart has no <path class=\"series\"> with a d attribute.");
        Assert.Equal(60, Regex.Matches(lossPath.Groups["d"].Value, "[ML]").Count);
        Assert.Contains("<svg class=\"export-chart\"", html);
        Assert.Contains("class=\"bar\"", html);
    }

    [Fact]
    public async Task ExportEmbedsPicturesAsDataUris()
    {
        var run = InsertFinishedRun();
        using var client = _server.CreateClient();

        string html = await client.GetStringAsync($"/api/v1/runs/{run.Id}/export.html");

        Assert.Contains($"<img src=\"{PngDataUri}\"", html);
        Assert.Contains("data-grid=\"removed-examples\"", html);
    }

    [Fact]
    public async Task ExportMakesNoExternalRequest()
    {
        var run = InsertFinishedRun();
        using var client = _server.CreateClient();

        string html = await client.GetStringAsync($"/api/v1/runs/{run.Id}/export.html");

        Assert.DoesNotContain("src=\"http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Regex.Matches(html, @"\b(?:src|href)=""(?!data:)[^""]*""", RegexOptions.IgnoreCase));
    }

    [Fact]
    public async Task ExportOfUnknownRunIsNotFound()
    {
        using var client = _server.CreateClient();

        using var response = await client.GetAsync($"/api/v1/runs/{RunIds.Create()}/export.html");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task SharedExportFollowsLinkLifecycle()
    {
        var run = InsertFinishedRun();
        var other = InsertFinishedRun();
        var shares = _server.Service<ShareLinkService>();
        var created = shares.Create(ShareScope.ForRun(run.Id))!;
        using var client = _server.CreateClient();

        using var shared = await client.GetAsync($"{created.Path}/export.html");
        string html = await shared.Content.ReadAsStringAsync();
        using var foreign = await client.GetAsync($"{created.Path}/runs/{other.Id}/export.html");
        shares.Revoke(created.Link.Id);
        using var revoked = await client.GetAsync($"{created.Path}/export.html");

        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        Assert.Contains(run.Name, html);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, revoked.StatusCode);
    }

    /// <summary>Stores a completed run with a summary, 60 loss points, 3 epochs of accuracy and a defence's histogram and pictures.</summary>
    private RunRecord InsertFinishedRun()
    {
        var run = new RunRecord
        {
            Id = RunIds.Create(),
            Name = $"exported run {Guid.NewGuid():N}",
            Kind = "backdoor",
            ConfigurationJson = """{"epochs":3,"trainingSubsetSize":600}""",
            Status = RunStatus.Completed,
            CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-2),
            StartedAt = DateTimeOffset.UtcNow.AddMinutes(-2),
            EndedAt = DateTimeOffset.UtcNow,
            Summary = new RunSummary
            {
                HeadlineKey = "average_asr",
                Measures =
                [
                    new SummaryMeasure("clean_accuracy", "Clean accuracy", 0.875, MeasureFormat.Percent),
                    new SummaryMeasure("average_asr", "Average ASR", 0.25, MeasureFormat.Percent),
                ],
            },
        };
        _server.Service<IRunStore>().Insert(run);

        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var loss = Enumerable.Range(0, 60).Select(step => new MetricPoint(step, step / 20.0, 2.3 / (1 + step), now + step)).ToList();
        var accuracy = Enumerable.Range(1, 3).Select(epoch => new MetricPoint(epoch * 20, epoch, 0.5 + (epoch * 0.1), now + (epoch * 20))).ToList();
        _server.Service<IMetricStore>().Append(run.Id,
        [
            MetricBatch.FromPoints("train/loss", loss),
            MetricBatch.FromPoints("test/clean_accuracy", accuracy),
        ]);

        SaveJson(run, "score-histogram.json", new
        {
            defence = "BaDLoss",
            scoreName = "Loss-trajectory distance",
            binEdges = new[] { 0.0, 0.5, 1.0 },
            groups = new[] { new { name = "clean", counts = new[] { 40, 2 } }, new { name = "patch", counts = new[] { 1, 9 } } },
        });
        SaveJson(run, "removed-examples.json", new
        {
            title = "Removed training images",
            examples = new[] { new { index = 7, givenLabel = 0, trueLabel = 3, attack = "patch", score = 0.91, image = PngDataUri } },
        });
        return run;
    }

    private void SaveJson(RunRecord run, string name, object value)
    {
        var info = _server.Service<IArtifactStore>().Save(run.Id, name, "application/json", JsonSerializer.SerializeToUtf8Bytes(value));
        run.Artifacts.Add(info);
        _server.Service<IRunStore>().Update(run);
    }

    [GeneratedRegex("""data-chart="Training loss">.*?<path class="series" data-series="[^"]*" d="(?<d>[^"]+)" """, RegexOptions.Singleline)]
    private static partial Regex LossPath();

    public sealed class Server() : DashboardServerFixture(new Dictionary<string, string?>());
}
