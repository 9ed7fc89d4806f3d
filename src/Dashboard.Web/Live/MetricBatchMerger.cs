using Dashboard.Core.Metrics;

namespace Dashboard.Web.Live;

/// <summary>Joins queued batches into one batch per metric, keeping each metric's points in arrival order.</summary>
public static class MetricBatchMerger
{
    public static IReadOnlyList<MetricBatch> MergeByMetric(IReadOnlyList<MetricBatch> batches)
    {
        var groups = new Dictionary<string, List<MetricBatch>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var batch in batches)
        {
            if (!groups.TryGetValue(batch.Metric, out var group))
            {
                group = [];
                groups[batch.Metric] = group;
                order.Add(batch.Metric);
            }

            group.Add(batch);
        }

        return order.Select(metric => Concatenate(metric, groups[metric])).ToList();
    }

    private static MetricBatch Concatenate(string metric, List<MetricBatch> parts)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }

        return new MetricBatch
        {
            Metric = metric,
            Steps = [.. parts.SelectMany(p => p.Steps)],
            Epochs = [.. parts.SelectMany(p => p.Epochs)],
            Values = [.. parts.SelectMany(p => p.Values)],
            Timestamps = [.. parts.SelectMany(p => p.Timestamps)],
        };
    }
}
