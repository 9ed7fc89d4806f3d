namespace Dashboard.Training.Defences.Detection;

public static class Ranks
{
    /// <summary>
    /// Returns the 0-based rank of each value in ascending order; tied values share the mean of the ranks
    /// they span, so <c>[5, 1, 5]</c> gives <c>[1.5, 0, 1.5]</c>. NaN is not allowed.
    /// </summary>
    public static double[] Midranks(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);

        int count = values.Count;
        var order = new int[count];
        var keys = new double[count];
        for (int i = 0; i < count; i++)
        {
            if (double.IsNaN(values[i]))
            {
                throw new ArgumentException($"Value {i} is NaN; ranks need comparable numbers.", nameof(values));
            }

            order[i] = i;
            keys[i] = values[i];
        }

        Array.Sort(keys, order);

        var ranks = new double[count];
        int start = 0;
        while (start < count)
        {
            int end = start + 1;
            while (end < count && keys[end] == keys[start])
            {
                end++;
            }

            double midrank = (start + end - 1) / 2.0;
            for (int i = start; i < end; i++)
            {
                ranks[order[i]] = midrank;
            }

            start = end;
        }

        return ranks;
    }

    /// <summary>
    /// Returns the midranks of <paramref name="values"/> divided by <c>count - 1</c>, so the smallest value
    /// maps to 0 and the largest to 1; a single value maps to 0.
    /// </summary>
    public static double[] Normalised(IReadOnlyList<double> values)
    {
        double[] ranks = Midranks(values);
        if (ranks.Length > 1)
        {
            double scale = ranks.Length - 1;
            for (int i = 0; i < ranks.Length; i++)
            {
                ranks[i] /= scale;
            }
        }

        return ranks;
    }

    /// <summary>
    /// Returns the positions of the <paramref name="count"/> largest values, highest first; equal values are
    /// taken in ascending position order so the choice is deterministic.
    /// </summary>
    public static int[] Top(IReadOnlyList<double> values, int count)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, values.Count);

        var order = Enumerable.Range(0, values.Count).ToArray();
        Array.Sort(order, (a, b) =>
        {
            int byValue = values[b].CompareTo(values[a]);
            return byValue != 0 ? byValue : a.CompareTo(b);
        });
        return order[..count];
    }
}
