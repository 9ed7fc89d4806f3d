using System.Diagnostics;
using Dashboard.Web.Benchmarks.Infrastructure;

namespace Dashboard.Web.Benchmarks.MetricPath;

/// <summary>
/// The metric path end to end: simulated workers report through <see cref="Dashboard.Worker.WorkerRunContext"/>
/// to the runs hub of a real server process, which queues, merges, stores in LiteDB and broadcasts the points;
/// hub subscribers in this process measure when each point arrives.
/// </summary>
public static class MetricPathBenchmark
{
    public const string Command = "metrics";

    private const int PointsPerSecondPerRun = 100;
    private static readonly int[] RunCounts = [1, 10, 50];
    private static readonly int[] SubscriberCounts = [1, 20];

    public static async Task RunAsync(BenchmarkSettings settings, ResultReport report)
    {
        int maxRuns = RunCounts.Max();
        using var folder = new DataFolder("metrics");
        await using var server = await DashboardServerProcess.StartAsync(folder.Path, SimulatedWorkerFleet.ServerSettings(folder.Path, maxRuns));
        Console.WriteLine($"Server PID {server.ProcessId} at {server.BaseAddress}; launching {maxRuns} runs with stand-in workers");
        await using var fleet = await SimulatedWorkerFleet.StartAsync(server, maxRuns);

        var recorder = new LatencyRecorder();
        var subscribers = new List<FeedSubscriber>();
        try
        {
            for (int i = 0; i < SubscriberCounts.Max(); i++)
            {
                subscribers.Add(await FeedSubscriber.ConnectAsync(server.BaseAddress, recorder));
            }

            await MeasureLatencyAsync(settings, report, fleet, subscribers, recorder);
            await MeasureThroughputAsync(settings, report, fleet, subscribers[0], recorder, server);
        }
        finally
        {
            foreach (var subscriber in subscribers)
            {
                await subscriber.DisposeAsync();
            }
        }
    }

    private static async Task MeasureLatencyAsync(
        BenchmarkSettings settings,
        ResultReport report,
        SimulatedWorkerFleet fleet,
        List<FeedSubscriber> subscribers,
        LatencyRecorder recorder)
    {
        var warmUp = TimeSpan.FromSeconds(settings.Choose(2, 5));
        var window = TimeSpan.FromSeconds(settings.Choose(6, 30));
        var table = new ResultTable(
            "latency",
            $"Report-to-subscriber latency ({PointsPerSecondPerRun} points/s per run, {window.TotalSeconds:F0} s window after {warmUp.TotalSeconds:F0} s warm-up)",
            "runs", "subscribers", "points/s reported", "points/s received", "p50 ms", "p95 ms", "p99 ms", "max ms", "samples");
        table.Notes.Add("Each subscriber is one SignalR connection to /hubs/runs subscribed to every run of the row, so points/s received = reported x subscribers.");
        table.Notes.Add("Latency runs from WorkerRunContext.ReportMetric in the simulated worker to the RunMetrics message at the subscriber. It includes the worker's 100 ms send interval and the server's 150 ms flush interval.");
        table.Notes.Add("With one run, the worker's send timer and the server's flush timer keep one phase for the whole window, so p50 of that row can shift by tens of milliseconds between invocations. With many runs the phases spread.");
        table.Notes.Add("Workers and subscribers run in the benchmark process and share the machine's cores with the server. Run pages subscribe in-process (LiveRunFeed.SubscribeAsync) after the same flush, without the SignalR hop to a client.");

        foreach (int runs in RunCounts)
        {
            foreach (int subscriberCount in SubscriberCounts)
            {
                var workers = fleet.Workers.Take(runs).ToList();
                var cellSubscribers = subscribers.Take(subscriberCount).ToList();
                foreach (var subscriber in cellSubscribers)
                {
                    foreach (var worker in workers)
                    {
                        await subscriber.SubscribeAsync(worker.RunId);
                    }
                }

                List<double> latencies;
                using (new LoadGenerator(workers, PointsPerSecondPerRun))
                {
                    await Task.Delay(warmUp);
                    recorder.Start();
                    await Task.Delay(window);

                    // Points reported near the end of the window still arrive within the next flushes.
                    await Task.Delay(TimeSpan.FromSeconds(1));
                    latencies = recorder.Stop();
                }

                foreach (var subscriber in cellSubscribers)
                {
                    foreach (var worker in workers)
                    {
                        await subscriber.UnsubscribeAsync(worker.RunId);
                    }
                }

                double reported = runs * PointsPerSecondPerRun;
                if (latencies.Count == 0)
                {
                    table.AddRow(runs, subscriberCount, reported, 0.0, double.NaN, double.NaN, double.NaN, double.NaN, 0);
                    continue;
                }

                var statistics = Statistics.Of(latencies);
                double received = latencies.Count / (window.TotalSeconds + 1);
                table.AddRow(runs, subscriberCount, reported, received, statistics.Median, statistics.P95, statistics.P99, statistics.Max, latencies.Count);
                Console.WriteLine($"  {runs} runs, {subscriberCount} subscribers: p50 {statistics.Median:F0} ms, p95 {statistics.P95:F0} ms, p99 {statistics.P99:F0} ms");
                if (runs == 10 && subscriberCount == 20)
                {
                    report.Target("latency p95, 10 runs x 100 points/s, 20 subscribers", statistics.P95, 250, "ms", lowerIsBetter: true);
                }
            }
        }

        report.Add(table);
    }

