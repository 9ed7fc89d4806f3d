using System.Globalization;
using Dashboard.Core.Runs;

namespace Dashboard.Cli.Output;

/// <summary>Text forms of measures, metric values, times and durations, independent of the machine's culture.</summary>
internal static class Formats
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Formats a summary measure as its <see cref="MeasureFormat"/> specifies: a percentage, a whole number, seconds or a number.</summary>
    public static string Measure(SummaryMeasure measure) => measure.Format switch
    {
        MeasureFormat.Percent => (measure.Value * 100).ToString("0.0", Invariant) + "%",
        MeasureFormat.Integer => Math.Round(measure.Value).ToString("0", Invariant),
        MeasureFormat.Seconds => Duration(measure.Value),
        _ => Number(measure.Value),
    };

    /// <summary>Formats a metric value with up to four decimals, or in scientific notation when it is tiny or huge.</summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value))
        {
            return value.ToString(Invariant);
        }

        double magnitude = Math.Abs(value);
        bool scientific = magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e6);
        return value.ToString(scientific ? "0.###e+0" : "0.####", Invariant);
    }

    public static string Percent(double fraction) => (fraction * 100).ToString("0", Invariant) + "%";

    public static string Duration(double seconds) => seconds switch
    {
        < 60 => seconds.ToString("0.0", Invariant) + " s",
        < 3600 => $"{(int)(seconds / 60)} min {(int)(seconds % 60)} s",
        _ => $"{(int)(seconds / 3600)} h {(int)(seconds % 3600 / 60)} min",
    };

    public static string Time(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", Invariant) ?? "-";

    /// <summary>The run's headline measure formatted, or "-" when it has none yet.</summary>
    public static string Headline(RunSummary? summary) =>
        summary?.Headline is { } headline ? $"{headline.Label} {Measure(headline)}" : "-";
}
