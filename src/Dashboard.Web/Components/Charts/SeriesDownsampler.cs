namespace Dashboard.Web.Components.Charts;

/// <summary>
/// Reduces a series for drawing by keeping, in each of <c>maxPoints / 2</c> equal index buckets, the
/// points with the smallest and largest value in x order, so spikes such as loss divergence stay visible.
/// </summary>
public static class SeriesDownsampler
{
    public static (double X, double Y)[] MinMax(IReadOnlyList<(double X, double Y)> points, int maxPoints)
    {
        var keptIndices = MinMaxIndices(points.Count, i => points[i].Y, maxPoints);
        return [.. keptIndices.Select(i => points[i])];
    }

    /// <summary>
    /// Returns, in increasing order, the indices of the points kept out of <paramref name="count"/> whose values
    /// <paramref name="value"/> gives; every index when <paramref name="count"/> is at most <paramref name="maxPoints"/>.
    /// </summary>
    public static IReadOnlyList<int> MinMaxIndices(int count, Func<int, double> value, int maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 4);
        if (count <= maxPoints)
        {
            return Enumerable.Range(0, count).ToArray();
        }

        int buckets = maxPoints / 2;
        var result = new List<int>(buckets * 2);
        for (int bucket = 0; bucket < buckets; bucket++)
        {
            int start = (int)((long)bucket * count / buckets);
            int end = (int)((long)(bucket + 1) * count / buckets);
            int minIndex = start;
            int maxIndex = start;
            for (int i = start + 1; i < end; i++)
            {
                double y = value(i);

                // A non-finite value counts as the maximum, so divergence shows as a gap rather than vanishing.
                if (!double.IsFinite(y) || y > value(maxIndex))
                {
                    maxIndex = i;
                }

                if (y < value(minIndex))
                {
                    minIndex = i;
                }
            }

            result.Add(Math.Min(minIndex, maxIndex));
            if (minIndex != maxIndex)
            {
                result.Add(Math.Max(minIndex, maxIndex));
            }
        }

        return result;
    }
}
