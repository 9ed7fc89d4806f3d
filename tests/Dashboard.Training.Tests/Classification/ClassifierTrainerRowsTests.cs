using Dashboard.Training.Classification;
using TorchSharp;

namespace Dashboard.Training.Tests.Classification;

public sealed class ClassifierTrainerRowsTests
{
    [Fact]
    public void RepeatedRowsCountTowardsEpoch()
    {
        using var scope = torch.NewDisposeScope();
        var (model, images, labels) = ExampleLossesTests.TinyProblem();
        var settings = new TrainingSettings(OptimizerKind.Sgd, 0.1, 0, 0, LearningRateSchedule.Constant, Epochs: 1, BatchSize: 4, Seed: 1);
        long[] rows = [0, 1, 2, 3, 4, 5, 6, 0, 0];
        int steps = 0;

        using var trainer = new ClassifierTrainer(model, settings, rows.Length, torch.CPU);
        trainer.TrainEpoch(images, labels, rows, _ => steps++, CancellationToken.None);

        Assert.Equal(3, steps);
    }

    [Fact]
    public void WrongRowCountRejected()
    {
        using var scope = torch.NewDisposeScope();
        var (model, images, labels) = ExampleLossesTests.TinyProblem();
        var settings = new TrainingSettings(OptimizerKind.Sgd, 0.1, 0, 0, LearningRateSchedule.Constant, Epochs: 1, BatchSize: 4, Seed: 1);

        using var trainer = new ClassifierTrainer(model, settings, trainingImages: 7, torch.CPU);

        Assert.Throws<ArgumentException>(() => trainer.TrainEpoch(images, labels, [0, 1], _ => { }, CancellationToken.None));
    }

    [Fact]
    public void NegatedObjectiveRaisesLoss()
    {
        using var scope = torch.NewDisposeScope();
        var (model, images, labels) = ExampleLossesTests.TinyProblem();
        var settings = new TrainingSettings(OptimizerKind.Sgd, 0.5, 0, 0, LearningRateSchedule.Constant, Epochs: 5, BatchSize: 7, Seed: 1);
        float before = ExampleLosses.Compute(model, images, labels, null, 7, 100, CancellationToken.None).Average();

        using var trainer = new ClassifierTrainer(model, settings, trainingImages: 7, torch.CPU);
        for (int epoch = 0; epoch < settings.Epochs; epoch++)
        {
            trainer.TrainEpoch(images, labels, rows: null, _ => { }, CancellationToken.None, loss => -loss);
        }

        float after = ExampleLosses.Compute(model, images, labels, null, 7, 100, CancellationToken.None).Average();
        Assert.True(after > before, $"Gradient ascent should raise the mean loss; it went from {before} to {after}.");
    }
}
