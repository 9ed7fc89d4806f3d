using Dashboard.Training.Defences.Detection;

namespace Dashboard.Training.Defences.BadLoss;

/// <summary>
/// The scores of BaDLoss ("Protecting against simultaneous data poisoning attacks", arXiv 2408.13221),
/// computed on loss trajectories given as row-major matrices with <c>width</c> kept epochs per row.
/// Distances are Euclidean over the kept epochs.
/// </summary>
public static class TrajectoryScorer
{
    /// <summary>Offset inside the logarithm of the BaDLoss score: log(0.01 + distance).</summary>
    public const double LogOffset = 0.01;

    /// <summary>
    /// Returns, for each example trajectory, the mean distance to its <paramref name="k"/> nearest clean-probe
    /// trajectories. Clean examples train like the probes, so a large distance marks an example that the
    /// model learns differently, as it learns a backdoor.
    /// </summary>
    public static double[] MeanDistanceToNearestProbes(float[] examples, float[] probes, int width, int k)
    {
        int exampleCount = RowCount(examples, width, nameof(examples));
        int probeCount = RowCount(probes, width, nameof(probes));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, probeCount);

        var scores = new double[exampleCount];
        Parallel.For(
            0,
            exampleCount,
            () => new double[probeCount],
            (i, _, distances) =>
            {
                for (int p = 0; p < probeCount; p++)
                {
                    distances[p] = Distance(examples, i, probes, p, width);
                }

                Array.Sort(distances);
                double sum = 0;
                for (int n = 0; n < k; n++)
                {
                    sum += distances[n];
                }

                scores[i] = sum / k;
                return distances;
            },
            _ => { });
        return scores;
    }

    /// <summary>
    /// Returns, for each example trajectory, the share of backdoor probes among its <paramref name="k"/>
    /// nearest probe trajectories, clean and backdoor probes together: the 2-class kNN of the older BaDLoss
    /// variant. Equal distances are ordered by probe position, clean probes first.
    /// </summary>
    public static double[] BackdoorNeighbourShare(float[] examples, float[] cleanProbes, float[] backdoorProbes, int width, int k)
    {
        int exampleCount = RowCount(examples, width, nameof(examples));
        int cleanCount = RowCount(cleanProbes, width, nameof(cleanProbes));
        int backdoorCount = RowCount(backdoorProbes, width, nameof(backdoorProbes));
        int probeCount = cleanCount + backdoorCount;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, probeCount);

        var scores = new double[exampleCount];
        Parallel.For(
            0,
            exampleCount,
            () => (Distances: new double[probeCount], Order: new int[probeCount]),
            (i, _, buffers) =>
            {
                for (int p = 0; p < probeCount; p++)
                {
                    buffers.Distances[p] = p < cleanCount
                        ? Distance(examples, i, cleanProbes, p, width)
                        : Distance(examples, i, backdoorProbes, p - cleanCount, width);
                    buffers.Order[p] = p;
                }

                var distances = buffers.Distances;
                Array.Sort(buffers.Order, (a, b) =>
                {
                    int byDistance = distances[a].CompareTo(distances[b]);
                    return byDistance != 0 ? byDistance : a.CompareTo(b);
                });

                int backdoor = 0;
                for (int n = 0; n < k; n++)
                {
                    backdoor += buffers.Order[n] >= cleanCount ? 1 : 0;
                }

                scores[i] = (double)backdoor / k;
                return buffers;
            },
            _ => { });
        return scores;
    }

    /// <summary>
    /// Turns raw scores into the BaDLoss rank score: log(0.01 + score), min-max normalised to [0, 1], then
    /// replaced by its normalised rank (0 for the lowest, 1 for the highest, ties sharing their mean rank).
    /// </summary>
    public static double[] RankScores(IReadOnlyList<double> rawScores)
    {
        ArgumentNullException.ThrowIfNull(rawScores);

        var logs = new double[rawScores.Count];
        for (int i = 0; i < logs.Length; i++)
        {
            logs[i] = Math.Log(LogOffset + rawScores[i]);
        }

        double minimum = logs.Length == 0 ? 0 : logs.Min();
        double maximum = logs.Length == 0 ? 0 : logs.Max();
        double span = maximum - minimum;
        for (int i = 0; i < logs.Length; i++)
        {
            logs[i] = span > 0 ? (logs[i] - minimum) / span : 0;
        }

        return Ranks.Normalised(logs);
    }

    private static double Distance(float[] a, int rowA, float[] b, int rowB, int width)
    {
        double sum = 0;
        int offsetA = rowA * width;
        int offsetB = rowB * width;
        for (int e = 0; e < width; e++)
        {
            double difference = a[offsetA + e] - b[offsetB + e];
            sum += difference * difference;
        }

        return Math.Sqrt(sum);
    }

    private static int RowCount(float[] matrix, int width, string name)
    {
        ArgumentNullException.ThrowIfNull(matrix, name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (matrix.Length % width != 0)
        {
            throw new ArgumentException($"A matrix of {matrix.Length} values does not split into rows of {width}.", name);
        }

        return matrix.Length / width;
    }
}
