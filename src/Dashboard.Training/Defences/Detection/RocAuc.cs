namespace Dashboard.Training.Defences.Detection;

/// <summary>
/// Area under the ROC curve of a score against a binary flag, computed exactly as the Mann–Whitney
/// statistic: the probability that a random flagged example scores above a random unflagged one, with
/// ties counted as one half.
/// </summary>
public static class RocAuc
{
    /// <summary>
    /// Returns the AUC of <paramref name="scores"/> (higher means "more likely flagged") against
    /// <paramref name="flags"/>, or NaN when either class is empty. Ties get the mean of the ranks they span
    /// (midranks), which is what makes the tie rule exact.
    /// </summary>
    public static double Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> flags)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(flags);
        if (scores.Count != flags.Count)
        {
            throw new ArgumentException($"Got {scores.Count} scores for {flags.Count} flags; they must have the same length.", nameof(flags));
        }

        long positives = flags.Count(flag => flag);
        long negatives = flags.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        double[] ranks = Ranks.Midranks(scores);
        double positiveRankSum = 0;
        for (int i = 0; i < ranks.Length; i++)
        {
            if (flags[i])
            {
                positiveRankSum += ranks[i];
            }
        }

        // Midranks here are 0-based, so the smallest possible rank sum of the positives is p(p - 1)/2.
        double u = positiveRankSum - positives * (positives - 1) / 2.0;
        return u / ((double)positives * negatives);
    }
}
