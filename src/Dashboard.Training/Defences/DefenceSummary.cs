using Dashboard.Core.Runs;
using Dashboard.Training.Backdoor;
using Dashboard.Training.Defences.Detection;

namespace Dashboard.Training.Defences;

/// <summary>
/// Summary measures of a defended backdoor run, added after <see cref="BackdoorSummary"/>'s: detection quality
/// (<c>detection/*</c>), the undefended model's results where the defence trained one (<c>before/*</c>), and the
/// defence's own time.
/// </summary>
public static class DefenceSummary
{
    public const string AucKey = "detection/auc";
    public const string RemovedKey = "detection/removed";
    public const string PrecisionKey = "detection/precision";
    public const string RecallKey = "detection/recall";
    public const string BeforeCleanAccuracyKey = "before/clean_accuracy";
    public const string BeforeAverageAsrKey = "before/average_asr";
    public const string DefenceSecondsKey = "defence/seconds";

    public static string AucKeyOf(string label) => $"detection/auc/{label}";

    public static string PrecisionKeyOf(string label) => $"detection/precision/{label}";

    public static string RecallKeyOf(string label) => $"detection/recall/{label}";

    /// <param name="defenceSeconds">Wall time of the defence before the final model's training.</param>
    public static IEnumerable<SummaryMeasure> Measures(
        DefenceOutcome outcome,
        IReadOnlyList<AttackPoisons> plan,
        TrainingRows rows,
        double defenceSeconds)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rows);

        var detection = outcome.Detection;
        var quality = RemovalQuality.Measure(rows.AttackOfRow, detection.Removed, plan.Count);
        string removed = detection.RemovedName;

        var measures = new List<SummaryMeasure>
        {
            new(AucKey, $"Detection ROC AUC ({detection.ScoreName})", RocAuc.Compute(detection.Scores, rows.PoisonFlags), MeasureFormat.Number),
            new(RemovedKey, $"{removed} examples", quality.Removed, MeasureFormat.Integer),
            new(PrecisionKey, $"Precision of the {removed.ToLowerInvariant()} set", quality.Precision, MeasureFormat.Percent),
            new(RecallKey, $"Recall of the {removed.ToLowerInvariant()} set", quality.Recall, MeasureFormat.Percent),
        };

        for (int a = 0; a < plan.Count; a++)
        {
            string label = plan[a].Label;
            var (scores, flags) = rows.AgainstClean(detection.Scores, a);
            measures.Add(new(AucKeyOf(label), $"Detection ROC AUC ({label} against clean)", RocAuc.Compute(scores, flags), MeasureFormat.Number, label));
            measures.Add(new(PrecisionKeyOf(label), $"Detection precision ({label})", quality.Attacks[a].Precision, MeasureFormat.Percent, label));
            measures.Add(new(RecallKeyOf(label), $"Detection recall ({label})", quality.Attacks[a].Recall, MeasureFormat.Percent, label));
        }

        if (outcome.Before is { } before)
        {
            measures.Add(new(BeforeCleanAccuracyKey, $"Clean accuracy, {outcome.BeforeLabel}", before.CleanAccuracy, MeasureFormat.Percent));
            measures.Add(new(BeforeAverageAsrKey, $"Average ASR, {outcome.BeforeLabel}", before.AverageAsr, MeasureFormat.Percent));
        }

        measures.Add(new(DefenceSecondsKey, "Defence time before final training", defenceSeconds, MeasureFormat.Seconds));

        // A share with an empty denominator (nothing removed) has no value; leaving it out beats showing NaN.
        return measures.Where(measure => double.IsFinite(measure.Value));
    }
}