    private static async Task MeasureThroughputAsync(
        BenchmarkSettings settings,
        ResultReport report,
        SimulatedWorkerFleet fleet,
        FeedSubscriber subscriber,
        LatencyRecorder recorder,
        DashboardServerProcess server)
    {
        const int runs = 10;
        int pointsPerRun = settings.Choose(50_000, 200_000);
        int repeats = settings.Choose(2, 5);
        var workers = fleet.Workers.Take(runs).ToList();
        foreach (var worker in workers)
        {
            await subscriber.SubscribeAsync(worker.RunId);
        }

        var table = new ResultTable(
            "throughput",
            $"End-to-end throughput: {runs} runs report {pointsPerRun:N0} points each as fast as possible, one subscriber",
            "repeat", "points", "report s", "end-to-end s", "points/s", "server RSS MiB");
        table.Notes.Add("End-to-end time runs from the first report call until the subscriber has received every point of the burst. A point reaches subscribers only after it is stored in LiteDB.");
        var rates = new List<double>();
        for (int repeat = 1; repeat <= repeats; repeat++)
        {
            long total = (long)runs * pointsPerRun;
            long before = recorder.ThroughputPoints;
            long start = Stopwatch.GetTimestamp();
            LoadGenerator.ReportAll(workers, pointsPerRun);
            var reportTime = Stopwatch.GetElapsedTime(start);

            var deadline = Stopwatch.StartNew();
            while (recorder.ThroughputPoints - before < total && deadline.Elapsed < TimeSpan.FromMinutes(3))
            {
                await Task.Delay(20);
            }

            long received = recorder.ThroughputPoints - before;
            if (received < total)
            {
                table.Notes.Add($"Repeat {repeat}: only {received:N0} of {total:N0} points arrived within 3 minutes.");
                continue;
            }

            var endToEnd = Stopwatch.GetElapsedTime(start, recorder.LastThroughputReceipt);
            double rate = total / endToEnd.TotalSeconds;
            rates.Add(rate);
            table.AddRow(repeat, total, reportTime.TotalSeconds, endToEnd.TotalSeconds, rate, server.ResidentMebibytes());
        }

        foreach (var worker in workers)
        {
            await subscriber.UnsubscribeAsync(worker.RunId);
        }

        if (rates.Count > 0)
        {
            var statistics = Statistics.Of(rates);
            table.Notes.Add($"Median {statistics.Median:N0} points/s (min {statistics.Min:N0}, max {statistics.Max:N0}).");
            report.Target("end-to-end throughput (report, store, broadcast)", statistics.Median, 100_000, "points/s", lowerIsBetter: false);
        }

        report.Add(table);
    }
}
