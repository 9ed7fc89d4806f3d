using System.Diagnostics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dashboard.Benchmarks;

/// <summary>Forward and backward seconds of one layer run on its own, with its multiply-adds where counted.</summary>
internal sealed record LayerTime(string Name, string Kind, long[] OutputShape, double ForwardSeconds, double BackwardSeconds, long MultiplyAdds);

/// <summary>
/// Times every convolution, batch norm, pooling and linear layer of a model on its own. One forward pass with
/// hooks records each layer's input. Each layer then runs forward on a detached copy of that input, which
/// requires a gradient where the full model needs one, and backward from a gradient of ones. The median of the
/// repeats is kept. Functional ReLUs, residual additions, the loss and the optimiser are not layers, so their
/// time is the full step's median minus the layers' sum.
/// </summary>
internal static class LayerProfile
{
    public static List<LayerTime> Measure(nn.Module<Tensor, Tensor> model, Tensor input, int warmups, int repeats)
    {
        var counts = LayerCounts.Count(model, input).ToDictionary(count => count.Name, count => count.MultiplyAdds);
        var captured = CaptureInputs(model, input);
        var times = new List<LayerTime>();
        try
        {
            bool first = true;
            foreach (var (name, module, layerInput) in captured)
            {
                var forward = new List<double>();
                var backward = new List<double>();
                long[] outputShape = [];
                for (int i = 0; i < warmups + repeats; i++)
                {
                    using var scope = torch.NewDisposeScope();
                    // The image batch needs no gradient in training, so the first layer computes none.
                    var x = first ? layerInput : layerInput.detach().requires_grad_(true);
                    long start = Stopwatch.GetTimestamp();
                    var y = module.call(x);
                    double forwardSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
                    var gradient = torch.ones_like(y);
                    start = Stopwatch.GetTimestamp();
                    y.backward([gradient]);
                    double backwardSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
                    outputShape = y.shape;
                    if (i >= warmups)
                    {
                        forward.Add(forwardSeconds);
                        backward.Add(backwardSeconds);
                    }
                }

                model.zero_grad();
                times.Add(new LayerTime(name, Kind(module), outputShape, SampleStatistics.Median(forward), SampleStatistics.Median(backward), counts.GetValueOrDefault(name)));
                first = false;
            }
        }
        finally
        {
            captured.ForEach(layer => layer.Input.Dispose());
        }

        return times;
    }

    private static List<(string Name, nn.Module<Tensor, Tensor> Module, Tensor Input)> CaptureInputs(nn.Module<Tensor, Tensor> model, Tensor input)
    {
        var captured = new List<(string, nn.Module<Tensor, Tensor>, Tensor)>();
        var removers = new List<Action>();
        foreach (var (name, module) in model.named_modules())
        {
            if (module is Conv2d or BatchNorm2d or Linear or AdaptiveAvgPool2d)
            {
                var layer = (nn.Module<Tensor, Tensor>)module;
                removers.Add(layer.register_forward_hook((_, x, y) =>
                {
                    captured.Add((name, layer, x.detach().clone().DetachFromDisposeScope()));
                    return y;
                }).remove);
            }
        }

        using (torch.no_grad())
        using (torch.NewDisposeScope())
        {
            model.call(input);
        }

        removers.ForEach(remove => remove());
        return captured;
    }

    private static string Kind(nn.Module module) => module switch
    {
        Conv2d conv => $"conv {conv.weight!.shape[2]}x{conv.weight!.shape[3]}",
        BatchNorm2d => "batch norm",
        Linear => "linear",
        _ => "pooling",
    };
}
