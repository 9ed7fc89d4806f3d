using System.Globalization;
using Dashboard.Core.Runs;

namespace Dashboard.Web.Components.Runs;

/// <summary>Formats summary measures for tables.</summary>
public static class MeasureText
{
    public static string Format(SummaryMeasure measure) => Format(measure.Value, measure.Format);

    public static string Format(double value, MeasureFormat format)
    {
        if (!double.IsFinite(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        return format switch
        {
            MeasureFormat.Percent => (value * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%",
            MeasureFormat.Integer => Math.Round(value).ToString("N0", CultureInfo.InvariantCulture),
            MeasureFormat.Seconds => value.ToString("0.0", CultureInfo.InvariantCulture) + " s",
            _ => value.ToString("0.####", CultureInfo.InvariantCulture),
        };
    }

    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "",
        { TotalHours: >= 1 } d => $"{(int)d.TotalHours} h {d.Minutes} min",
        { TotalMinutes: >= 1 } d => $"{(int)d.TotalMinutes} min {d.Seconds} s",
        { } d => $"{d.TotalSeconds:0.0} s",
    };
}
