using System.Diagnostics;
using Dashboard.Web.Benchmarks.Infrastructure;

namespace Dashboard.Web.Benchmarks.MetricPath;

/// <summary>
/// Stands in for the training loops of several runs: on one dedicated thread it calls
/// <see cref="Dashboard.Worker.WorkerRunContext.ReportMetric"/> for each run at a fixed rate, as a training
/// loop does once per step. Each value is the <see cref="Stopwatch"/> timestamp of its report call.
/// </summary>
public sealed class LoadGenerator : IDisposable
{
    /// <summary>Metric whose values are report timestamps, for latency.</summary>
    public const string Metric = "bench/report_time";

    /// <summary>Metric reported as fast as possible, for throughput.</summary>
    public const string ThroughputMetric = "bench/throughput";

    private readonly IReadOnlyList<SimulatedWorker> _workers;
    private readonly double _pointsPerSecond;
    private readonly Thread _thread;
    private volatile bool _stop;
    // Shared by all generators so that a run's steps keep increasing from one measurement to the next.
    private static long s_step;

    /// <summary>Starts reporting <paramref name="pointsPerSecond"/> points per second to each of <paramref name="workers"/>.</summary>
    public LoadGenerator(IReadOnlyList<SimulatedWorker> workers, double pointsPerSecond)
    {
        _workers = workers;
        _pointsPerSecond = pointsPerSecond;
        _thread = new Thread(Loop) { IsBackground = true, Name = "load generator" };
        _thread.Start();
    }

    /// <summary>Reports <paramref name="pointsPerRun"/> throughput points to each worker as fast as the calling thread can.</summary>
    public static void ReportAll(IReadOnlyList<SimulatedWorker> workers, int pointsPerRun)
    {
        for (int step = 0; step < pointsPerRun; step++)
        {
            foreach (var worker in workers)
            {
                worker.Context.ReportMetric(ThroughputMetric, step, step / 469.0, step);
            }
        }
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }

    private void Loop()
    {
        var clock = Stopwatch.StartNew();
        long reported = 0;
        while (!_stop)
        {
            // Catches up after a late wake-up, so that each run gets the set rate on average.
            long due = (long)(clock.Elapsed.TotalSeconds * _pointsPerSecond);
            for (; reported < due; reported++)
            {
                long step = Interlocked.Increment(ref s_step);
                foreach (var worker in _workers)
                {
                    worker.Context.ReportMetric(Metric, step, step / 469.0, Stopwatch.GetTimestamp());
                }
            }

            Thread.Sleep(1);
        }
    }
}
