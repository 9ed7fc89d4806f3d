using Dashboard.Core.Experiments;

namespace Dashboard.Training.Defences;

/// <summary>
/// Turns progress within a run's phases into the run's overall fraction. Every phase is measured in epochs
/// (a defence's own training epochs, then the final training's), which is roughly proportional to time.
/// </summary>
public sealed class RunProgress(IRunContext context, int totalEpochs)
{
    public int TotalEpochs { get; } = totalEpochs;

    /// <summary>Reports that <paramref name="epochsDone"/> epochs of the whole run are done (fractions allowed).</summary>
    public void Report(double epochsDone, string phase) =>
        context.ReportProgress(Math.Clamp(epochsDone / TotalEpochs, 0, 1), phase);
}
