using Dashboard.Training.Classification;
using Dashboard.Training.Defences.AntiBackdoorLearning;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Dashboard.Training.Tests.Defences;

public sealed class LocalGradientAscentTests
{
    [Theory]
    [InlineData(0.3, -0.3, -1.0)]
    [InlineData(0.8, 0.8, 1.0)]
    public void ObjectiveFlipsBelowGamma(double lossValue, double expectedObjective, double expectedGradient)
    {
        using var scope = torch.NewDisposeScope();
        var loss = torch.tensor(lossValue, dtype: ScalarType.Float64, requires_grad: true);

        var objective = LocalGradientAscent.Objective(loss, gamma: 0.5);
        objective.backward();

        Assert.Equal(expectedObjective, objective.item<double>(), precision: 12);
        Assert.Equal(expectedGradient, loss.grad!.item<double>(), precision: 12);
    }

    [Fact]
    public void IsolateTakesLowestLosses()
    {
        float[] losses = [0.5f, 0.01f, 2.0f, 0.02f, 0.3f];

        Assert.Equal(new[] { 1, 3 }, LocalGradientAscent.Isolate(losses, fraction: 0.4));
    }

    [Fact]
    public void IsolateTakesAtLeastOne()
    {
        Assert.Equal(new[] { 2 }, LocalGradientAscent.Isolate([0.5f, 0.4f, 0.1f], fraction: 0.01));
    }

    [Fact]
    public void IsolationFindsEasyExamples()
    {
        // 200 noise images with random labels are hard to fit; 20 images with one bright pixel, all labelled 0,
        // are a shortcut the model learns at once, like a backdoor trigger. After LGA training the 20 lowest
        // losses should be exactly the shortcut images.
        const int hard = 200;
        const int easy = 20;
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(1);
        var random = new Random(2);
        var pixels = new float[(hard + easy) * 16];
        var labels = new long[hard + easy];
        for (int i = 0; i < hard + easy; i++)
        {
            for (int p = 0; p < 16; p++)
            {
                pixels[i * 16 + p] = (float)random.NextDouble();
            }

            labels[i] = i < hard ? random.Next(4) : 0;
            if (i >= hard)
            {
                pixels[i * 16] = 8f;
            }
        }

        var images = torch.tensor(pixels, [hard + easy, 1, 4, 4]);
        var targets = torch.tensor(labels);
        var model = Sequential(("flatten", Flatten()), ("linear", Linear(16, 4)));
        var settings = new TrainingSettings(OptimizerKind.Sgd, 0.1, 0.9, 0, LearningRateSchedule.Constant, Epochs: 20, BatchSize: 32, Seed: 3);
        using (var trainer = new ClassifierTrainer(model, settings, hard + easy, torch.CPU))
        {
            for (int epoch = 0; epoch < settings.Epochs; epoch++)
            {
                trainer.TrainEpoch(images, targets, rows: null, _ => { }, CancellationToken.None, loss => LocalGradientAscent.Objective(loss, 0.5));
            }
        }

        float[] losses = ExampleLosses.Compute(model, images, targets, rows: null, batchSize: 64, maximum: 100, CancellationToken.None);
        int[] isolated = LocalGradientAscent.Isolate(losses, fraction: (double)easy / (hard + easy));

        Assert.Equal(Enumerable.Range(hard, easy), isolated.Order());
    }
}
