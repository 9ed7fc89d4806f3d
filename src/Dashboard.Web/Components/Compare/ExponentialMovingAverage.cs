namespace Dashboard.Web.Components.Compare;

/// <summary>
/// Smoothing of a curve by an exponential moving average: <c>s[0] = y[0]</c> and
/// <c>s[i] = weight * s[i-1] + (1 - weight) * y[i]</c>. A weight of 0 leaves the curve unchanged, and
/// weights near 1 smooth strongly.
/// </summary>
public static class ExponentialMovingAverage
{
    public const double MaxWeight = 0.99;

    /// <summary>
    /// Returns the smoothed points, with the same x values. A non-finite value (a diverged loss) stays in
    /// the output as it is and does not enter the average, so one NaN does not erase the rest of the curve.
    /// </summary>
    public static (double X, double Y)[] Smooth(IReadOnlyList<(double X, double Y)> points, double weight)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(weight, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(weight, MaxWeight);

        var smoothed = new (double X, double Y)[points.Count];
        double? average = null;
        for (int i = 0; i < points.Count; i++)
        {
            var (x, y) = points[i];
            if (!double.IsFinite(y))
            {
                smoothed[i] = (x, y);
                continue;
            }

            average = average is { } previous ? (weight * previous) + ((1 - weight) * y) : y;
            smoothed[i] = (x, average.Value);
        }

        return smoothed;
    }
}
