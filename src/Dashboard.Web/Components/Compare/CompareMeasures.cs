using Dashboard.Core.Experiments;
using Dashboard.Core.Runs;
using Dashboard.Web.Components.Groups;

namespace Dashboard.Web.Components.Compare;

/// <summary>Chooses the summary measures a comparison shows.</summary>
public static class CompareMeasures
{
    /// <summary>Every measure any run reports, in the order the runs report them, each key once.</summary>
    public static IReadOnlyList<SummaryMeasure> All(IEnumerable<RunSummary?> summaries) =>
        [.. summaries.Where(s => s is not null).SelectMany(s => s!.Measures).DistinctBy(m => m.Key, StringComparer.Ordinal)];

    /// <summary>
    /// The measures the runs' kinds compare in study groups (<see cref="IExperimentKind.ComparisonMeasures"/>),
    /// or every measure when the kinds name none that the runs report. Parallel coordinates use these, because an
    /// axis per measure of a nine-attack run would make the chart too wide to read.
    /// </summary>
    public static IReadOnlyList<SummaryMeasure> Compared(IEnumerable<IExperimentKind?> kinds, IReadOnlyList<RunSummary?> summaries)
    {
        var patterns = kinds.Where(k => k is not null).SelectMany(k => k!.ComparisonMeasures).Distinct(StringComparer.Ordinal).ToList();
        var columns = ComparisonColumns.For(patterns, summaries);
        return columns.Count > 0 ? columns : All(summaries);
    }
}
