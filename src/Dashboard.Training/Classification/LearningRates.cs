namespace Dashboard.Training.Classification;

public static class LearningRates
{
    /// <summary>
    /// Returns the learning rate of the update with 0-based index <paramref name="stepIndex"/> out of
    /// <paramref name="totalSteps"/>. Cosine follows PyTorch's CosineAnnealingLR stepped once per update
    /// with T_max = total updates and a minimum of 0: base × (1 + cos(π·t / T)) / 2.
    /// </summary>
    public static double At(LearningRateSchedule schedule, double baseRate, long stepIndex, long totalSteps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stepIndex);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalSteps);

        return schedule switch
        {
            LearningRateSchedule.Constant => baseRate,
            LearningRateSchedule.Cosine => baseRate * 0.5 * (1 + Math.Cos(Math.PI * Math.Min(stepIndex, totalSteps) / totalSteps)),
            _ => throw new ArgumentOutOfRangeException(nameof(schedule), schedule, "Unknown learning-rate schedule."),
        };
    }
}
