using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dashboard.Benchmarks;

/// <summary>One convolution or linear layer met in a forward pass, with its output shape and multiply-adds.</summary>
internal sealed record LayerCount(string Name, string Kind, long[] OutputShape, long MultiplyAdds);

/// <summary>
/// Counts the multiply-adds of a model's convolution and linear layers in one forward pass, from each layer's
/// weight shape and the output size seen by a forward hook. A Conv2d does output elements × (input channels
/// / groups) × kernel height × kernel width multiply-adds; a Linear does output elements × input features.
/// Batch norm, ReLU, additions, pooling and the loss are not counted: together they are a few percent of
/// the multiply-adds of these models.
/// </summary>
internal static class LayerCounts
{
    /// <summary>
    /// Training FLOPs per forward multiply-add: 2 FLOPs per multiply-add, times 3 because the backward pass
    /// computes the input gradient and the weight gradient, each about as costly as the forward pass. The first
    /// layer needs no input gradient, so this slightly overstates its work.
    /// </summary>
    public const double TrainingFlopsPerMultiplyAdd = 6;

    public static List<LayerCount> Count(nn.Module<Tensor, Tensor> model, Tensor input)
    {
        var counts = new List<LayerCount>();
        var removers = new List<Action>();
        foreach (var (name, module) in model.named_modules())
        {
            if (module is Conv2d conv)
            {
                var weight = conv.weight!;
                long perOutput = weight.shape[1] * weight.shape[2] * weight.shape[3];
                string kind = $"conv {weight.shape[2]}x{weight.shape[3]}";
                removers.Add(conv.register_forward_hook((_, _, output) => Record(counts, name, kind, output, perOutput)).remove);
            }
            else if (module is Linear linear)
            {
                long perOutput = linear.weight!.shape[1];
                removers.Add(linear.register_forward_hook((_, _, output) => Record(counts, name, "linear", output, perOutput)).remove);
            }
        }

        model.eval();
        using (torch.no_grad())
        using (torch.NewDisposeScope())
        {
            model.call(input);
        }

        model.train();
        removers.ForEach(remove => remove());
        return counts;
    }

    private static Tensor Record(List<LayerCount> counts, string name, string kind, Tensor output, long multiplyAddsPerOutput)
    {
        counts.Add(new LayerCount(name, kind, output.shape, output.numel() * multiplyAddsPerOutput));
        return output;
    }
}
