using Dashboard.Core.Experiments;
using Dashboard.Core.Metrics;
using Dashboard.Web.Components.Charts;
using Dashboard.Web.Components.Compare;
using Dashboard.Web.Components.Runs;

namespace Dashboard.Web.Tests.Compare;

public sealed class CompareCurveTests
{
    private const long StartMs = 1_700_000_000_000;

    [Fact]
    public void WallTimeCountsSecondsFromStart()
    {
        var buffer = Buffer([1, 10, 100], timestampsAfterStartMs: [500, 2_000, 61_000]);

        var (line, _) = CompareCurve.Points(buffer, Options(ChartAxis.WallTime), StartMs);

        Assert.Equal([0.5, 2.0, 61.0], line.Select(p => p.X));
    }

    [Fact]
    public void LogScaleSendsLog10AndGapsForNonPositive()
    {
        var buffer = Buffer([100, 0, 0.1], timestampsAfterStartMs: [0, 1, 2]);

        var (line, _) = CompareCurve.Points(buffer, Options(ChartAxis.Step) with { LogScale = true }, StartMs);

        Assert.Equal(2.0, line[0].Y, 12);
        Assert.True(double.IsNaN(line[1].Y));
        Assert.Equal(-1.0, line[2].Y, 12);
    }

    [Fact]
    public void SmoothingAddsRawLineWhenAsked()
    {
        var buffer = Buffer([1, 3], timestampsAfterStartMs: [0, 1]);

        var (line, raw) = CompareCurve.Points(buffer, Options(ChartAxis.Step) with { SmoothingWeight = 0.5, ShowRaw = true }, StartMs);

        Assert.Equal([1.0, 2.0], line.Select(p => p.Y));
        Assert.NotNull(raw);
        Assert.Equal([1.0, 3.0], raw.Select(p => p.Y));
    }

    [Fact]
    public void RawLineOmittedWhenHidden()
    {
        var buffer = Buffer([1, 3], timestampsAfterStartMs: [0, 1]);

        var (_, raw) = CompareCurve.Points(buffer, Options(ChartAxis.Step) with { SmoothingWeight = 0.5, ShowRaw = false }, StartMs);

        Assert.Null(raw);
    }

    [Fact]
    public void LongCurveIsReducedToLimit()
    {
        var values = Enumerable.Range(0, 10_000).Select(i => Math.Sin(i / 50.0)).ToArray();
        var buffer = Buffer(values, timestampsAfterStartMs: [.. Enumerable.Range(0, values.Length).Select(i => (long)i)]);

        var (line, raw) = CompareCurve.Points(buffer, Options(ChartAxis.Step) with { SmoothingWeight = 0.9, ShowRaw = true }, StartMs);

        Assert.InRange(line.Length, 1, LineChart.MaxPointsPerLine);
        Assert.InRange(raw!.Length, 1, LineChart.MaxPointsPerLine);
    }

    private static CompareChartOptions Options(ChartAxis axis) =>
        new(axis, LogScale: false, SmoothingWeight: 0, ShowRaw: false);

    private static MetricSeriesBuffer Buffer(double[] values, long[] timestampsAfterStartMs)
    {
        var buffer = new MetricSeriesBuffer("train/loss");
        buffer.Append(MetricBatch.FromPoints("train/loss",
            [.. values.Select((value, i) => new MetricPoint(i + 1, (i + 1) / 10.0, value, StartMs + timestampsAfterStartMs[i]))]));
        return buffer;
    }
}
