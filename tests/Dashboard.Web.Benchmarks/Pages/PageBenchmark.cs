using System.Diagnostics;
using Dashboard.Storage;
using Dashboard.Web.Benchmarks.Infrastructure;
using Dashboard.Web.Benchmarks.Storage;

namespace Dashboard.Web.Benchmarks.Pages;

/// <summary>
/// Storage and pages at scale: the LiteDB file size per million metric points, the server's response time for
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
            AddRow(table, "GET /runs", runsPage.Times, runsPage.Kibibytes);
            report.Target($"GET /runs with {StoredRuns:N0} runs (median)", runsPage.Times.Median, 300, "ms", lowerIsBetter: true);

            var runPage = await TimeRequestsAsync(client, $"runs/{longRunId}", warmUp, repeats);
            AddRow(table, $"GET /runs/{{id}} ({LongSeriesPoints:N0} points)", runPage.Times, runPage.Kibibytes);
            if (!runsPage.Body.Contains("stored run", StringComparison.Ordinal))
            {
                table.Notes.Add("The prerendered runs page holds no table rows: MudTable loads its server data once the circuit starts. The browser rows below include that.");
            }

            await using var browser = await HeadlessChromium.LaunchAsync();
            int browserRepeats = settings.Choose(5, 15);
            var (rowsShown, runsConnected) = await TimeInBrowserAsync(browser, new Uri(server.BaseAddress, "runs"), page =>
                page.GetByText($"stored run {StoredRuns}", new() { Exact = true }).WaitForAsync(), browserRepeats);
            AddRow(table, "browser: /runs until its circuit's WebSocket opens", runsConnected, double.NaN);
            AddRow(table, "browser: /runs until the newest run's row shows", rowsShown, double.NaN);
            var (chartShown, runConnected) = await TimeInBrowserAsync(browser, new Uri(server.BaseAddress, $"runs/{longRunId}"), HeadlessChromium.WaitForChartPointsAsync, browserRepeats);
            AddRow(table, "browser: run page until its circuit's WebSocket opens", runConnected, double.NaN);
            AddRow(table, $"browser: run page until its {LongSeriesPoints:N0}-point chart draws", chartShown, double.NaN);
            table.Notes.Add($"Browser rows: headless Chromium, a new context per load, {browserRepeats} loads after one warm-up load; time from navigation start, so they include the circuit's start.");
        }

        table.Notes.Add("Both pages are prerendered on the server; the run page reads its metric history only once its circuit starts (see the chart-data table for that read).");
        using (var seeder = new RunSeeder(folder.Path))
        {
            AddRow(table, "run query: newest 25 (runs table, first page)", TimeQueries(seeder.Runs, new RunQuery { Take = 25 }, warmUp, repeats), double.NaN);
            AddRow(table, "run query: search \"run 99\", newest 25", TimeQueries(seeder.Runs, new RunQuery { Take = 25, Search = "run 99" }, warmUp, repeats), double.NaN);
            AddRow(table, "run query: last page of 25", TimeQueries(seeder.Runs, new RunQuery { Take = 25, Skip = StoredRuns - 25 }, warmUp, repeats), double.NaN);
        }

        table.Notes.Add("Run queries call LiteDbRunStore.Query in this process on the same file after the server stopped, as the runs table's ServerData does.");
        report.Add(table);
    }

    private static void AddRow(ResultTable table, string request, Statistics times, double kibibytes) =>
        table.AddRow(request, times.Median, times.Mean, times.ConfidenceHalfWidth, times.Min, times.Max, kibibytes);

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

    /// <summary>
    /// Loads <paramref name="address"/> in a new browser context <paramref name="repeats"/> times after one warm-up
    /// load. Returns the time from navigation start until <paramref name="waitUntilShown"/> completes, and until the
    /// page's Blazor WebSocket (<c>/_blazor</c>) opened.
    /// </summary>
    private static async Task<(Statistics Shown, Statistics Connected)> TimeInBrowserAsync(
        HeadlessChromium browser, Uri address, Func<Microsoft.Playwright.IPage, Task> waitUntilShown, int repeats)
    {
        var shown = new List<double>();
        var connected = new List<double>();
        for (int i = 0; i <= repeats; i++)
        {
            var page = await browser.NewPageAsync();
            long start = Stopwatch.GetTimestamp();
            long connectedAt = 0;
            page.WebSocket += (_, socket) =>
            {
                if (socket.Url.Contains("/_blazor", StringComparison.Ordinal))
                {
                    Interlocked.CompareExchange(ref connectedAt, Stopwatch.GetTimestamp(), 0);
                }
            };

            await page.GotoAsync(address.ToString());
            await waitUntilShown(page);
            var elapsed = Stopwatch.GetElapsedTime(start);
            await page.Context.CloseAsync();
            if (i > 0)
            {
                shown.Add(elapsed.TotalMilliseconds);
                if (connectedAt != 0)
                {
                    connected.Add(Stopwatch.GetElapsedTime(start, connectedAt).TotalMilliseconds);
                }
            }
        }

        return (Statistics.Of(shown), connected.Count > 0 ? Statistics.Of(connected) : Statistics.None);
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
