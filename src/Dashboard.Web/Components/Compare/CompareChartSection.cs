using Dashboard.Core.Experiments;
using Dashboard.Core.Metrics;
using Dashboard.Core.Runs;

namespace Dashboard.Web.Components.Compare;

/// <summary>
/// A section of comparison charts: the metrics one of the kinds' <see cref="ChartSpec"/>s draws together, each
/// on its own chart with one line per run, or a single metric that no chart spec names.
/// </summary>
/// <param name="Title">The chart spec's title, or the metric name for a metric no spec covers.</param>
/// <param name="Metrics">Metric names, one chart each, in the spec's pattern order and then by name.</param>
/// <param name="Sparse">True for a spec drawn by epoch, whose metrics have one point per evaluation and need markers.</param>
public sealed record CompareChartSection(
    string Title,
    IReadOnlyList<string> Metrics,
    string YAxisTitle,
    MeasureFormat Format,
    bool Sparse);

/// <summary>Groups the metrics of compared runs into chart sections.</summary>
public static class CompareChartSections
{
    /// <summary>
    /// Builds one section per chart spec of the runs' kinds (in run order, each spec once) that matches at
    /// least one metric, then one section per remaining metric, in the order the runs report them.
    /// </summary>
    /// <param name="isSparse">
    /// Whether a metric no spec covers has so few points that its chart needs markers, for example one value
    /// per epoch. Null treats every such metric as dense.
    /// </param>
    public static IReadOnlyList<CompareChartSection> For(
        IEnumerable<string> metrics,
        IEnumerable<IReadOnlyList<ChartSpec>> specsPerRun,
        Func<string, bool>? isSparse = null)
    {
        var remaining = metrics.Distinct(StringComparer.Ordinal).ToList();
        var sections = new List<CompareChartSection>();
        foreach (var spec in specsPerRun.SelectMany(specs => specs).Distinct())
        {
            var matched = spec.MetricPatterns
                .SelectMany(pattern => remaining.Where(metric => MetricNames.Matches(pattern, metric)).Order(StringComparer.Ordinal))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (matched.Count == 0)
            {
                continue;
            }

            remaining.RemoveAll(matched.Contains);
            sections.Add(new CompareChartSection(spec.Title, matched, spec.YAxisTitle, spec.Format, spec.XAxis == ChartAxis.Epoch));
        }

        sections.AddRange(remaining.Select(metric => new CompareChartSection(metric, [metric], "", MeasureFormat.Number, Sparse: isSparse?.Invoke(metric) ?? false)));
        return sections;
    }
}
