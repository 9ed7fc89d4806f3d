using Dashboard.Core.Experiments;

namespace Dashboard.Training.Defences.BadLoss;

public static class ProbeDraw
{
    /// <summary>
    /// Returns <paramref name="count"/> distinct entries of <paramref name="candidates"/> drawn uniformly at
    /// random with <see cref="Random"/> seeded by <paramref name="seed"/>, ascending.
    /// </summary>
    /// <param name="what">What is drawn, for the error message, for example "clean probes".</param>
    /// <exception cref="RunFailedException">There are fewer candidates than <paramref name="count"/>.</exception>
    public static int[] Draw(IReadOnlyList<int> candidates, int count, int seed, string what)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > candidates.Count)
        {
            throw new RunFailedException($"BaDLoss needs {count} {what} but only {candidates.Count} suitable unpoisoned training images exist; lower the count or enlarge the training subset.");
        }

        int[] shuffled = [.. candidates];
        new Random(seed).Shuffle(shuffled);
        var drawn = shuffled[..count];
        Array.Sort(drawn);
        return drawn;
    }
}
