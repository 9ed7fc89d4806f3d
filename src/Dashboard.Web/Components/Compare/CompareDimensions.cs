using Dashboard.Core.Runs;
using Dashboard.Web.Components.Charts;
using Dashboard.Web.Components.Runs;

namespace Dashboard.Web.Components.Compare;

/// <summary>
/// The parallel-coordinates axes of a comparison: the configuration fields that differ between the runs
/// (numeric where every run has a number there, categorical otherwise), then the summary measures.
/// </summary>
public static class CompareDimensions
{
    public static (IReadOnlyList<ParallelDimension> Dimensions, IReadOnlyList<ParallelRow> Rows) For(
        IReadOnlyList<ComparedRun> runs,
        ConfigurationComparison configuration,
        IReadOnlyList<SummaryMeasure> measures)
    {
        var dimensions = new List<ParallelDimension>();
        var values = runs.Select(_ => new Dictionary<string, ParallelValue>(StringComparer.Ordinal)).ToList();

        foreach (var row in configuration.DifferingRows)
        {
            string key = "configuration:" + row.Path;
            if (row.IsNumeric)
            {
                dimensions.Add(new ParallelDimension(key, row.Path));
            }
            else
            {
                var categories = row.Values.Where(v => v is not null).Select(v => v!.Text).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                dimensions.Add(new ParallelDimension(key, row.Path, categories));
            }

            for (int i = 0; i < runs.Count; i++)
            {
                if (row.Values[i] is { } value)
                {
                    values[i][key] = row.IsNumeric ? ParallelValue.Of(value.Number!.Value) : ParallelValue.Of(value.Text);
                }
            }
        }

        foreach (var measure in measures)
        {
            string key = "measure:" + measure.Key;
            var format = measure.Format;
            dimensions.Add(new ParallelDimension(key, measure.Label, Format: value => MeasureText.Format(value, format)));
            for (int i = 0; i < runs.Count; i++)
            {
                if (runs[i].Summary?.Find(measure.Key) is { } found)
                {
                    values[i][key] = ParallelValue.Of(found.Value);
                }
            }
        }

        var rows = runs.Select((run, i) => new ParallelRow(run.Name, run.Color, values[i])).ToList();
        return (dimensions, rows);
    }
}
