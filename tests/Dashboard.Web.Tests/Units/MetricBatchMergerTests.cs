using Dashboard.Core.Metrics;
using Dashboard.Web.Live;

namespace Dashboard.Web.Tests.Units;

public sealed class MetricBatchMergerTests
{
    [Fact]
    public void MergesBatchesPerMetricInArrivalOrder()
    {
        MetricBatch[] batches =
        [
            Batch("train/loss", 1, 2),
            Batch("test/clean_accuracy", 2),
            Batch("train/loss", 3, 4),
        ];

        var merged = MetricBatchMerger.MergeByMetric(batches);

        Assert.Equal(["train/loss", "test/clean_accuracy"], merged.Select(b => b.Metric));
        Assert.Equal([1L, 2L, 3L, 4L], merged[0].Steps);
        Assert.Null(merged[0].Validate());
    }

    private static MetricBatch Batch(string metric, params long[] steps) =>
        MetricBatch.FromPoints(metric, [.. steps.Select(step => new MetricPoint(step, step / 10.0, step * 0.5, step * 1000))]);
}
