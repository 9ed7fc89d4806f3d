using Dashboard.Core.Experiments;

namespace Dashboard.Training.Backdoor;

/// <summary>Metric names a backdoor run reports. Shares and accuracies are fractions from 0 to 1.</summary>
public static class BackdoorMetrics
{
    /// <summary>Mean cross-entropy of each training batch, every step.</summary>
    public const string TrainLoss = "train/loss";

    /// <summary>Learning rate of each step.</summary>
    public const string LearningRate = "train/learning_rate";

    /// <summary>Accuracy on the untouched test split, after every epoch.</summary>
    public const string CleanAccuracy = "test/clean_accuracy";

    /// <summary>Mean of the attacks' success rates, after every epoch.</summary>
    public const string AverageAsr = "test/average_asr";

    /// <summary>Seconds of training in each epoch, evaluation excluded.</summary>
    public const string EpochSeconds = "time/epoch_seconds";

    /// <summary>Seconds of evaluation after each epoch.</summary>
    public const string EvalSeconds = "time/eval_seconds";

    public const string AsrPrefix = "test/asr/";

    public const string AsrBoostedPrefix = "test/asr_boosted/";

    public const string RobustAccuracyPrefix = "test/robust_accuracy/";

    /// <summary>Attack success rate of the attack labelled <paramref name="label"/>, after every epoch.</summary>
    public static string Asr(string label) => AsrPrefix + label;

    /// <summary>
    /// Attack success rate with the trigger at twice its blend weight, after every epoch; only blend attacks
    /// (blend random, blend checkerboard, sinusoid) report it.
    /// </summary>
    public static string AsrBoosted(string label) => AsrBoostedPrefix + label;

    /// <summary>Accuracy on the attack's triggered test images scored against their true labels, after every epoch.</summary>
    public static string RobustAccuracy(string label) => RobustAccuracyPrefix + label;

    /// <summary>
    /// Reports the test measures of one evaluation at <paramref name="step"/> and <paramref name="epoch"/>:
    /// clean accuracy, and per attack the ASR, the boosted ASR where measured and the robust accuracy, then
    /// the average ASR.
    /// </summary>
    public static void ReportEvaluation(IRunContext context, IReadOnlyList<AttackPoisons> plan, BackdoorEvaluation evaluation, long step, double epoch)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(evaluation);

        context.ReportMetric(CleanAccuracy, step, epoch, evaluation.CleanAccuracy);
        for (int a = 0; a < plan.Count; a++)
        {
            string label = plan[a].Label;
            var outcome = evaluation.Attacks[a];
            context.ReportMetric(Asr(label), step, epoch, outcome.AttackSuccessRate);
            if (outcome.BoostedAttackSuccessRate is { } boosted)
            {
                context.ReportMetric(AsrBoosted(label), step, epoch, boosted);
            }

            context.ReportMetric(RobustAccuracy(label), step, epoch, outcome.RobustAccuracy);
        }

        context.ReportMetric(AverageAsr, step, epoch, evaluation.AverageAsr);
    }
}
