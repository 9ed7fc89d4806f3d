using Dashboard.Core.Metrics;
using Dashboard.Core.Runs;

namespace Dashboard.Core.Experiments;

/// <summary>
/// A chart an experiment kind wants on its run page: which metrics it overlays (exact names or
/// prefixes ending in <c>*</c>, see <see cref="MetricNames.Matches"/>) and against which x axis.
/// </summary>
public sealed record ChartSpec(
    string Title,
    IReadOnlyList<string> MetricPatterns,
    ChartAxis XAxis,
    string YAxisTitle,
    MeasureFormat Format = MeasureFormat.Number);

/// <summary>The x axis of a chart.</summary>
public enum ChartAxis
{
    Step,
    Epoch,
    WallTime,
}
