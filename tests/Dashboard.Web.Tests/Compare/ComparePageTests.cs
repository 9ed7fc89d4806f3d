using System.Text.Json;
using Bunit;
using Dashboard.Core.Metrics;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Components.Compare;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Live;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Compare;

public sealed class ComparePageTests : ComponentTestContext
{
    private const string UpdateFunction = "labCompareCharts.update";

    [Fact]
    public void DrawsOneChartPerMetric()
    {
        var (first, second) = InsertRuns();

        var page = RenderCompare(first, second);

        page.WaitForAssertion(() => Assert.Equal(
            ["train/loss", "test/clean_accuracy", "custom/gradient_norm"],
            page.FindAll(".compare-chart").Select(chart => chart.GetAttribute("data-metric"))));
    }

    [Fact]
    public void ConfigurationTableShowsLearningRateOnly()
    {
        var (first, second) = InsertRuns();

        var page = RenderCompare(first, second);

        Assert.Equal(["learningRate"], page.FindAll("#compare-configuration tbody tr[data-path]").Select(row => row.GetAttribute("data-path")));
    }

    [Fact]
    public void SummaryTableHasRunColumns()
    {
        var (first, second) = InsertRuns();

        var page = RenderCompare(first, second);

        var cells = page.Find("#compare-summary tr[data-measure='clean_accuracy']").QuerySelectorAll("td").Select(c => c.TextContent.Trim());
        Assert.Equal(["Clean accuracy", "80.00%", "70.00%"], cells);
    }

    [Fact]
    public void RunKeepsColorOnEveryChart()
    {
        var (first, second) = InsertRuns();

        var page = RenderCompare(first, second);

        page.WaitForAssertion(() => Assert.True(UpdatedCharts() >= 3));
        var colors = SentColors();
        Assert.Equal([RunPalette.ColorAt(0)], colors[first.Id]);
        Assert.Equal([RunPalette.ColorAt(1)], colors[second.Id]);
    }

    [Fact]
    public void RunKeepsColorInTablesAndParallelCoordinates()
    {
        var (first, second) = InsertRuns();

        var page = RenderCompare(first, second);

        foreach (var (run, position) in new[] { (first, 0), (second, 1) })
        {
            string color = RunPalette.ColorAt(position);
            Assert.Equal(color, page.Find($"polyline.pc-line[data-row='{run.Name}']").GetAttribute("stroke"));
            Assert.All(page.FindAll($"th[data-run='{run.Id}'] .run-swatch"), swatch => Assert.Contains(color, swatch.GetAttribute("style")));
        }
    }

    [Fact]
    public void ReversedSelectionSwapsColors()
    {
        var (first, second) = InsertRuns();

        var page = RenderCompare(second, first);

        Assert.Equal(RunPalette.ColorAt(0), page.Find($"polyline.pc-line[data-row='{second.Name}']").GetAttribute("stroke"));
        Assert.Equal(RunPalette.ColorAt(1), page.Find($"polyline.pc-line[data-row='{first.Name}']").GetAttribute("stroke"));
    }

    [Fact]
    public void ParallelCoordinatesHaveAxisPerDifferenceAndMeasure()
    {
        var (first, second) = InsertRuns();

        var page = RenderCompare(first, second);

        Assert.Equal(
            ["configuration:learningRate", "measure:average_asr", "measure:clean_accuracy"],
            page.FindAll("#compare-parallel g.pc-axis").Select(axis => axis.GetAttribute("data-dimension")));
        Assert.Equal(2, page.FindAll("#compare-parallel polyline.pc-line").Count);
    }

    [Fact]
    public void UnknownRunIdIsReported()
    {
        var (first, _) = InsertRuns();

        var page = RenderCompareAt($"runs={first.Id},nosuchrun");

        Assert.Single(page.FindAll("[data-missing-run='nosuchrun']"));
        Assert.Single(page.FindAll("#compared-runs [data-run]"));
    }

    [Fact]
    public void QueryOptionsReachCharts()
    {
        var (first, second) = InsertRuns();

        var page = RenderCompareAt($"runs={first.Id},{second.Id}&x=epoch&log=true");

        var created = JSInterop.Invocations["labCompareCharts.create"].Select(i => JsonSerializer.SerializeToElement(i.Arguments[1])).ToList();
        Assert.Equal(3, created.Count);
        Assert.All(created, options => Assert.Equal("epoch", options.GetProperty("axis").GetString()));
        Assert.All(created, options => Assert.True(options.GetProperty("logY").GetBoolean()));
    }

    [Fact]
    public void LogSwitchRecordsItInAddress()
    {
        var (first, second) = InsertRuns();
        var page = RenderCompare(first, second);

        page.Find("#log-scale input[type=checkbox], input[type=checkbox]#log-scale").Change(true);

        string address = Services.GetRequiredService<NavigationManager>().Uri;
        Assert.Contains("log=true", address);
        Assert.Contains($"runs={first.Id},{second.Id}", Uri.UnescapeDataString(address));
    }

