using Dashboard.Core.Metrics;

namespace Dashboard.Storage.Tests;

public sealed class MetricDeletionAfterStepTests : IDisposable
{
    private const int PointsPerChunk = 64;

    private readonly TemporaryStorage _temporary = new(metricPointsPerChunk: PointsPerChunk);
    private readonly LiteDbMetricStore _store;

    public MetricDeletionAfterStepTests()
    {
        _store = new LiteDbMetricStore(_temporary.Storage);
    }

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void PointsAfterStepRemoved()
    {
        _store.Append("run1", [SampleMetrics.Batch("train/loss", 1, 300)]);

        long removed = _store.DeletePointsAfter("run1", 150, []);

        Assert.Equal(150, removed);
        Assert.Equal(Enumerable.Range(1, 150).Select(step => (long)step), _store.Read("run1", "train/loss")!.Steps);
    }

    [Fact]
    public void KeptMetricsUntouched()
    {
        _store.Append("run1", [SampleMetrics.Batch("defence/train/loss", 1, 200), SampleMetrics.Batch("train/loss", 1, 100)]);

        _store.DeletePointsAfter("run1", 40, ["defence/*"]);

        Assert.Equal(200, _store.Read("run1", "defence/train/loss")!.Count);
        Assert.Equal(40, _store.Read("run1", "train/loss")!.Count);
    }

    [Fact]
    public void AppendContinuesAfterDeletion()
    {
        _store.Append("run1", [SampleMetrics.Batch("train/loss", 1, 300)]);
        _store.DeletePointsAfter("run1", 100, []);

        _store.Append("run1", [SampleMetrics.Batch("train/loss", 101, 50)]);

        Assert.Equal(Enumerable.Range(1, 150).Select(step => (long)step), _store.Read("run1", "train/loss")!.Steps);
        Assert.Equal(150, _store.CountPoints("run1"));
    }

    [Fact]
    public void MetricWithNoPointLeftDisappears()
    {
        _store.Append("run1", [SampleMetrics.Batch("train/loss", 1, 10), SampleMetrics.Batch("test/accuracy", 20, 5)]);

        _store.DeletePointsAfter("run1", 10, []);

        Assert.Equal(["train/loss"], _store.ListMetrics("run1"));
    }

    [Fact]
    public void OtherRunsUntouched()
    {
        _store.Append("run1", [SampleMetrics.Batch("train/loss", 1, 100)]);
        _store.Append("run2", [SampleMetrics.Batch("train/loss", 1, 100)]);

        _store.DeletePointsAfter("run1", 10, []);

        Assert.Equal(100, _store.CountPoints("run2"));
    }

    [Fact]
    public void NothingAfterStepRemovesNothing()
    {
        _store.Append("run1", [SampleMetrics.Batch("train/loss", 1, 100)]);

        Assert.Equal(0, _store.DeletePointsAfter("run1", 100, []));
    }
}
