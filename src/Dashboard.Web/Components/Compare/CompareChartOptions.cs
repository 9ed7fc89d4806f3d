using Dashboard.Core.Experiments;

namespace Dashboard.Web.Components.Compare;

/// <summary>How the comparison page draws its curves.</summary>
/// <param name="Axis">X axis: step, epoch, or seconds since each run's start (<see cref="ChartAxis.WallTime"/>).</param>
/// <param name="LogScale">Draws y on a logarithmic scale; values of zero or below are left out.</param>
/// <param name="SmoothingWeight">Weight of the exponential moving average, from 0 (no smoothing) to 0.99.</param>
/// <param name="ShowRaw">Draws the unsmoothed curve, faint, behind the smoothed one while smoothing is on.</param>
public sealed record CompareChartOptions(ChartAxis Axis, bool LogScale, double SmoothingWeight, bool ShowRaw)
{
    public static CompareChartOptions Default { get; } = new(ChartAxis.Step, LogScale: false, SmoothingWeight: 0.6, ShowRaw: true);

    public bool Smoothed => SmoothingWeight > 0;
}
