using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Dashboard.Training.Models;

/// <summary>
/// The basic residual block of ResNet-18 ("Deep Residual Learning for Image Recognition", arXiv 1512.03385):
/// 3×3 convolution, batch norm, ReLU, 3×3 convolution, batch norm, then the shortcut is added and a ReLU
/// applied. A block that changes the width or the resolution has a 1×1 convolution with batch norm as its
/// shortcut, the paper's option B. Other blocks add their input unchanged.
/// </summary>
public sealed class BasicBlock : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly Module<Tensor, Tensor> shortcut;

    public BasicBlock(long inputChannels, long outputChannels, long stride)
        : base(nameof(BasicBlock))
    {
        // Biases are left out because the batch norm that follows each convolution subtracts any constant.
        conv1 = Conv2d(inputChannels, outputChannels, kernel_size: 3, stride: stride, padding: 1, bias: false);
        bn1 = BatchNorm2d(outputChannels);
        conv2 = Conv2d(outputChannels, outputChannels, kernel_size: 3, stride: 1, padding: 1, bias: false);
        bn2 = BatchNorm2d(outputChannels);
        shortcut = stride != 1 || inputChannels != outputChannels
            ? Sequential(
                Conv2d(inputChannels, outputChannels, kernel_size: 1, stride: stride, bias: false),
                BatchNorm2d(outputChannels))
            : Identity();

        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();

        var x = functional.relu(bn1.call(conv1.call(input)));
        x = bn2.call(conv2.call(x));
        x = functional.relu(x + shortcut.call(input));
        return x.MoveToOuterDisposeScope();
    }
}
