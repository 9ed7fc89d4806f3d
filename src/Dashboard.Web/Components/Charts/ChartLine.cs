using Dashboard.Web.Components.Runs;

namespace Dashboard.Web.Components.Charts;

/// <summary>One line of a chart: its legend name and the buffer its points come from.</summary>
public sealed record ChartLine(string Name, MetricSeriesBuffer Source);
