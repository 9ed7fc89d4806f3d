namespace Dashboard.Training.Classification;

/// <summary>One optimiser update, reported after it is applied.</summary>
/// <param name="Step">Global step: optimiser updates so far, counting this one (1 for the first).</param>
/// <param name="EpochPosition">Epochs done so far, as a fraction: 1.5 is halfway through the second epoch.</param>
/// <param name="Loss">Mean cross-entropy of the batch before the update.</param>
/// <param name="LearningRate">Learning rate this update used.</param>
public readonly record struct TrainingStep(long Step, double EpochPosition, double Loss, double LearningRate);
