namespace Dashboard.Web.Benchmarks.Infrastructure;

/// <summary>Summary statistics of repeated measurements: percentiles, median, spread and a 95% confidence interval.</summary>
public sealed record Statistics(int Count, double Mean, double Median, double Min, double Max, double P95, double P99, double ConfidenceHalfWidth)
{
    /// <summary>Two-sided 97.5% quantiles of Student's t distribution for 1 to 30 degrees of freedom.</summary>
    private static readonly double[] StudentT975 =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    /// <summary>Statistics of no values, shown as n/a.</summary>
    public static Statistics None { get; } = new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>Computes the statistics of <paramref name="values"/>; throws if there are none.</summary>
    public static Statistics Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("No values to summarise.", nameof(values));
        }

        var sorted = values.Order().ToArray();
        double mean = sorted.Average();
        double halfWidth = 0;
        if (sorted.Length > 1)
        {
            double variance = sorted.Sum(v => (v - mean) * (v - mean)) / (sorted.Length - 1);
            int degrees = sorted.Length - 1;
            double t = degrees <= StudentT975.Length ? StudentT975[degrees - 1] : 1.96;
            halfWidth = t * Math.Sqrt(variance / sorted.Length);
        }

        return new Statistics(
            sorted.Length,
            mean,
            Percentile(sorted, 0.50),
            sorted[0],
            sorted[^1],
            Percentile(sorted, 0.95),
            Percentile(sorted, 0.99),
            halfWidth);
    }

    /// <summary>Returns the <paramref name="quantile"/> of sorted values, interpolating linearly between ranks.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double quantile)
    {
        if (sorted.Count == 1)
        {
            return sorted[0];
        }

        double rank = quantile * (sorted.Count - 1);
        int lower = (int)Math.Floor(rank);
        int upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((rank - lower) * (sorted[upper] - sorted[lower]));
    }
}
