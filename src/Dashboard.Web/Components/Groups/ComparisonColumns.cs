using Dashboard.Core.Metrics;
using Dashboard.Core.Runs;

namespace Dashboard.Web.Components.Groups;

/// <summary>
/// Columns of a group's comparison table: the summary measures that match the kind's comparison patterns,
/// in pattern order and then in the order the runs report them.
/// </summary>
public static class ComparisonColumns
{
    /// <param name="label">
    /// Returns the heading of a measure key whose runs label it differently, or null to keep the first run's label.
    /// </param>
    public static IReadOnlyList<SummaryMeasure> For(IReadOnlyList<string> patterns, IEnumerable<RunSummary?> summaries, Func<string, string?>? label = null)
    {
        var measures = summaries.Where(s => s is not null).SelectMany(s => s!.Measures).ToList();
        var columns = new List<SummaryMeasure>();
        foreach (string pattern in patterns)
        {
            foreach (var measure in measures)
            {
                if (MetricNames.Matches(pattern, measure.Key) && columns.All(c => c.Key != measure.Key))
                {
                    columns.Add(label?.Invoke(measure.Key) is { } heading ? measure with { Label = heading } : measure);
                }
            }
        }

        return columns;
    }
}
