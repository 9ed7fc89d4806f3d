using System.Globalization;
using Dashboard.Core.Experiments;

namespace Dashboard.Web.Components.Compare;

/// <summary>
/// The chart controls of the comparison page as query parameters (<c>smoothing</c>, <c>raw</c>, <c>log</c>,
/// <c>x</c>), so a bookmark keeps the view as well as the runs. A missing or invalid value means the default.
/// </summary>
public static class CompareQuery
{
    public const string Smoothing = "smoothing";
    public const string Raw = "raw";
    public const string Log = "log";
    public const string Axis = "x";

    /// <summary>Reads the options from query values; each null or invalid value keeps its default.</summary>
    public static CompareChartOptions Read(string? smoothing, string? raw, string? log, string? axis)
    {
        var defaults = CompareChartOptions.Default;
        double weight = double.TryParse(smoothing, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) && double.IsFinite(parsed)
            ? Math.Clamp(parsed, 0, ExponentialMovingAverage.MaxWeight)
            : defaults.SmoothingWeight;

        return new CompareChartOptions(
            ParseAxis(axis) ?? defaults.Axis,
            bool.TryParse(log, out bool logScale) ? logScale : defaults.LogScale,
            weight,
            bool.TryParse(raw, out bool showRaw) ? showRaw : defaults.ShowRaw);
    }

    /// <summary>Returns the query values of <paramref name="options"/>, with null for each value that equals its default.</summary>
    public static Dictionary<string, object?> Write(CompareChartOptions options)
    {
        var defaults = CompareChartOptions.Default;
        return new Dictionary<string, object?>
        {
            [Smoothing] = options.SmoothingWeight == defaults.SmoothingWeight ? null : options.SmoothingWeight.ToString("0.##", CultureInfo.InvariantCulture),
            [Raw] = SwitchValue(options.ShowRaw, defaults.ShowRaw),
            [Log] = SwitchValue(options.LogScale, defaults.LogScale),
            [Axis] = options.Axis == defaults.Axis ? null : AxisName(options.Axis),
        };
    }

    /// <summary>Returns "true" or "false" for a switch that differs from its default, and null for one that does not.</summary>
    private static string? SwitchValue(bool value, bool defaultValue)
    {
        if (value == defaultValue)
        {
            return null;
        }

        return value ? "true" : "false";
    }

    private static string AxisName(ChartAxis axis) => axis switch
    {
        ChartAxis.Epoch => "epoch",
        ChartAxis.WallTime => "wallTime",
        _ => "step",
    };

    private static ChartAxis? ParseAxis(string? axis) => axis switch
    {
        "step" => ChartAxis.Step,
        "epoch" => ChartAxis.Epoch,
        "wallTime" => ChartAxis.WallTime,
        _ => null,
    };
}
