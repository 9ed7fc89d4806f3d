using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Dashboard.Training.Classification;

/// <summary>
/// Reads a classifier's penultimate representation: the input of its last <see cref="Linear"/> layer, which in
/// the small CNN and the ResNets is the classifier applied to the flattened or pooled features. A forward
/// pre-hook on that layer copies its input to managed memory, so no model needs a second forward method.
/// </summary>
public static class PenultimateFeatures
{
    /// <summary>
    /// Returns the penultimate features of the listed rows of <paramref name="images"/> (null: all rows), in
    /// eval mode without gradients, as one row-major array of <c>rows × dimension</c> values.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model has no linear layer, or its forward pass does not call it through <c>call</c>.</exception>
    public static float[] Extract(
        Module<Tensor, Tensor> model,
        Tensor images,
        IReadOnlyList<long>? rows,
        int batchSize,
        CancellationToken cancellationToken,
        out int dimension)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);

        var last = LastLinear(model);
        float[]? captured = null;
        int capturedDimension = 0;
        var hook = last.register_forward_pre_hook((_, input) =>
        {
            // The input lives in the model's own dispose scope, so copy it out here as managed floats.
            var flat = input.detach().flatten(start_dim: 1);
            capturedDimension = checked((int)flat.shape[1]);
            using var values = flat.cpu().data<float>();
            captured = values.ToArray();
            return input;
        });

        try
        {
            model.eval();
            using var noGrad = torch.no_grad();

            int count = rows?.Count ?? checked((int)images.shape[0]);
            float[]? features = null;
            dimension = 0;
            for (int start = 0; start < count; start += batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();

                using var scope = torch.NewDisposeScope();
                int length = Math.Min(batchSize, count - start);
                var batchImages = RowBatch.Take(images, RowBatch.Index(rows, start, length, images.device), start, length);
                captured = null;
                model.call(batchImages);
                if (captured is null)
                {
                    throw new InvalidOperationException(
                        $"{model.GetName()} did not run its last linear layer through Module.call, so its penultimate features cannot be read.");
                }

                dimension = capturedDimension;
                features ??= new float[checked(count * dimension)];
                captured.CopyTo(features, (long)start * dimension);
            }

            return features ?? [];
        }
        finally
        {
            hook.remove();
        }
    }

    private static Linear LastLinear(Module<Tensor, Tensor> model)
    {
        Linear? last = null;
        foreach (var (_, module) in model.named_modules())
        {
            if (module is Linear linear)
            {
                last = linear;
            }
        }

        return last ?? throw new InvalidOperationException($"{model.GetName()} has no linear layer whose input could serve as penultimate features.");
    }
}
