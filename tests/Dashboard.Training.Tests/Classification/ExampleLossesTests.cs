using Dashboard.Training.Classification;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Dashboard.Training.Tests.Classification;

public sealed class ExampleLossesTests
{
    [Fact]
    public void LossesFollowListedRows()
    {
        using var scope = torch.NewDisposeScope();
        var (model, images, labels) = TinyProblem();

        float[] all = ExampleLosses.Compute(model, images, labels, rows: null, batchSize: 3, maximum: 100, CancellationToken.None);
        float[] picked = ExampleLosses.Compute(model, images, labels, rows: [4, 0, 4], batchSize: 2, maximum: 100, CancellationToken.None);

        Assert.Equal(new[] { all[4], all[0], all[4] }, picked);
    }

    [Fact]
    public void LossesMatchCrossEntropy()
    {
        using var scope = torch.NewDisposeScope();
        var (model, images, labels) = TinyProblem();

        float[] losses = ExampleLosses.Compute(model, images, labels, rows: null, batchSize: 4, maximum: 100, CancellationToken.None);

        using var noGrad = torch.no_grad();
        float mean = functional.cross_entropy(model.call(images), labels).item<float>();
        Assert.Equal(mean, losses.Average(), precision: 5);
    }

    [Fact]
    public void LossesClampedAtMaximum()
    {
        using var scope = torch.NewDisposeScope();
        var (model, images, labels) = TinyProblem();

        float[] losses = ExampleLosses.Compute(model, images, labels, rows: null, batchSize: 4, maximum: 0.01, CancellationToken.None);

        Assert.All(losses, loss => Assert.True(loss <= 0.01f));
    }

    [Fact]
    public void CancelledBeforeFirstBatch()
    {
        using var scope = torch.NewDisposeScope();
        var (model, images, labels) = TinyProblem();

        Assert.Throws<OperationCanceledException>(() =>
            ExampleLosses.Compute(model, images, labels, rows: null, batchSize: 4, maximum: 100, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void PenultimateFeaturesAreLastLinearInput()
    {
        using var scope = torch.NewDisposeScope();
        var (model, images, _) = TinyProblem();

        float[] features = PenultimateFeatures.Extract(model, images, rows: [2, 1], batchSize: 1, CancellationToken.None, out int dimension);

        using var noGrad = torch.no_grad();
        var hidden = model[..^1].call(images.index_select(0, torch.tensor(new long[] { 2, 1 })));
        using var expected = hidden.data<float>();
        Assert.Equal(6, dimension);

        // Batches of 1 and of 2 may round differently in the last bit.
        Assert.Equal(expected.ToArray(), features, (a, b) => Math.Abs(a - b) < 1e-6f);
    }

    [Fact]
    public void PenultimateFeaturesNeedLinearLayer()
    {
        using var scope = torch.NewDisposeScope();
        var model = Sequential(("flatten", Flatten()));

        Assert.Throws<InvalidOperationException>(() =>
            PenultimateFeatures.Extract(model, torch.zeros(2, 1, 2, 2), rows: null, batchSize: 2, CancellationToken.None, out _));
    }

    /// <summary>A 2-layer net on 7 random 1×2×2 images with 3 classes.</summary>
    internal static (Sequential Model, Tensor Images, Tensor Labels) TinyProblem()
    {
        torch.manual_seed(4);
        var model = Sequential(("flatten", Flatten()), ("hidden", Linear(4, 6)), ("relu", ReLU()), ("output", Linear(6, 3)));
        var images = torch.rand(7, 1, 2, 2);
        var labels = torch.tensor(new long[] { 0, 1, 2, 0, 1, 2, 0 });
        return (model, images, labels);
    }
}
