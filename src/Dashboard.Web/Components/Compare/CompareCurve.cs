using Dashboard.Core.Experiments;
using Dashboard.Web.Components.Charts;
using Dashboard.Web.Components.Runs;

namespace Dashboard.Web.Components.Compare;

/// <summary>
/// The points one run's line on a comparison chart gets: x on the chosen axis, smoothed if asked, and each
/// curve reduced to at most <see cref="LineChart.MaxPointsPerLine"/> points. On a log scale y is sent as
/// log10(y), and values of zero or below become NaN (a gap).
/// </summary>
/// <remarks>
/// The log scale is drawn as log10 values on a linear axis whose labels show 10^y. The logarithmic y axis of
/// apexcharts.js 4.7.0 drew no line at all for data within one decade, such as a loss between 2.15 and 2.35
/// (seen in chromium).
/// </remarks>
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

        // Smoothing averages the values themselves, as on a linear scale; only the drawing is logarithmic.
        if (!options.Smoothed)
        {
            return (Reduce(Scale(points, options)), null);
        }

        var smoothed = ExponentialMovingAverage.Smooth(points, options.SmoothingWeight);
        return (Reduce(Scale(smoothed, options)), options.ShowRaw ? Reduce(Scale(points, options)) : null);
    }

    private static (double X, double Y)[] Scale((double X, double Y)[] points, CompareChartOptions options)
    {
        if (options.LogScale)
        {
            for (int i = 0; i < points.Length; i++)
            {
                points[i] = (points[i].X, Math.Log10(points[i].Y));
            }
        }

        return points;
    }

    private static (double X, double Y)[] Reduce((double X, double Y)[] points) =>
        points.Length > LineChart.MaxPointsPerLine ? SeriesDownsampler.MinMax(points, LineChart.MaxPointsPerLine) : points;
}
