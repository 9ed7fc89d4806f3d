using Dashboard.Core.Experiments;
using Dashboard.Core.Metrics;
using Dashboard.Web.Components.Charts;

namespace Dashboard.Web.Components.Runs;

/// <summary>
/// Matches a run's metric series to the charts its experiment kind declares. Lines are ordered by pattern,
/// then by metric name, so a line keeps its colour whether the page loaded history or watched it arrive.
/// </summary>
public static class ChartLines
{
    public static IReadOnlyList<ChartLine> For(ChartSpec chart, IReadOnlyList<MetricSeriesBuffer> series) =>
        [.. chart.MetricPatterns.SelectMany(pattern => series
            .Where(s => MetricNames.Matches(pattern, s.Metric))
            .OrderBy(s => s.Metric, StringComparer.Ordinal)
            .Select(s => new ChartLine(LegendName(pattern, s.Metric), s)))];

    /// <summary>
    /// Names a line for the legend: <c>test/clean_accuracy</c> becomes "clean accuracy", and
    /// <c>test/asr/patch</c> matched by <c>test/asr/*</c> becomes "asr (patch)".
    /// </summary>
    public static string LegendName(string pattern, string metric)
    {
        if (!pattern.EndsWith('*'))
        {
            return Words(metric[(metric.LastIndexOf('/') + 1)..]);
        }

        string prefix = pattern[..^1].TrimEnd('/');
        string group = prefix[(prefix.LastIndexOf('/') + 1)..];
        string rest = metric[Math.Min(metric.Length, pattern.Length - 1)..];
        return rest.Length == 0 ? Words(group) : $"{Words(group)} ({rest})";
    }

    private static string Words(string name) => name.Replace('_', ' ');
}
