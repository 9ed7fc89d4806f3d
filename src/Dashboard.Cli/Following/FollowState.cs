using Dashboard.Core.Metrics;
using Dashboard.Core.Protocol;
using Dashboard.Core.Runs;

namespace Dashboard.Cli.Following;

/// <summary>
/// The state a follower tracks for one run: its latest status and the latest value of each metric. Points already
/// seen are skipped, so the history sent again after a reconnect adds nothing twice.
/// </summary>
internal sealed class FollowState(string runId)
{
    private readonly SortedDictionary<string, MetricPoint> _latest = new(StringComparer.Ordinal);

    public string RunId { get; } = runId;

    public RunStatusMessage? Run { get; private set; }

    /// <summary>Latest point of every metric, by metric name.</summary>
    public IReadOnlyDictionary<string, MetricPoint> Latest => _latest;

    /// <summary>Highest training step among all points seen.</summary>
    public long Step { get; private set; }

    /// <summary>Epoch position of the point at <see cref="Step"/>.</summary>
    public double Epoch { get; private set; }

    public bool HasEnded => Run?.Status.IsFinal() == true;

    public void Apply(RunStatusMessage status) => Run = status;

    /// <summary>Takes the new points of <paramref name="batches"/> and returns the latest new point of each metric that had any.</summary>
    public IReadOnlyList<(string Metric, MetricPoint Point)> Apply(IReadOnlyList<MetricBatch> batches)
    {
        var updated = new List<(string Metric, MetricPoint Point)>();
        foreach (var batch in batches)
        {
            MetricPoint? newest = null;
            foreach (var point in batch.Points())
            {
                if (_latest.TryGetValue(batch.Metric, out var known) && (point.Step, point.TimestampMs).CompareTo((known.Step, known.TimestampMs)) <= 0)
                {
                    continue;
                }

                _latest[batch.Metric] = point;
                newest = point;
                if (point.Step >= Step)
                {
                    Step = point.Step;
                    Epoch = point.Epoch;
                }
            }

            if (newest is { } last)
            {
                updated.Add((batch.Metric, last));
            }
        }

        return updated;
    }
}
