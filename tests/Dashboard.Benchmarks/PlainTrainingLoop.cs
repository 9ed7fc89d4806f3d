using System.Diagnostics;
using Dashboard.Training.Backdoor;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Dashboard.Benchmarks;

/// <summary>
/// The minimal TorchSharp training step, with no product code around it: zero the gradients, forward,
/// cross-entropy, backward, AdamW step, and read the loss, on one fixed batch of random images. AdamW uses the
/// backdoor configuration's default learning rate (1e-3) and weight decay (1e-4) and libtorch's other defaults,
/// as PyTorch's AdamW does. Each step runs in its own dispose scope, which TorchSharp needs to free the
/// step's tensors. Owns the batch and the optimiser, not the model.
/// </summary>
internal sealed class PlainTrainingLoop : IDisposable
{
    private readonly Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private Tensor _images;
    private readonly Tensor _labels;

    public PlainTrainingLoop(Module<Tensor, Tensor> model, long[] imageShape, int classCount, int seed)
    {
        var defaults = new BackdoorConfiguration();
        _model = model;
        _optimizer = optim.AdamW(model.parameters(), defaults.LearningRate, weight_decay: defaults.WeightDecay);

        torch.manual_seed(seed);
        _images = torch.rand(imageShape);
        _labels = torch.randint(0, classCount, [imageShape[0]]);
        _model.train();
    }

    public optim.Optimizer Optimizer => _optimizer;

    public Tensor Images => _images;

    public Tensor Labels => _labels;

    /// <summary>
    /// Stores the batch channels-last (NHWC in memory, NCHW in shape), which libtorch's convolutions then keep for
    /// their outputs. TorchSharp 0.107 has no memory_format argument, so the layout comes from a permuted copy.
    /// </summary>
    public void UseChannelsLastImages()
    {
        var channelsLast = _images.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);
        _images.Dispose();
        _images = channelsLast;
    }

    /// <summary>Runs one training step and returns the seconds of forward with loss, backward, and zero_grad with the AdamW step.</summary>
    public (double Forward, double Backward, double Optimizer) TimedStep()
    {
        using var scope = torch.NewDisposeScope();

        long start = Stopwatch.GetTimestamp();
        _optimizer.zero_grad();
        double zeroGrad = Stopwatch.GetElapsedTime(start).TotalSeconds;

        start = Stopwatch.GetTimestamp();
        var loss = functional.cross_entropy(_model.call(_images), _labels);
        double forward = Stopwatch.GetElapsedTime(start).TotalSeconds;

        start = Stopwatch.GetTimestamp();
        loss.backward();
        double backward = Stopwatch.GetElapsedTime(start).TotalSeconds;

        start = Stopwatch.GetTimestamp();
        _optimizer.step();
        return (forward, backward, zeroGrad + Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    /// <summary>Runs one training step and returns the batch's cross-entropy before the update.</summary>
    public float Step()
    {
        using var scope = torch.NewDisposeScope();

        _optimizer.zero_grad();
        var logits = _model.call(_images);
        var loss = functional.cross_entropy(logits, _labels);
        loss.backward();
        _optimizer.step();
        return loss.item<float>();
    }

    public void Dispose()
    {
        _optimizer.Dispose();
        _images.Dispose();
        _labels.Dispose();
    }
}
