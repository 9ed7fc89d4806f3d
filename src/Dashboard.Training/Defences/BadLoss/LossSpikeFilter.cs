namespace Dashboard.Training.Defences.BadLoss;

/// <summary>
/// The epoch filter of BaDLoss ("Protecting against simultaneous data poisoning attacks", arXiv 2408.13221):
/// training on several attacks at once shows loss spikes, and an epoch whose mean recorded loss exceeds
/// <c>factor</c> times the mean of the previous <c>window</c> kept epochs is left out of the trajectories.
/// </summary>
public static class LossSpikeFilter
{
    /// <summary>
    /// Returns the 0-based indices of the epochs to keep, ascending. The first epoch is always kept; while
    /// fewer than <paramref name="window"/> epochs have been kept, the comparison uses all of them.
    /// </summary>
    /// <param name="epochMeans">Mean recorded loss over all examples after each epoch.</param>
    public static int[] KeptEpochs(IReadOnlyList<double> epochMeans, double factor, int window)
    {
        ArgumentNullException.ThrowIfNull(epochMeans);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(window);
        if (!(factor > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "The spike factor must be positive.");
        }

        var kept = new List<int>(epochMeans.Count);
        for (int epoch = 0; epoch < epochMeans.Count; epoch++)
        {
            int previous = Math.Min(window, kept.Count);
            if (previous > 0)
            {
                double reference = 0;
                for (int i = kept.Count - previous; i < kept.Count; i++)
                {
                    reference += epochMeans[kept[i]];
                }

                reference /= previous;
                if (epochMeans[epoch] > factor * reference)
                {
                    continue;
                }
            }

            kept.Add(epoch);
        }

        return [.. kept];
    }
}
