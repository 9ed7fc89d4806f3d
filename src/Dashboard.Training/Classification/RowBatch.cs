using TorchSharp;
using static TorchSharp.torch;

namespace Dashboard.Training.Classification;

/// <summary>Picks one batch of rows from a tensor, either a contiguous range or listed rows. Call inside the caller's dispose scope.</summary>
internal static class RowBatch
{
    /// <summary>
    /// Returns the index tensor of batch positions [<paramref name="start"/>, start + length) of
    /// <paramref name="rows"/>, or null when <paramref name="rows"/> is null and the batch is a plain range.
    /// </summary>
    public static Tensor? Index(IReadOnlyList<long>? rows, int start, int length, Device device)
    {
        if (rows is null)
        {
            return null;
        }

        var selected = new long[length];
        for (int i = 0; i < length; i++)
        {
            selected[i] = rows[start + i];
        }

        return torch.tensor(selected, device: device);
    }

    public static Tensor Take(Tensor source, Tensor? index, int start, int length) =>
        index is null ? source.narrow(0, start, length) : source.index_select(0, index);
}
