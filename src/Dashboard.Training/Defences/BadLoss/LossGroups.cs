using Dashboard.Core.Experiments;

namespace Dashboard.Training.Defences.BadLoss;

/// <summary>
/// The groups of examples whose recorded loss BaDLoss reports after every trajectory epoch: the clean probes,
/// the unpoisoned training rows, each attack's poisons and, in the older variant, the backdoor probes.
/// </summary>
public sealed class LossGroups
{
    private readonly List<(string Name, int[] Rows)> _groups = [];

    /// <param name="backdoorProbeRows">Rows of the backdoor probes in the recorded losses; empty without them.</param>
    public LossGroups(TrainingRows rows, IReadOnlyList<int> cleanProbeRows, IReadOnlyList<int> backdoorProbeRows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(cleanProbeRows);
        ArgumentNullException.ThrowIfNull(backdoorProbeRows);

        _groups.Add((DefenceMetrics.CleanProbesGroup, [.. cleanProbeRows]));
        _groups.Add((DefenceMetrics.CleanGroup, rows.Unpoisoned()));
        for (int a = 0; a < rows.AttackLabels.Count; a++)
        {
            int attack = a;
            _groups.Add((rows.AttackLabels[a], [.. Enumerable.Range(0, rows.Count).Where(row => rows.AttackOfRow[row] == attack)]));
        }

        if (backdoorProbeRows.Count > 0)
        {
            _groups.Add((DefenceMetrics.BackdoorProbesGroup, [.. backdoorProbeRows]));
        }
    }

    public IReadOnlyList<string> Names => [.. _groups.Select(group => group.Name)];

    /// <summary>Reports each group's mean and population standard deviation of <paramref name="losses"/>.</summary>
    public void Report(IRunContext context, IReadOnlyList<float> losses, long step, int epoch)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(losses);

        foreach (var (name, rows) in _groups)
        {
            if (rows.Length == 0)
            {
                continue;
            }

            var (mean, deviation) = MeanAndDeviation(losses, rows);
            context.ReportMetric(DefenceMetrics.BadLossMean(name), step, epoch, mean);
            context.ReportMetric(DefenceMetrics.BadLossStd(name), step, epoch, deviation);
        }
    }

    public static (double Mean, double Deviation) MeanAndDeviation(IReadOnlyList<float> values, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(rows);

        double sum = 0;
        foreach (int row in rows)
        {
            sum += values[row];
        }

        double mean = sum / rows.Count;
        double squares = 0;
        foreach (int row in rows)
        {
            double difference = values[row] - mean;
            squares += difference * difference;
        }

        return (mean, Math.Sqrt(squares / rows.Count));
    }
}
