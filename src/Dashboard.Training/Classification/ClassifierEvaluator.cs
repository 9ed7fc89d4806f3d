using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Dashboard.Training.Classification;

public static class ClassifierEvaluator
{
    /// <summary>
    /// Returns the predicted class (arg max of the logits) of every image in <paramref name="images"/>
    /// [N, C, H, W], in eval mode without gradients, one dispose scope per batch. Checks
    /// <paramref name="cancellationToken"/> before every batch.
    /// </summary>
    public static long[] Predict(Module<Tensor, Tensor> model, Tensor images, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);

        model.eval();
        using var noGrad = torch.no_grad();

        long count = images.shape[0];
        var predictions = new long[count];
        for (long start = 0; start < count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();

            using var scope = torch.NewDisposeScope();
            long length = Math.Min(batchSize, count - start);
            var predicted = model.call(images.narrow(0, start, length)).argmax(1).cpu();
            using var values = predicted.data<long>();
            values.ToArray().CopyTo(predictions, start);
        }

        return predictions;
    }

    /// <summary>Returns the share of <paramref name="predictions"/> equal to <paramref name="labels"/> (0 to 1).</summary>
    public static double Accuracy(ReadOnlySpan<long> predictions, ReadOnlySpan<int> labels)
    {
        if (predictions.Length != labels.Length)
        {
            throw new ArgumentException($"Got {predictions.Length} predictions for {labels.Length} labels.", nameof(predictions));
        }

        if (labels.Length == 0)
        {
            return 0;
        }

        int correct = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            correct += predictions[i] == labels[i] ? 1 : 0;
        }

        return (double)correct / labels.Length;
    }
}
