using Dashboard.Core.Runs;

namespace Dashboard.Training.Backdoor;

/// <summary>
/// Builds a backdoor run's summary. Keys: <c>clean_accuracy</c>, <c>average_asr</c> (the headline),
/// <c>epoch_seconds</c>, and for each attack label <c>asr/{label}</c>, <c>asr_boosted/{label}</c> (blend
/// attacks only), <c>robust_accuracy/{label}</c>, <c>target/{label}</c>, <c>poisoned/{label}</c> and
/// <c>noise/{label}</c> (WaNet only), grouped by the label.
/// </summary>
public static class BackdoorSummary
{
    public const string CleanAccuracyKey = "clean_accuracy";

    public const string AverageAsrKey = "average_asr";

    public const string EpochSecondsKey = "epoch_seconds";

    public static string AsrKey(string label) => $"asr/{label}";

    public static string AsrBoostedKey(string label) => $"asr_boosted/{label}";

    public static string RobustAccuracyKey(string label) => $"robust_accuracy/{label}";

    public static string TargetKey(string label) => $"target/{label}";

    public static string PoisonedKey(string label) => $"poisoned/{label}";

    public static string NoiseKey(string label) => $"noise/{label}";

    /// <param name="final">Evaluation after the last epoch.</param>
    /// <param name="meanEpochSeconds">Mean training seconds per epoch, evaluation excluded.</param>
    public static RunSummary Create(IReadOnlyList<AttackPoisons> plan, BackdoorEvaluation final, double meanEpochSeconds)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(final);

        var measures = new List<SummaryMeasure>
        {
            new(CleanAccuracyKey, "Clean accuracy", final.CleanAccuracy, MeasureFormat.Percent),
            new(AverageAsrKey, "Average ASR", final.AverageAsr, MeasureFormat.Percent),
            new(EpochSecondsKey, "Mean epoch time", meanEpochSeconds, MeasureFormat.Seconds),
        };

        for (int a = 0; a < plan.Count; a++)
        {
            string label = plan[a].Label;
            var outcome = final.Attacks[a];
            measures.Add(new(AsrKey(label), $"ASR ({label})", outcome.AttackSuccessRate, MeasureFormat.Percent, label));
            if (outcome.BoostedAttackSuccessRate is { } boosted)
            {
                measures.Add(new(AsrBoostedKey(label), $"Boosted ASR ({label})", boosted, MeasureFormat.Percent, label));
            }

            measures.Add(new(RobustAccuracyKey(label), $"Robust accuracy ({label})", outcome.RobustAccuracy, MeasureFormat.Percent, label));
            measures.Add(new(TargetKey(label), $"Target class ({label})", plan[a].TargetClass, MeasureFormat.Integer, label));
            measures.Add(new(PoisonedKey(label), $"Poisoned images ({label})", plan[a].Indices.Count, MeasureFormat.Integer, label));
            if (plan[a].NoiseIndices.Count > 0)
            {
                measures.Add(new(NoiseKey(label), $"Noise-mode images ({label})", plan[a].NoiseIndices.Count, MeasureFormat.Integer, label));
            }
        }

        return new RunSummary { HeadlineKey = AverageAsrKey, Measures = measures };
    }
}
