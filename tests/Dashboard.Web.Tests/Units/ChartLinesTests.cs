using Dashboard.Core.Experiments;
using Dashboard.Core.Metrics;
using Dashboard.Web.Components.Runs;

namespace Dashboard.Web.Tests.Units;

public sealed class ChartLinesTests
{
    [Theory]
    [InlineData("test/clean_accuracy", "test/clean_accuracy", "clean accuracy")]
    [InlineData("test/asr/*", "test/asr/patch", "asr (patch)")]
    [InlineData("test/robust_accuracy/*", "test/robust_accuracy/blend_random", "robust accuracy (blend_random)")]
    public void LegendNameReadsPatternAndMetric(string pattern, string metric, string expected)
    {
        Assert.Equal(expected, ChartLines.LegendName(pattern, metric));
    }

    [Fact]
    public void LinesFollowPatternThenMetricName()
    {
        var chart = new ChartSpec("ASR", ["test/asr/*", "test/average_asr"], ChartAxis.Epoch, "ASR");
        MetricSeriesBuffer[] series =
        [
            new("test/average_asr"),
            new("test/asr/patch"),
            new("train/loss"),
            new("test/asr/blend_random"),
        ];

        var lines = ChartLines.For(chart, series);

        Assert.Equal(["test/asr/blend_random", "test/asr/patch", "test/average_asr"], lines.Select(l => l.Source.Metric));
    }
}
