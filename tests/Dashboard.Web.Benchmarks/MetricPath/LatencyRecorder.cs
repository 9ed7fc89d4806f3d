using System.Diagnostics;
using Dashboard.Core.Metrics;

namespace Dashboard.Web.Benchmarks.MetricPath;

/// <summary>
/// Collects, across all subscribers, the report-to-receipt latency of every point received while recording
/// is on, and counts every received point of the throughput metric.
/// </summary>
public sealed class LatencyRecorder
{
    private readonly Lock _gate = new();
    private readonly List<double> _latencies = [];
    private volatile bool _recording;
    private long _throughputPoints;
    private long _lastThroughputReceipt;

    public long ThroughputPoints => Interlocked.Read(ref _throughputPoints);

    /// <summary>Stopwatch timestamp of the last received throughput point.</summary>
    public long LastThroughputReceipt => Interlocked.Read(ref _lastThroughputReceipt);

    public void Start()
    {
        lock (_gate)
        {
            _latencies.Clear();
        }

        _recording = true;
    }

    /// <summary>Stops recording and returns the latencies in milliseconds.</summary>
    public List<double> Stop()
    {
        _recording = false;
        lock (_gate)
        {
            return [.. _latencies];
        }
    }

    public void Receive(MetricBatch batch, long receivedAt)
    {
        if (batch.Metric == LoadGenerator.ThroughputMetric)
        {
            Interlocked.Add(ref _throughputPoints, batch.Count);
            Interlocked.Exchange(ref _lastThroughputReceipt, receivedAt);
            return;
        }

        if (!_recording || batch.Metric != LoadGenerator.Metric)
        {
            return;
        }

        lock (_gate)
        {
            foreach (double reportedAt in batch.Values)
            {
                _latencies.Add(Stopwatch.GetElapsedTime((long)reportedAt, receivedAt).TotalMilliseconds);
            }
        }
    }
}