    [Fact]
    public async Task LivePointsReachChart()
    {
        var (first, second) = InsertRuns();
        first.Status = RunStatus.Running;
        Server.Service<IRunStore>().Update(first);
        var page = RenderCompare(first, second);
        page.WaitForAssertion(() => Assert.True(UpdatedCharts() >= 3));

        var feed = Server.Service<LiveRunFeed>();
        feed.Enqueue(first.Id, [Batch("train/loss", [5, 6], [0.5, 0.4], epoch: 1)]);
        await feed.FlushAllAsync(CancellationToken.None);

        // The chart calls JavaScript after its render, so a render-triggered check can run too early; poll instead.
        // Invocations are read on the renderer's dispatcher, where the chart records them.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        bool appended = false;
        while (!appended && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            appended = await page.InvokeAsync(() => Changes().Any(change => change.Key == first.Id && !change.Replace && change.Points == 2));
        }

        Assert.True(appended, $"No update appended the 2 new points of run {first.Id}; changes sent: {string.Join("; ", Changes())}");
    }

    [Fact]
    public void ShareButtonOpensComparisonPanel()
    {
        var (first, second) = InsertRuns();
        RenderPopoverProvider();
        var page = RenderCompare(first, second);

        page.Find("#share-comparison").Click();

        Assert.Contains("this comparison of the runs", page.Find("#share-panel").TextContent);
    }

    [Fact]
    public void SharedComparisonLinksUnderToken()
    {
        var (first, second) = InsertRuns();

        var view = Render<Dashboard.Web.Components.Sharing.SharedComparisonView>(parameters => parameters
            .Add(p => p.RunIds, [first.Id, second.Id])
            .Add(p => p.BasePath, "/share/token"));

        var links = view.FindAll("a[href*='/runs/']").Select(a => a.GetAttribute("href")).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, href => Assert.StartsWith("/share/token/runs/", href));
        Assert.Equal(["learningRate"], view.FindAll("#compare-configuration tbody tr[data-path]").Select(row => row.GetAttribute("data-path")));
        Assert.Empty(view.FindAll("#share-comparison"));
    }

    private IRenderedComponent<Dashboard.Web.Components.Pages.Compare> RenderCompare(params RunRecord[] runs) =>
        RenderCompareAt("runs=" + string.Join(',', runs.Select(r => r.Id)));

    /// <summary>Opens the page as the browser would, because bUnit fills query parameters only from the address.</summary>
    private IRenderedComponent<Dashboard.Web.Components.Pages.Compare> RenderCompareAt(string query)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"compare?{query}");
        return Render<Dashboard.Web.Components.Pages.Compare>();
    }

    private (RunRecord First, RunRecord Second) InsertRuns()
    {
        var first = Run("lr 0.001", """{"learningRate": 0.001}""", cleanAccuracy: 0.8);
        var second = Run("lr 0.003", """{"learningRate": 0.003}""", cleanAccuracy: 0.7);
        var metrics = Server.Service<IMetricStore>();
        foreach (var run in new[] { first, second })
        {
            Server.Service<IRunStore>().Insert(run);
            metrics.Append(run.Id,
            [
                Batch("train/loss", [1, 2, 3, 4], [2.3, 1.9, 1.2, 0.9], epoch: 0.5),
                Batch("test/clean_accuracy", [4], [run.Summary!.Find("clean_accuracy")!.Value], epoch: 1),
                Batch("custom/gradient_norm", [1, 2], [3, 2], epoch: 0.5),
            ]);
        }

        return (first, second);
    }

    private static RunRecord Run(string name, string configuration, double cleanAccuracy) => new()
    {
        Id = RunIds.Create(),
        Name = name,
        Kind = "backdoor",
        ConfigurationJson = configuration,
        Status = RunStatus.Completed,
        CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
        StartedAt = DateTimeOffset.UtcNow.AddMinutes(-4),
        EndedAt = DateTimeOffset.UtcNow.AddMinutes(-3),
        Summary = new RunSummary
        {
            HeadlineKey = "average_asr",
            Measures =
            [
                new SummaryMeasure("average_asr", "Average ASR", 0.2, MeasureFormat.Percent),
                new SummaryMeasure("clean_accuracy", "Clean accuracy", cleanAccuracy, MeasureFormat.Percent),
            ],
        },
    };

    private static MetricBatch Batch(string metric, long[] steps, double[] values, double epoch)
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return MetricBatch.FromPoints(metric, [.. steps.Select((step, i) => new MetricPoint(step, epoch, values[i], now + i))]);
    }

    /// <summary>Counts update calls: each chart sends one with the stored points right after it is created.</summary>
    private int UpdatedCharts() => JSInterop.Invocations[UpdateFunction].Count;

    /// <summary>The changes sent to every chart, read back from the JSON the interop call would send.</summary>
    private List<(string Key, string Color, bool Replace, int Points)> Changes() =>
        [.. JSInterop.Invocations[UpdateFunction]
            .SelectMany(invocation => JsonSerializer.SerializeToElement(invocation.Arguments[1]).EnumerateArray())
            .Select(change => (
                change.GetProperty("key").GetString()!,
                change.GetProperty("color").GetString()!,
                change.GetProperty("replace").GetBoolean(),
                change.GetProperty("points").GetArrayLength()))];

    private Dictionary<string, List<string>> SentColors() =>
        Changes().GroupBy(change => change.Key.Split(':')[0])
            .ToDictionary(group => group.Key, group => group.Select(change => change.Color).Distinct().ToList());
}
