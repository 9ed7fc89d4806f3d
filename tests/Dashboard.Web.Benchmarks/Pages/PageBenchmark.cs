using System.Diagnostics;
using Dashboard.Storage;
using Dashboard.Web.Benchmarks.Infrastructure;
using Dashboard.Web.Benchmarks.Storage;

namespace Dashboard.Web.Benchmarks.Pages;

/// <summary>
/// Storage and pages at scale: the LiteDB file size per million metric points, the server's time to answer
/// GET /runs with 10,000 runs stored and GET /runs/{id} for a run with a 1,000,000-point series, and the
/// run list query behind the runs table.
/// </summary>
public static class PageBenchmark
{
    public const string Command = "pages";

    private const int StoredRuns = 10_000;
    private const int LongSeriesPoints = 1_000_000;

    public static async Task RunAsync(BenchmarkSettings settings, ResultReport report)
    {
        MeasureFileSize(settings, report);

        using var folder = new DataFolder("pages");
        string longRunId;
        var clock = Stopwatch.StartNew();
        using (var seeder = new RunSeeder(folder.Path))
        {
            var ids = seeder.AddRuns(StoredRuns, "stored run");
            longRunId = ids[^1];
            seeder.AddLongSeries(longRunId, LongSeriesPoints);
        }

        Console.WriteLine($"Seeded {StoredRuns:N0} runs and a {LongSeriesPoints:N0}-point series in {clock.Elapsed.TotalSeconds:F1} s");

        int warmUp = settings.Choose(3, 5);
        int repeats = settings.Choose(10, 30);
        var table = new ResultTable(
            "pages",
            $"Server response time with {StoredRuns:N0} runs stored ({repeats} requests after {warmUp} warm-up requests)",
            "request", "median ms", "mean ms", "95% CI ms", "min ms", "max ms", "response KiB");
        await using (var server = await DashboardServerProcess.StartAsync(folder.Path))
        {
            using var client = server.CreateClient();
            var runsPage = await TimeRequestsAsync(client, "runs", warmUp, repeats);
            table.AddRow("GET /runs", runsPage.Times.Median, runsPage.Times.Mean, runsPage.Times.ConfidenceHalfWidth, runsPage.Times.Min, runsPage.Times.Max, runsPage.Kibibytes);
            report.Target($"GET /runs with {StoredRuns:N0} runs (median)", runsPage.Times.Median, 300, "ms", lowerIsBetter: true);

            var runPage = await TimeRequestsAsync(client, $"runs/{longRunId}", warmUp, repeats);
            table.AddRow($"GET /runs/{{id}} ({LongSeriesPoints:N0} points)", runPage.Times.Median, runPage.Times.Mean, runPage.Times.ConfidenceHalfWidth, runPage.Times.Min, runPage.Times.Max, runPage.Kibibytes);
            if (!runsPage.Body.Contains("stored run", StringComparison.Ordinal))
            {
                table.Notes.Add("The prerendered runs page holds no table rows: MudTable loads its server data once the circuit starts. The browser rows below include that.");
            }

            await using var browser = await HeadlessChromium.LaunchAsync();
            int browserRepeats = settings.Choose(5, 15);
            var rowsShown = await TimeInBrowserAsync(browser, new Uri(server.BaseAddress, "runs"), page =>
                page.GetByText($"stored run {StoredRuns}", new() { Exact = true }).WaitForAsync(), browserRepeats);
            table.AddRow("browser: /runs until the newest run's row shows", rowsShown.Median, rowsShown.Mean, rowsShown.ConfidenceHalfWidth, rowsShown.Min, rowsShown.Max, double.NaN);
            var chartShown = await TimeInBrowserAsync(browser, new Uri(server.BaseAddress, $"runs/{longRunId}"), HeadlessChromium.WaitForChartPointsAsync, browserRepeats);
            table.AddRow($"browser: run page until its {LongSeriesPoints:N0}-point chart draws", chartShown.Median, chartShown.Mean, chartShown.ConfidenceHalfWidth, chartShown.Min, chartShown.Max, double.NaN);
            table.Notes.Add($"Browser rows: headless Chromium, a new context per load, {browserRepeats} loads after one warm-up load; time from navigation start, so they include the circuit's start.");
        }

        table.Notes.Add("Both pages are prerendered on the server; the run page reads its metric history only once its circuit starts (see the chart-data table for that read).");
        using (var seeder = new RunSeeder(folder.Path))
        {
            var query = TimeQueries(seeder.Runs, new RunQuery { Take = 25 }, warmUp, repeats);
            table.AddRow("run query: newest 25 (runs table, first page)", query.Median, query.Mean, query.ConfidenceHalfWidth, query.Min, query.Max, double.NaN);
            var search = TimeQueries(seeder.Runs, new RunQuery { Take = 25, Search = "run 99" }, warmUp, repeats);
            table.AddRow("run query: search \"run 99\", newest 25", search.Median, search.Mean, search.ConfidenceHalfWidth, search.Min, search.Max, double.NaN);
            var last = TimeQueries(seeder.Runs, new RunQuery { Take = 25, Skip = StoredRuns - 25 }, warmUp, repeats);
            table.AddRow("run query: last page of 25", last.Median, last.Mean, last.ConfidenceHalfWidth, last.Min, last.Max, double.NaN);
        }

        table.Notes.Add("Run queries call LiteDbRunStore.Query in this process on the same file after the server stopped, as the runs table's ServerData does.");
        report.Add(table);
    }

