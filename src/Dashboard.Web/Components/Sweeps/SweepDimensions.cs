using System.Globalization;
using Dashboard.Core.Runs;
using Dashboard.Web.Components.Charts;
using Dashboard.Web.Components.Runs;

namespace Dashboard.Web.Components.Sweeps;

/// <summary>
/// The parallel-coordinates axes of a sweep: one per swept parameter (numeric for numbers, categorical for
/// choices and booleans) and the headline measure last. Each line is coloured by its headline value.
/// </summary>
public static class SweepDimensions
{
    public static (IReadOnlyList<ParallelDimension> Dimensions, IReadOnlyList<ParallelRow> Rows) For(
        IReadOnlyList<SweepColumn> parameters,
        SummaryMeasure? headline,
        IReadOnlyList<(RunGroupMember Member, RunRecord? Run)> rows)
    {
        var dimensions = new List<ParallelDimension>();
        foreach (var parameter in parameters)
        {
            if (parameter.Numeric)
            {
                dimensions.Add(new ParallelDimension(parameter.Key, parameter.Label));
                continue;
            }

            string path = parameter.Key["param:".Length..];
            var categories = rows
                .SelectMany(row => row.Member.Parameters.Where(p => p.Path == path).Select(p => p.Label))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();
            dimensions.Add(new ParallelDimension(parameter.Key, parameter.Label, categories));
        }

        if (headline is not null)
        {
            var format = headline.Format;
            dimensions.Add(new ParallelDimension("measure:" + headline.Key, headline.Label, Format: value => MeasureText.Format(value, format)));
        }

        var headlineValues = rows.Select(row => headline is null ? null : row.Run?.Summary?.Find(headline.Key)?.Value).ToList();
        var lines = new List<ParallelRow>();
        for (int i = 0; i < rows.Count; i++)
        {
            var values = new Dictionary<string, ParallelValue>(StringComparer.Ordinal);
            foreach (var value in rows[i].Member.Parameters)
            {
                string key = "param:" + value.Path;
                bool numeric = parameters.FirstOrDefault(p => p.Key == key)?.Numeric == true;
                values[key] = numeric ? ParallelValue.Of(double.Parse(value.Json, CultureInfo.InvariantCulture)) : ParallelValue.Of(value.Label);
            }

            if (headline is not null && headlineValues[i] is { } measured)
            {
                values["measure:" + headline.Key] = ParallelValue.Of(measured);
            }

            lines.Add(new ParallelRow(rows[i].Member.Label, Color(headlineValues[i], headlineValues), values));
        }

        return (dimensions, lines);
    }

    /// <summary>Returns a colour from blue (lowest headline) to orange (highest), or grey for a run without a headline value.</summary>
    private static string Color(double? value, IReadOnlyList<double?> all)
    {
        if (value is not { } measured)
        {
            return "#bab0ac";
        }

        double min = all.Where(v => v is not null).Min()!.Value;
        double max = all.Where(v => v is not null).Max()!.Value;
        double t = max > min ? (measured - min) / (max - min) : 0.5;
        int red = (int)Math.Round(0x4e + (t * (0xf2 - 0x4e)));
        int green = (int)Math.Round(0x79 + (t * (0x8e - 0x79)));
        int blue = (int)Math.Round(0xa7 + (t * (0x2b - 0xa7)));
        return $"#{red:x2}{green:x2}{blue:x2}";
    }
}
