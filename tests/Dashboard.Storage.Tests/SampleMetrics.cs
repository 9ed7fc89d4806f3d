using Dashboard.Core.Metrics;

namespace Dashboard.Storage.Tests;

/// <summary>Metric batches with values that identify their metric and position, so mix-ups show in asserts.</summary>
public static class SampleMetrics
{
    public static MetricBatch Batch(string metric, long firstStep, int count, double metricCode = 0)
    {
        var points = new List<MetricPoint>(count);
        for (int i = 0; i < count; i++)
        {
            long step = firstStep + i;
            points.Add(new MetricPoint(step, step / 100.0, metricCode + step * 0.001, 1_700_000_000_000 + step));
        }

        return MetricBatch.FromPoints(metric, points);
    }
}