    private static async Task<(Statistics Times, string Body, double Kibibytes)> TimeRequestsAsync(HttpClient client, string path, int warmUp, int repeats)
    {
        var times = new List<double>();
        string body = "";
        for (int i = 0; i < warmUp + repeats; i++)
        {
            long start = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(path);
            body = await response.Content.ReadAsStringAsync();
            var elapsed = Stopwatch.GetElapsedTime(start);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"GET /{path} returned HTTP {(int)response.StatusCode}.");
            }

            if (i >= warmUp)
            {
                times.Add(elapsed.TotalMilliseconds);
            }
        }

        return (Statistics.Of(times), body, System.Text.Encoding.UTF8.GetByteCount(body) / 1024.0);
    }

    private static async Task<Statistics> TimeInBrowserAsync(HeadlessChromium browser, Uri address, Func<Microsoft.Playwright.IPage, Task> waitUntilShown, int repeats)
    {
        var times = new List<double>();
        for (int i = 0; i <= repeats; i++)
        {
            var page = await browser.NewPageAsync();
            long start = Stopwatch.GetTimestamp();
            await page.GotoAsync(address.ToString());
            await waitUntilShown(page);
            var elapsed = Stopwatch.GetElapsedTime(start);
            await page.Context.CloseAsync();
            if (i > 0)
            {
                times.Add(elapsed.TotalMilliseconds);
            }
        }

        return Statistics.Of(times);
    }

    private static Statistics TimeQueries(LiteDbRunStore runs, RunQuery query, int warmUp, int repeats)
    {
        var times = new List<double>();
        for (int i = 0; i < warmUp + repeats; i++)
        {
            long start = Stopwatch.GetTimestamp();
            var page = runs.Query(query);
            var elapsed = Stopwatch.GetElapsedTime(start);
            if (page.Items.Count == 0)
            {
                throw new InvalidOperationException($"The run query {query} returned no runs.");
            }

            if (i >= warmUp)
            {
                times.Add(elapsed.TotalMilliseconds);
            }
        }

        return Statistics.Of(times);
    }

    private static void MeasureFileSize(BenchmarkSettings settings, ResultReport report)
    {
        var table = new ResultTable(
            "file-size",
            "LiteDB file size per million metric points (data file plus write-ahead log, after a checkpoint)",
            "append pattern", "points", "seconds", "MiB added", "MiB per million points", "bytes per point");
        AddFileSizeRow(table, "appends of 10,000 points", LongSeriesPoints, 10_000);

        // One run flushed every 150 ms at 100 points/s: each append rewrites the metric's open chunk.
        AddFileSizeRow(table, "appends of 15 points (one flush at 100 points/s)", settings.Choose(200_000, LongSeriesPoints), 15);
        table.Notes.Add("A metric chunk holds up to 1,024 points as four packed columns of 8 bytes per point.");
        report.Add(table);
    }

    private static void AddFileSizeRow(ResultTable table, string pattern, int points, int pointsPerAppend)
    {
        using var database = new TemporaryDatabase("size");
        database.Storage.Checkpoint();
        long before = DatabaseBytes(database.Folder);
        var store = new LiteDbMetricStore(database.Storage);
        var clock = Stopwatch.StartNew();
        for (int first = 0; first < points; first += pointsPerAppend)
        {
            store.Append("run-size", [SyntheticSeries.Loss("train/loss", first, Math.Min(pointsPerAppend, points - first))]);
        }

        double seconds = clock.Elapsed.TotalSeconds;
        database.Storage.Checkpoint();
        double added = DatabaseBytes(database.Folder) - before;
        table.AddRow(pattern, points, seconds, added / (1024 * 1024), added / (1024 * 1024) / (points / 1e6), added / points);
    }

    private static long DatabaseBytes(string folder) =>
        Directory.EnumerateFiles(folder, "dashboard*.db").Sum(file => new FileInfo(file).Length);
}
