namespace Dashboard.Training.Backdoor;

/// <summary>
/// Attack success rate (ASR) and robust accuracy of one attack on triggered test images. Images whose
/// true class is the attack's target are left out, so that a correct prediction of the target class
/// does not count as a success.
/// </summary>
/// <param name="AttackSuccessRate">Share of counted images predicted as the target class (0 to 1).</param>
/// <param name="RobustAccuracy">Share of counted images predicted as their true class (0 to 1).</param>
/// <param name="ImageCount">Number of images counted; both shares are 0 when it is 0.</param>
public sealed record AttackOutcome(double AttackSuccessRate, double RobustAccuracy, int ImageCount)
{
    /// <summary>
    /// Attack success rate with the trigger at twice its blend weight, for blend attacks (blend random, blend
    /// checkerboard, sinusoid); null for other attacks.
    /// </summary>
    public double? BoostedAttackSuccessRate { get; init; }

    /// <param name="predictions">Predicted class of each triggered test image.</param>
    /// <param name="trueLabels">True class of each image before the trigger, in the same order.</param>
    public static AttackOutcome Measure(ReadOnlySpan<long> predictions, ReadOnlySpan<int> trueLabels, int targetClass)
    {
        if (predictions.Length != trueLabels.Length)
        {
            throw new ArgumentException(
                $"Got {predictions.Length} predictions for {trueLabels.Length} labels; they must have the same length.",
                nameof(predictions));
        }

        int counted = 0;
        int successes = 0;
        int correct = 0;
        for (int i = 0; i < predictions.Length; i++)
        {
            if (trueLabels[i] == targetClass)
            {
                continue;
            }

            counted++;
            successes += predictions[i] == targetClass ? 1 : 0;
            correct += predictions[i] == trueLabels[i] ? 1 : 0;
        }

        return counted == 0
            ? new AttackOutcome(0, 0, 0)
            : new AttackOutcome((double)successes / counted, (double)correct / counted, counted);
    }
}
