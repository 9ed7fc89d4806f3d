using Dashboard.Core.Experiments;

namespace Dashboard.Training.Defences;

/// <summary>
/// Charts of a defended backdoor run's own phases. Runs without a defence report none of their metrics, and the
/// run page hides charts without data.
/// </summary>
public static class DefenceCharts
{
    public static IReadOnlyList<ChartSpec> All { get; } =
    [
        new("BaDLoss: mean loss by group", [DefenceMetrics.BadLossMeanPrefix + "*"], ChartAxis.Epoch, "Cross-entropy"),
        new("BaDLoss: loss standard deviation by group", [DefenceMetrics.BadLossStdPrefix + "*"], ChartAxis.Epoch, "Cross-entropy"),
        new("Defence training loss", [DefenceMetrics.TrainLoss, DefenceMetrics.UnlearningLoss], ChartAxis.Step, "Cross-entropy"),
    ];
}
