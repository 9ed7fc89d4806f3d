namespace Dashboard.Training.Classification;

/// <summary>How <see cref="ClassifierTrainer"/> optimises a model.</summary>
/// <param name="Momentum">Momentum of SGD; AdamW ignores it.</param>
/// <param name="Seed">Seeds the order of training images in every epoch.</param>
public sealed record TrainingSettings(
    OptimizerKind Optimizer,
    double LearningRate,
    double Momentum,
    double WeightDecay,
    LearningRateSchedule Schedule,
    int Epochs,
    int BatchSize,
    int Seed);
