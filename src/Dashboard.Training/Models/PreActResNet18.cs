using Dashboard.Training.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Dashboard.Training.Models;

/// <summary>
/// Pre-activation ResNet-18 ("Identity Mappings in Deep Residual Networks", arXiv 1603.05027) in the form
/// BackdoorBench ("BackdoorBench: A Comprehensive Benchmark of Backdoor Learning", arXiv 2206.12654) reports
/// its CIFAR-10 results with: a 3×3 stride-1 convolution without batch norm, four stages of two
/// <see cref="PreActBlock"/>s with 64, 128, 256 and 512 channels (stride 2 from the second stage on), global
/// average pooling and a linear classifier. Like BackdoorBench's, it has no batch norm and ReLU after the last
/// block. For 3×32×32 input and 10 classes it has 11,171,146 parameters. The pooling adapts to any input size, so 28×28 works as well.
/// </summary>
public sealed class PreActResNet18 : Module<Tensor, Tensor>
{
    private readonly Conv2d stem;
    private readonly Sequential stages;
    private readonly AdaptiveAvgPool2d pool;
    private readonly Linear classifier;

    public PreActResNet18(ImageShape input, int classCount)
        : base(nameof(PreActResNet18))
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(input.Channels);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);

        stem = Conv2d(input.Channels, 64, kernel_size: 3, stride: 1, padding: 1, bias: false);
        stages = Sequential(
            new PreActBlock(64, 64, stride: 1),
            new PreActBlock(64, 64, stride: 1),
            new PreActBlock(64, 128, stride: 2),
            new PreActBlock(128, 128, stride: 1),
            new PreActBlock(128, 256, stride: 2),
            new PreActBlock(256, 256, stride: 1),
            new PreActBlock(256, 512, stride: 2),
            new PreActBlock(512, 512, stride: 1));
        pool = AdaptiveAvgPool2d(1);
        classifier = Linear(512, classCount);

        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();

        var x = stem.call(input);
        x = stages.call(x);
        x = pool.call(x).flatten(start_dim: 1);
        return classifier.call(x).MoveToOuterDisposeScope();
    }
}
