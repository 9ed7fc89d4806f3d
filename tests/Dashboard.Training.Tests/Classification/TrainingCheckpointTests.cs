using Dashboard.Core.Checkpoints;
using Dashboard.Training.Classification;
using Dashboard.Training.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Dashboard.Training.Tests.Classification;

public sealed class TrainingCheckpointTests
{
    private static readonly CheckpointInfo AfterTwoEpochs = new(2, "final", 2, 0, [], 0, DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData(OptimizerKind.AdamW)]
    [InlineData(OptimizerKind.Sgd)]
    public void RestoredModelEqualsSaved(OptimizerKind optimizer)
    {
        using var folder = new TemporaryFolder();
        using var scope = torch.NewDisposeScope();
        var (model, images, labels) = ExampleLossesTests.TinyProblem();
        var settings = Settings(optimizer);
        using var trainer = new ClassifierTrainer(model, settings, 7, torch.CPU);
        TrainEpochs(trainer, images, labels, 2);
        var saved = TrainingCheckpoint.Save(new CheckpointFolder(folder.Path, 1), AfterTwoEpochs with { Step = trainer.Step }, model, trainer);

        var (restored, _, _) = ExampleLossesTests.TinyProblem();
        using var restoredTrainer = new ClassifierTrainer(restored, settings, 7, torch.CPU);
        TrainingCheckpoint.Restore(saved, restored, restoredTrainer);

        foreach (var (name, parameter) in model.named_parameters())
        {
            Assert.True(parameter.allclose(restored.get_parameter(name)!, rtol: 0, atol: 0), $"Parameter {name} differs after loading.");
        }
    }

    [Theory]
    [InlineData(OptimizerKind.AdamW)]
    [InlineData(OptimizerKind.Sgd)]
    public void RestoredOptimizerStateEqualsSaved(OptimizerKind optimizer)
    {
        using var folder = new TemporaryFolder();
        using var scope = torch.NewDisposeScope();
        var (model, images, labels) = ExampleLossesTests.TinyProblem();
        var settings = Settings(optimizer);
        using var trainer = new ClassifierTrainer(model, settings, 7, torch.CPU);
        TrainEpochs(trainer, images, labels, 2);
        var saved = TrainingCheckpoint.Save(new CheckpointFolder(folder.Path, 1), AfterTwoEpochs with { Step = trainer.Step }, model, trainer);

        var (restored, _, _) = ExampleLossesTests.TinyProblem();
        using var restoredTrainer = new ClassifierTrainer(restored, settings, 7, torch.CPU);
        TrainingCheckpoint.Restore(saved, restored, restoredTrainer);
        restoredTrainer.SaveOptimizerState(folder.File("reloaded.bin"));

        Assert.Equal(File.ReadAllBytes(saved.File(TrainingCheckpoint.OptimizerFile)), File.ReadAllBytes(folder.File("reloaded.bin")));
        Assert.Equal(trainer.Step, restoredTrainer.Step);
        Assert.Equal(2, restoredTrainer.EpochsDone);
    }

    [Theory]
    [InlineData(OptimizerKind.AdamW)]
    [InlineData(OptimizerKind.Sgd)]
    public void ResumedStepsEqualUninterrupted(OptimizerKind optimizer)
    {
        using var folder = new TemporaryFolder();
        using var scope = torch.NewDisposeScope();
        var settings = Settings(optimizer);

        var (uninterrupted, images, labels) = ExampleLossesTests.TinyProblem();
        using var trainer = new ClassifierTrainer(uninterrupted, settings, 7, torch.CPU);
        TrainEpochs(trainer, images, labels, 2);
        var saved = TrainingCheckpoint.Save(new CheckpointFolder(folder.Path, 1), AfterTwoEpochs with { Step = trainer.Step }, uninterrupted, trainer);
        var expectedLosses = TrainEpochs(trainer, images, labels, 2);

        var (resumed, _, _) = ExampleLossesTests.TinyProblem();
        using var resumedTrainer = new ClassifierTrainer(resumed, settings, 7, torch.CPU);
        TrainingCheckpoint.Restore(saved, resumed, resumedTrainer);
        var resumedLosses = TrainEpochs(resumedTrainer, images, labels, 2);

        Assert.Equal(expectedLosses, resumedLosses);
        foreach (var (name, parameter) in uninterrupted.named_parameters())
        {
            Assert.True(parameter.allclose(resumed.get_parameter(name)!, rtol: 0, atol: 0), $"Parameter {name} differs after the resumed epochs.");
        }
    }

    [Fact]
    public void RestoreRejectedAfterTraining()
    {
        using var folder = new TemporaryFolder();
        using var scope = torch.NewDisposeScope();
        var (model, images, labels) = ExampleLossesTests.TinyProblem();
        using var trainer = new ClassifierTrainer(model, Settings(OptimizerKind.Sgd), 7, torch.CPU);
        TrainEpochs(trainer, images, labels, 1);
        var saved = TrainingCheckpoint.Save(new CheckpointFolder(folder.Path, 1), AfterTwoEpochs, model, trainer);

        Assert.Throws<InvalidOperationException>(() => TrainingCheckpoint.Restore(saved, model, trainer));
    }

    /// <summary>Four epochs of batches of 3 (three steps each) with a cosine schedule, so the rate changes every step.</summary>
    private static TrainingSettings Settings(OptimizerKind optimizer) =>
        new(optimizer, 0.05, 0.9, 0.01, LearningRateSchedule.Cosine, Epochs: 4, BatchSize: 3, Seed: 11);

    private static List<(long Step, float Loss, double Rate)> TrainEpochs(ClassifierTrainer trainer, Tensor images, Tensor labels, int epochs)
    {
        var steps = new List<(long Step, float Loss, double Rate)>();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            trainer.TrainEpoch(images, labels, rows: null, step => steps.Add((step.Step, (float)step.Loss, step.LearningRate)), CancellationToken.None);
        }

        return steps;
    }
}
