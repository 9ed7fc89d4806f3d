using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Dashboard.Training.Models;

/// <summary>
/// The pre-activation residual block ("Identity Mappings in Deep Residual Networks", arXiv 1603.05027): batch
/// norm and ReLU come before each 3×3 convolution and nothing follows the addition, so the identity path
/// stays clean. A block that changes the width or the resolution applies a 1×1 convolution without batch
/// norm to the pre-activated input as its shortcut, as BackdoorBench's PreAct-ResNet18 does
/// (arXiv 2206.12654). Other blocks add their raw input.
/// </summary>
public sealed class PreActBlock : Module<Tensor, Tensor>
{
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn2;
    private readonly Conv2d conv2;
    private readonly Conv2d? projection;

    public PreActBlock(long inputChannels, long outputChannels, long stride)
        : base(nameof(PreActBlock))
    {
        bn1 = BatchNorm2d(inputChannels);
        conv1 = Conv2d(inputChannels, outputChannels, kernel_size: 3, stride: stride, padding: 1, bias: false);
        bn2 = BatchNorm2d(outputChannels);
        conv2 = Conv2d(outputChannels, outputChannels, kernel_size: 3, stride: 1, padding: 1, bias: false);
        projection = stride != 1 || inputChannels != outputChannels
            ? Conv2d(inputChannels, outputChannels, kernel_size: 1, stride: stride, bias: false)
            : null;

        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();

        var activated = functional.relu(bn1.call(input));
        var shortcut = projection is null ? input : projection.call(activated);
        var x = conv1.call(activated);
        x = conv2.call(functional.relu(bn2.call(x)));
        return (x + shortcut).MoveToOuterDisposeScope();
    }
}
