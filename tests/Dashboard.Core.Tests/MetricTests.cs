using Dashboard.Core.Metrics;
using Dashboard.Core.Runs;

namespace Dashboard.Core.Tests;

public sealed class MetricTests
{
    [Theory]
    [InlineData("test/asr/*", "test/asr/patch", true)]
    [InlineData("test/asr/*", "test/asrx", false)]
    [InlineData("train/loss", "train/loss", true)]
    [InlineData("train/loss", "train/loss2", false)]
    public void MatchesExactNamesAndPrefixes(string pattern, string metric, bool expected)
    {
        Assert.Equal(expected, MetricNames.Matches(pattern, metric));
    }

    [Theory]
    [InlineData("train/loss", true)]
    [InlineData("test/asr/patch#2", true)]
    [InlineData("", false)]
    [InlineData("loss value", false)]
    public void ValidatesNames(string name, bool expected)
    {
        Assert.Equal(expected, MetricNames.IsValid(name));
    }

    [Fact]
    public void BatchWithUnevenColumnsIsInvalid()
    {
        var batch = new MetricBatch { Metric = "train/loss", Steps = [1, 2], Epochs = [0.1], Values = [1, 2], Timestamps = [1, 2] };

        Assert.Contains("different lengths", batch.Validate());
    }

    [Fact]
    public void BatchFromPointsKeepsOrder()
    {
        var batch = MetricBatch.FromPoints("train/loss", [new(1, 0.1, 2.5, 10), new(2, 0.2, 2.0, 20)]);

        Assert.Equal([1L, 2L], batch.Steps);
        Assert.Equal([2.5, 2.0], batch.Values);
        Assert.Null(batch.Validate());
    }

    [Fact]
    public void RunIdsAreWellFormedAndDistinct()
    {
        string[] ids = [.. Enumerable.Range(0, 1000).Select(_ => RunIds.Create())];

        Assert.All(ids, id => Assert.True(RunIds.IsWellFormed(id)));
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }
}
