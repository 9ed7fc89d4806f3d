using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Dashboard.Training.Classification;

public static class ExampleLosses
{
    /// <summary>
    /// Returns the cross-entropy of every listed example under <paramref name="model"/> in eval mode without
    /// gradients, each clamped at <paramref name="maximum"/> so that one confidently wrong example cannot
    /// dominate a mean. <paramref name="rows"/> selects rows of <paramref name="images"/> [N, C, H, W] and
    /// <paramref name="labels"/> [N], in that order; null means all N rows. One dispose scope per batch, and
    /// <paramref name="cancellationToken"/> is checked before every batch.
    /// </summary>
    public static float[] Compute(
        Module<Tensor, Tensor> model,
        Tensor images,
        Tensor labels,
        IReadOnlyList<long>? rows,
        int batchSize,
        double maximum,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);

        model.eval();
        using var noGrad = torch.no_grad();

        int count = rows?.Count ?? checked((int)images.shape[0]);
        var losses = new float[count];
        for (int start = 0; start < count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();

            using var scope = torch.NewDisposeScope();
            int length = Math.Min(batchSize, count - start);
            var index = RowBatch.Index(rows, start, length, images.device);
            var batchImages = RowBatch.Take(images, index, start, length);
            var batchLabels = RowBatch.Take(labels, index, start, length);
            var perExample = functional.cross_entropy(model.call(batchImages), batchLabels, reduction: Reduction.None)
                .clamp_max(maximum)
                .cpu();
            using var values = perExample.data<float>();
            values.ToArray().CopyTo(losses, start);
        }

        return losses;
    }
}
