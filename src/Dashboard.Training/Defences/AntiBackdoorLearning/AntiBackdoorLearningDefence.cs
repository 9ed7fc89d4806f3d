using System.Globalization;
using Dashboard.Training.Backdoor;
using Dashboard.Training.Classification;
using Dashboard.Training.Defences.Detection;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Dashboard.Training.Defences.AntiBackdoorLearning;

/// <summary>
/// Anti-Backdoor Learning ("Anti-Backdoor Learning: Training Clean Models on Poisoned Data", Li et al., arXiv
/// 2110.11571) in three phases on one model: <see cref="Isolate"/> trains with local gradient ascent and
/// isolates the lowest-loss examples; the caller then trains the same model on the other examples; and
/// <see cref="Unlearn"/> raises the loss of the isolated examples by gradient ascent. Unlike the removal
/// defences there is no retraining from scratch: the unlearned model is the defended model.
/// </summary>
public static class AntiBackdoorLearningDefence
{
    public const string ScoreName = "ABL isolation score (rank of low loss after isolation)";

    public const string BeforeDescription = "model before unlearning";

    /// <summary>
    /// Trains <paramref name="model"/> with local gradient ascent for the isolation epochs, then isolates the
    /// examples with the lowest loss (eval mode, clamped at 100). The score is the normalised rank of the
    /// negated loss, so the lowest loss scores 1.
    /// </summary>
    public static DetectionResult Isolate(DefenceEnvironment environment, Module<Tensor, Tensor> model)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(model);

        var settings = environment.Settings;
        var training = environment.Data.Training;
        double gamma = settings.AblGamma;
        environment.Context.Log(string.Create(CultureInfo.InvariantCulture, $"ABL: {settings.AblIsolationEpochs} epochs of local gradient ascent with γ = {gamma}."));
        DefenceTraining.Train(
            environment,
            model,
            training.Images,
            training.Labels,
            rows: null,
            settings.AblIsolationEpochs,
            new RunSeeds(environment.Configuration.Seed).Shuffle,
            "isolation",
            epochOffset: 0,
            objective: loss => LocalGradientAscent.Objective(loss, gamma));

        float[] losses = ExampleLosses.Compute(
            model, training.Images, training.Labels, rows: null, BackdoorTestSets.EvaluationBatchSize, 100, environment.CancellationToken);
        int[] isolated = LocalGradientAscent.Isolate(losses, settings.AblIsolationFraction);
        var flags = new bool[losses.Length];
        foreach (int row in isolated)
        {
            flags[row] = true;
        }

        double[] scores = Ranks.Normalised([.. losses.Select(loss => -(double)loss)]);
        environment.Context.Log(string.Create(
            CultureInfo.InvariantCulture,
            $"ABL: isolated the {isolated.Length} lowest-loss examples (loss up to {losses[isolated[^1]]:G3})."));
        return new DetectionResult(ScoreName, scores, flags, "Isolated");
    }

    /// <summary>
    /// Raises the cross-entropy of the isolated rows for the unlearning epochs with SGD at the unlearning rate
    /// (the run's momentum and weight decay, constant rate). Reports each step's cross-entropy as
    /// <see cref="DefenceMetrics.UnlearningLoss"/> at <paramref name="stepOffset"/> plus the step and
    /// <paramref name="epochOffset"/> plus the epoch position, continuing the final model's axes, and calls
    /// <paramref name="afterEpoch"/> with the unlearning epoch (from 1) and the global step.
    /// </summary>
    /// <remarks>
    /// NOTE: ABL's rate of 5e-4 belongs to its SGD-trained models. After the default AdamW training of the small
    /// CNN on all of Fashion-MNIST (paper-all-attacks preset), 5 unlearning epochs at that rate left every ASR
    /// unchanged to 0.1 points, so the rate probably has to grow with the training recipe.
    /// </remarks>
    public static void Unlearn(
        DefenceEnvironment environment,
        Module<Tensor, Tensor> model,
        DetectionResult isolation,
        long stepOffset,
        double epochOffset,
        Action<int, long> afterEpoch)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(isolation);
        ArgumentNullException.ThrowIfNull(afterEpoch);

        var settings = environment.Settings;
        var configuration = environment.Configuration;
        long[] isolatedRows = [.. Enumerable.Range(0, isolation.Removed.Length).Where(row => isolation.Removed[row]).Select(row => (long)row)];
        var unlearning = new TrainingSettings(
            OptimizerKind.Sgd,
            settings.AblUnlearningRate,
            configuration.Momentum,
            configuration.WeightDecay,
            LearningRateSchedule.Constant,
            settings.AblUnlearningEpochs,
            configuration.BatchSize,
            new DefenceSeeds(configuration.Seed).Shuffle);

        var training = environment.Data.Training;
        using var trainer = new ClassifierTrainer(model, unlearning, isolatedRows.Length, environment.Device);
        for (int epoch = 1; epoch <= settings.AblUnlearningEpochs; epoch++)
        {
            trainer.TrainEpoch(
                training.Images,
                training.Labels,
                isolatedRows,
                step => environment.Context.ReportMetric(DefenceMetrics.UnlearningLoss, stepOffset + step.Step, epochOffset + step.EpochPosition, step.Loss),
                environment.CancellationToken,
                loss => -loss);
            afterEpoch(epoch, stepOffset + trainer.Step);
        }
    }
}
