using Dashboard.Cli.Following;
using Dashboard.Core.Metrics;

namespace Dashboard.Cli.Tests.Units;

/// <summary>Latest metric values of a followed run, including history sent again after a reconnect.</summary>
public sealed class FollowStateTests
{
    [Fact]
    public void ApplyReturnsLatestNewPointPerMetric()
    {
        var state = new FollowState("run");

        var updated = state.Apply([Batch("train/loss", (1, 2.0), (2, 1.5)), Batch("train/learning_rate", (2, 0.001))]);

        Assert.Equal(2, updated.Count);
        Assert.Equal(1.5, state.Latest["train/loss"].Value);
        Assert.Equal(2, state.Step);
    }

    [Fact]
    public void ApplySkipsPointsAlreadySeen()
    {
        var state = new FollowState("run");
        state.Apply([Batch("train/loss", (1, 2.0), (2, 1.5))]);

        var repeated = state.Apply([Batch("train/loss", (1, 2.0), (2, 1.5))]);
        var extended = state.Apply([Batch("train/loss", (1, 2.0), (2, 1.5), (3, 1.2))]);

        Assert.Empty(repeated);
        Assert.Single(extended);
        Assert.Equal(1.2, state.Latest["train/loss"].Value);
        Assert.Equal(3, state.Step);
    }

    private static MetricBatch Batch(string metric, params (long Step, double Value)[] points) =>
        MetricBatch.FromPoints(metric, [.. points.Select(p => new MetricPoint(p.Step, p.Step / 10.0, p.Value, 1000 + p.Step))]);
}
