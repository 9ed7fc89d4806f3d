using Dashboard.Core.Metrics;

namespace Dashboard.Storage;

/// <summary>Metric history of runs, stored in chunks of many points. Implementations are thread-safe.</summary>
public interface IMetricStore
{
    /// <summary>Appends the batches in order, all in one LiteDB transaction: either every point is stored or none.</summary>
    void Append(string runId, IReadOnlyList<MetricBatch> batches);

    /// <summary>Returns the full history of every metric of the run, one batch per metric, points in append order.</summary>
    IReadOnlyList<MetricBatch> Read(string runId);

    /// <summary>Returns the full history of one metric, or null if the run has no point of it.</summary>
    MetricBatch? Read(string runId, string metric);

    /// <summary>Returns the names of the run's metrics in ordinal order.</summary>
    IReadOnlyList<string> ListMetrics(string runId);

    long CountPoints(string runId);

    /// <summary>
    /// Removes, in one transaction, every point of the run whose step is after <paramref name="step"/>, except
    /// points of metrics matching one of <paramref name="keptMetrics"/> (names, or prefixes ending in <c>*</c>).
    /// Returns the number of points removed. A resumed run uses it to drop what was reported after its checkpoint.
    /// </summary>
    long DeletePointsAfter(string runId, long step, IReadOnlyList<string> keptMetrics);

    /// <summary>Removes every point of the run in one transaction; returns the number of chunk documents removed.</summary>
    int DeleteRun(string runId);
}
