using System.Globalization;
using Dashboard.Training.Backdoor;
using Dashboard.Training.Classification;
using Dashboard.Training.Models;
using Dashboard.Training.Torch;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Dashboard.Training.Defences;

/// <summary>The defences' own training runs, reported as <see cref="DefenceMetrics.TrainLoss"/> so that <c>train/loss</c> stays the final model's.</summary>
public static class DefenceTraining
{
    private const int ProgressReportsPerEpoch = 4;

    /// <summary>
    /// Creates a fresh model seeded with the run's seed, exactly as an undefended run does, and moves it to the
    /// run's device. The caller owns it.
    /// </summary>
    public static Module<Tensor, Tensor> CreateModel(DefenceEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);

        var configuration = environment.Configuration;
        var dataset = environment.Data.Dataset;
        TorchDevices.Seed(configuration.Seed, environment.Device);
        var model = ModelFactory.Create(configuration, dataset.Shape, dataset.ClassCount);
        model.to(environment.Device);
        return model;
    }

    /// <summary>Returns the run's optimiser settings with another epoch count and shuffle seed.</summary>
    public static TrainingSettings Settings(BackdoorConfiguration configuration, int epochs, int shuffleSeed) => new(
        configuration.Optimizer,
        configuration.LearningRate,
        configuration.Momentum,
        configuration.WeightDecay,
        configuration.Schedule,
        epochs,
        configuration.BatchSize,
        shuffleSeed);

    /// <summary>
    /// Trains <paramref name="model"/> for <paramref name="epochs"/> epochs over <paramref name="rows"/> of
    /// <paramref name="images"/> and <paramref name="labels"/> (null: all rows), reporting every step's loss as
    /// <see cref="DefenceMetrics.TrainLoss"/> and progress as "{phase} epoch e of n", and calling
    /// <paramref name="afterEpoch"/> with the epoch number (from 1) and the trainer's step count.
    /// </summary>
    /// <param name="epochOffset">Epochs of the whole run done before this phase, for progress.</param>
    /// <param name="checkpoints">
    /// Saves a checkpoint after each epoch, once <paramref name="afterEpoch"/> has run, and continues from
    /// <see cref="CheckpointPlan.Resume"/> when set; null saves none.
    /// </param>
    public static void Train(
        DefenceEnvironment environment,
        Module<Tensor, Tensor> model,
        Tensor images,
        Tensor labels,
        IReadOnlyList<long>? rows,
        int epochs,
        int shuffleSeed,
        string phase,
        double epochOffset,
        Func<Tensor, Tensor>? objective = null,
        Action<int, long>? afterEpoch = null,
        CheckpointPlan? checkpoints = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(model);

        int count = rows?.Count ?? checked((int)images.shape[0]);
        var context = environment.Context;
        using var trainer = new ClassifierTrainer(model, Settings(environment.Configuration, epochs, shuffleSeed), count, environment.Device);
        int interval = Math.Max(1, trainer.StepsPerEpoch / ProgressReportsPerEpoch);
        int firstEpoch = 1;
        if (checkpoints?.Resume is { } resume)
        {
            TrainingCheckpoint.Restore(resume, model, trainer);
            firstEpoch = resume.Info.Epoch + 1;
            context.Log($"Resumed {phase} training from the checkpoint after epoch {resume.Info.Epoch} of {epochs} (step {resume.Info.Step}).");
        }

        for (int epoch = firstEpoch; epoch <= epochs; epoch++)
        {
            string label = $"{phase} epoch {epoch} of {epochs}";
            trainer.TrainEpoch(
                images,
                labels,
                rows,
                step =>
                {
                    context.ReportMetric(DefenceMetrics.TrainLoss, step.Step, step.EpochPosition, step.Loss);
                    if (step.Step % interval == 0)
                    {
                        environment.Progress.Report(epochOffset + step.EpochPosition, label);
                    }
                },
                environment.CancellationToken,
                objective);
            afterEpoch?.Invoke(epoch, trainer.Step);
            if (checkpoints is not null)
            {
                // Every point of this epoch must be stored before the checkpoint that a resume continues after.
                context.StoreReports();
                TrainingCheckpoint.Save(checkpoints.Folder, checkpoints.Describe(epoch, trainer.Step, 0), model, trainer, checkpoints.WriteStudyState);
            }
        }
    }

    /// <summary>Returns the test results of <paramref name="model"/> and logs them with <paramref name="description"/>.</summary>
    public static BackdoorEvaluation Evaluate(DefenceEnvironment environment, Module<Tensor, Tensor> model, string description)
    {
        ArgumentNullException.ThrowIfNull(environment);

        var evaluation = environment.Data.Test.Evaluate(model, environment.CancellationToken);
        string asr = string.Join(", ", environment.Rows.AttackLabels.Select((label, a) => $"{label} {Percent(evaluation.Attacks[a].AttackSuccessRate)}"));
        environment.Context.Log($"{description}: clean accuracy {Percent(evaluation.CleanAccuracy)}, ASR {asr}.");
        return evaluation;
    }

    private static string Percent(double share) => share.ToString("P1", CultureInfo.InvariantCulture);
}
