using System.Diagnostics;
using Dashboard.Web.Benchmarks.Infrastructure;
using Dashboard.Web.Benchmarks.Pages;
using Microsoft.Playwright;

namespace Dashboard.Web.Benchmarks.Memory;

/// <summary>
/// The server's resident memory with many run pages open: each page is a headless Chromium tab in its own
/// browser context, so each has its own Blazor circuit, run feed subscription and chart buffers. Each run
/// has the metric history of one default backdoor run (5 epochs of 469 steps).
/// </summary>
public static class CircuitMemoryBenchmark
{
    public const string Command = "memory";

    /// <summary>Time after the last page opens before memory is read, so that the last circuits settle.</summary>
    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(BenchmarkSettings settings, ResultReport report)
    {
        int pages = settings.Pages > 0 ? settings.Pages : settings.Choose(10, 50);
        using var folder = new DataFolder("memory");
        List<string> runIds;
        using (var seeder = new RunSeeder(folder.Path))
        {
            runIds = seeder.AddRuns(pages, "memory run");
            foreach (string runId in runIds)
            {
                seeder.AddDefaultHistory(runId);
            }
        }

        await using var server = await DashboardServerProcess.StartAsync(folder.Path);
        var table = new ResultTable(
            "memory",
            $"Server resident memory with open run pages (headless Chromium, one browser context per page)",
            "state", "open pages", "server RSS MiB", "seconds to open");
        await Task.Delay(SettleTime);
        table.AddRow("started, no page requested", 0, server.ResidentMebibytes(), double.NaN);

        await using var browser = await HeadlessChromium.LaunchAsync();
        var openPages = new List<IPage>();
        var clock = Stopwatch.StartNew();
        double afterFirst = double.NaN;
        try
        {
            foreach (string runId in runIds)
            {
                var page = await browser.NewPageAsync();
                openPages.Add(page);
                await page.GotoAsync(new Uri(server.BaseAddress, $"runs/{runId}").ToString());
                await HeadlessChromium.WaitForChartPointsAsync(page);
                if (openPages.Count == 1)
                {
                    await Task.Delay(SettleTime);
                    afterFirst = server.ResidentMebibytes();
                    table.AddRow("1 run page open", 1, afterFirst, clock.Elapsed.TotalSeconds);
                    clock.Restart();
                }
            }

            double openSeconds = clock.Elapsed.TotalSeconds;
            await Task.Delay(SettleTime);
            double afterAll = server.ResidentMebibytes();
            table.AddRow($"{pages} run pages open", pages, afterAll, openSeconds);
            if (pages > 1)
            {
                double perPage = (afterAll - afterFirst) / (pages - 1);
                table.Notes.Add($"Each page after the first added {perPage:F1} MiB of server RSS on average.");
            }

            foreach (var page in openPages)
            {
                await page.Context.CloseAsync();
            }

            openPages.Clear();
            await Task.Delay(SettleTime);
            table.AddRow("all pages closed", 0, server.ResidentMebibytes(), double.NaN);
        }
        finally
        {
            foreach (var page in openPages)
            {
                await page.Context.CloseAsync();
            }
        }

        table.Notes.Add("A page counts as open once its chart has drawn points, which needs a live circuit that has read the run's history.");
        table.Notes.Add("RSS is read from /proc/PID/status (VmRSS) of the server process only; the garbage collector decides when freed memory is returned.");
        report.Add(table);
    }
}
