using Dashboard.Core.Protocol;
using Dashboard.Web.Live;

namespace Dashboard.Web.Components.Runs;

/// <summary>
/// A page's copy of one run: its latest status and every metric point, filled from the live feed.
/// <see cref="Changed"/> fires on the feed's thread; pages coalesce it into a few renders per second.
/// </summary>
public sealed class LiveRunData : IRunFeedListener
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, MetricSeriesBuffer> _series = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public event Action? Changed;

    public RunStatusMessage? Status { get; private set; }

    public IReadOnlyList<MetricSeriesBuffer> Series
    {
        get
        {
            lock (_gate)
            {
                return [.. _order.Select(m => _series[m])];
            }
        }
    }

    public void OnHistory(RunHistoryMessage history)
    {
        Status = history.Run;
        Append(history.Metrics);
    }

    public void OnMetrics(RunMetricsMessage message)
    {
        Append(message.Batches);
        Changed?.Invoke();
    }

    public void OnStatus(RunStatusMessage message)
    {
        Status = message;
        Changed?.Invoke();
    }

    private void Append(IReadOnlyList<Core.Metrics.MetricBatch> batches)
    {
        foreach (var batch in batches)
        {
            MetricSeriesBuffer? buffer;
            lock (_gate)
            {
                if (!_series.TryGetValue(batch.Metric, out buffer))
                {
                    buffer = new MetricSeriesBuffer(batch.Metric);
                    _series[batch.Metric] = buffer;
                    _order.Add(batch.Metric);
                }
            }

            buffer.Append(batch);
        }
    }
}
