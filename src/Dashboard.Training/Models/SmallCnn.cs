using Dashboard.Training.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Dashboard.Training.Models;

/// <summary>
/// A small convolutional classifier for 1x28x28 or 3x32x32 images: two 3x3 convolutions with stride 2
/// and ReLU, then one linear layer on the flattened feature map.
/// </summary>
/// <remarks>
/// The net uses strided convolutions instead of max pooling because a pooling net learned the faint
/// blend random trigger far more slowly. With 3 epochs of the reference attacks on Fashion-MNIST (tests/Dashboard.Benchmarks, 2-core
/// x86-64 CPU), this net reached 93% ASR for the blend random trigger in about 2 s per epoch. A
/// conv-pool-conv-pool net of width 16 reached 11% in about 4 s per epoch. The flatten keeps where each
/// feature sits, which the 4-pixel corner patch needs.
/// </remarks>
public sealed class SmallCnn : Module<Tensor, Tensor>
{
    public const int DefaultBaseChannels = 32;

    private readonly Conv2d conv1;
    private readonly Conv2d conv2;
    private readonly Linear classifier;

    /// <param name="baseChannels">Output channels of the first convolution; the second has twice as many.</param>
    public SmallCnn(ImageShape input, int classCount, int baseChannels = DefaultBaseChannels)
        : base(nameof(SmallCnn))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(input.Height, 4);
        ArgumentOutOfRangeException.ThrowIfLessThan(input.Width, 4);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baseChannels);

        conv1 = Conv2d(input.Channels, baseChannels, kernel_size: 3, stride: 2, padding: 1);
        conv2 = Conv2d(baseChannels, 2 * baseChannels, kernel_size: 3, stride: 2, padding: 1);
        long features = 2L * baseChannels * HalvedTwice(input.Height) * HalvedTwice(input.Width);
        classifier = Linear(features, classCount);

        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();

        var x = functional.relu(conv1.call(input));
        x = functional.relu(conv2.call(x));
        x = x.flatten(start_dim: 1);
        return classifier.call(x).MoveToOuterDisposeScope();
    }

    // A 3x3 convolution with stride 2 and padding 1 maps a side of n pixels to ceil(n / 2).
    private static long HalvedTwice(int pixels) => (pixels + 3) / 4;
}
