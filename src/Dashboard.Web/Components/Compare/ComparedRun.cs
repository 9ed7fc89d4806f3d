using Dashboard.Core.Runs;
using Dashboard.Web.Components.Runs;

namespace Dashboard.Web.Components.Compare;

/// <summary>
/// One run on the comparison page: its stored record, its position in the selection (which fixes its
/// colour), its flattened configuration, and the page's live copy of its status and metric points.
/// </summary>
public sealed class ComparedRun(int position, RunRecord record, IReadOnlyList<ConfigurationValue> configuration)
{
    public int Position { get; } = position;

    public RunRecord Record { get; } = record;

    public string Id => Record.Id;

    public string Color => RunPalette.ColorAt(Position);

    public IReadOnlyList<ConfigurationValue> Configuration { get; } = configuration;

    /// <summary>Status and points from the live feed; empty until the page has subscribed.</summary>
    public LiveRunData Data { get; } = new();

    /// <summary>The run's name as last reported.</summary>
    public string Name => Data.Status?.Name ?? Record.Name;

    public RunStatus Status => Data.Status?.Status ?? Record.Status;

    /// <summary>Fraction of the run's work done, from 0 to 1.</summary>
    public double Progress => Data.Status?.Progress ?? Record.Progress;

    public RunSummary? Summary => Data.Status?.Summary ?? Record.Summary;

    /// <summary>
    /// Unix time in milliseconds from which the wall-time axis counts: when the worker started the run, or,
    /// for a run without a start time, the timestamp of its first point of <paramref name="series"/>.
    /// </summary>
    public double? StartMs(MetricSeriesBuffer series)
    {
        var started = Data.Status?.StartedAt ?? Record.StartedAt;
        if (started is { } start)
        {
            return start.ToUnixTimeMilliseconds();
        }

        var first = series.Read(0, Core.Experiments.ChartAxis.WallTime);
        return first.Length > 0 ? first[0].X : null;
    }
}
