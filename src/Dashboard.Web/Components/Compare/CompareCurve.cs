using Dashboard.Core.Experiments;
using Dashboard.Web.Components.Charts;
using Dashboard.Web.Components.Runs;

namespace Dashboard.Web.Components.Compare;

/// <summary>
/// The points one run's line on a comparison chart gets: x on the chosen axis, smoothed if asked, with values
/// a logarithmic axis cannot show replaced by NaN (a gap), and each curve reduced to at most
/// <see cref="LineChart.MaxPointsPerLine"/> points.
/// </summary>
public static class CompareCurve
{
    /// <summary>Returns the line drawn for the run (smoothed when smoothing is on) and the raw line, null unless it is drawn too.</summary>
    public static ((double X, double Y)[] Line, (double X, double Y)[]? Raw) Points(
        MetricSeriesBuffer source, CompareChartOptions options, double? startMs)
    {
        var points = source.Read(0, options.Axis);
        for (int i = 0; i < points.Length; i++)
        {
            var (x, y) = points[i];
            if (options.Axis == ChartAxis.WallTime)
            {
                x = (x - (startMs ?? 0)) / 1000;
            }

            if (options.LogScale && y <= 0)
            {
                y = double.NaN;
            }

            points[i] = (x, y);
        }

        if (!options.Smoothed)
        {
            return (Reduce(points), null);
        }

        var smoothed = ExponentialMovingAverage.Smooth(points, options.SmoothingWeight);
        return (Reduce(smoothed), options.ShowRaw ? Reduce(points) : null);
    }

    private static (double X, double Y)[] Reduce((double X, double Y)[] points) =>
        points.Length > LineChart.MaxPointsPerLine ? SeriesDownsampler.MinMax(points, LineChart.MaxPointsPerLine) : points;
}
