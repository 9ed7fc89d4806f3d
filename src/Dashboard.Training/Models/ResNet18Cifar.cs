using Dashboard.Training.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Dashboard.Training.Models;

/// <summary>
/// ResNet-18 ("Deep Residual Learning for Image Recognition", arXiv 1512.03385) with the stem commonly used
/// for 32×32 images. One 3×3 stride-1 convolution with batch norm and ReLU replaces the 7×7 stride-2
/// convolution and max pooling, so that small images are not shrunk 4-fold before the first block. Four
/// stages of two <see cref="BasicBlock"/>s with 64, 128, 256 and 512 channels (stride 2 from the second
/// stage on), global average pooling and a linear classifier. For 3×32×32 input and 10 classes it has
/// 11,173,962 parameters. The pooling adapts to any input size, so 28×28 works as well.
/// </summary>
public sealed class ResNet18Cifar : Module<Tensor, Tensor>
{
    private readonly Conv2d stem;
    private readonly BatchNorm2d stemNorm;
    private readonly Sequential stages;
    private readonly AdaptiveAvgPool2d pool;
    private readonly Linear classifier;

    public ResNet18Cifar(ImageShape input, int classCount)
        : base(nameof(ResNet18Cifar))
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(input.Channels);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);

        stem = Conv2d(input.Channels, 64, kernel_size: 3, stride: 1, padding: 1, bias: false);
        stemNorm = BatchNorm2d(64);
        stages = Sequential(
            new BasicBlock(64, 64, stride: 1),
            new BasicBlock(64, 64, stride: 1),
            new BasicBlock(64, 128, stride: 2),
            new BasicBlock(128, 128, stride: 1),
            new BasicBlock(128, 256, stride: 2),
            new BasicBlock(256, 256, stride: 1),
            new BasicBlock(256, 512, stride: 2),
            new BasicBlock(512, 512, stride: 1));
        pool = AdaptiveAvgPool2d(1);
        classifier = Linear(512, classCount);

        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();

        var x = functional.relu(stemNorm.call(stem.call(input)));
        x = stages.call(x);
        x = pool.call(x).flatten(start_dim: 1);
        return classifier.call(x).MoveToOuterDisposeScope();
    }
}
