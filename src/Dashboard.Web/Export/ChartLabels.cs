using System.Globalization;
using Dashboard.Core.Experiments;
using Dashboard.Core.Runs;

namespace Dashboard.Web.Export;

/// <summary>Tick labels of exported charts, formatted close to the live charts in <c>wwwroot/js/charts.js</c> (percentages with at most one decimal).</summary>
public static class ChartLabels
{
    public static string Value(double value, MeasureFormat format)
    {
        if (format == MeasureFormat.Percent)
        {
            return (value * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
        }

        if (format == MeasureFormat.Integer)
        {
            return Math.Round(value).ToString(CultureInfo.InvariantCulture);
        }

        double magnitude = Math.Abs(value);
        if (magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e5))
        {
            return value.ToString("0.##e+0", CultureInfo.InvariantCulture);
        }

        return Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);
    }

    /// <summary>Labels an x value: epochs and steps as numbers, wall time (Unix milliseconds) as a UTC clock time.</summary>
    public static string X(double value, ChartAxis axis) => axis switch
    {
        ChartAxis.WallTime => DateTimeOffset.FromUnixTimeMilliseconds((long)value).UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        ChartAxis.Epoch => value.ToString("0.##", CultureInfo.InvariantCulture),
        _ => Math.Round(value).ToString(CultureInfo.InvariantCulture),
    };

    public static string AxisTitle(ChartAxis axis) => axis switch
    {
        ChartAxis.Epoch => "epoch",
        ChartAxis.WallTime => "time (UTC)",
        _ => "step",
    };
}
