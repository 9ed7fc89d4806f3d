namespace Dashboard.Web.Components.Charts;

/// <summary>
/// Reduces a series for drawing by keeping, in each of <c>maxPoints / 2</c> equal index buckets, the
/// points with the smallest and largest value in x order, so spikes such as loss divergence stay visible.
/// </summary>
public static class SeriesDownsampler
{
    public static (double X, double Y)[] MinMax(IReadOnlyList<(double X, double Y)> points, int maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 4);
        if (points.Count <= maxPoints)
        {
            return [.. points];
        }

        int buckets = maxPoints / 2;
        var result = new List<(double X, double Y)>(buckets * 2);
        for (int bucket = 0; bucket < buckets; bucket++)
        {
            int start = (int)((long)bucket * points.Count / buckets);
            int end = (int)((long)(bucket + 1) * points.Count / buckets);
            int minIndex = start;
            int maxIndex = start;
            for (int i = start + 1; i < end; i++)
            {
                // A non-finite value counts as the maximum, so divergence shows as a gap rather than vanishing.
                if (!double.IsFinite(points[i].Y) || points[i].Y > points[maxIndex].Y)
                {
                    maxIndex = i;
                }

                if (points[i].Y < points[minIndex].Y)
                {
                    minIndex = i;
                }
            }

            result.Add(points[Math.Min(minIndex, maxIndex)]);
            if (minIndex != maxIndex)
            {
                result.Add(points[Math.Max(minIndex, maxIndex)]);
            }
        }

        return [.. result];
    }
}
