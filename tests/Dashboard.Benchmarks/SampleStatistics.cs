namespace Dashboard.Benchmarks;

/// <summary>
/// Median and spread of repeated timings: quartiles by linear interpolation between order statistics
/// (the default of R and NumPy), and a percentile-bootstrap 95% confidence interval of the median.
/// </summary>
internal static class SampleStatistics
{
    private const int BootstrapResamples = 2000;

    public static double Median(IReadOnlyList<double> values) => Quantile(values, 0.5);

    public static double Quantile(IReadOnlyList<double> values, double probability)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("A quantile needs at least one value.", nameof(values));
        }

        var sorted = values.Order().ToArray();
        double position = probability * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

    /// <summary>Returns the 2.5th and 97.5th percentiles of the medians of resamples drawn with replacement, seeded for repeatability.</summary>
    public static (double Low, double High) BootstrapMedianInterval(IReadOnlyList<double> values, int seed = 1)
    {
        var random = new Random(seed);
        var medians = new double[BootstrapResamples];
        for (int r = 0; r < BootstrapResamples; r++)
        {
            medians[r] = Median(Resample(values, random));
        }

        return (Quantile(medians, 0.025), Quantile(medians, 0.975));
    }

    /// <summary>
    /// Returns the percentile-bootstrap 95% interval of median(<paramref name="numerator"/>) / median(<paramref name="denominator"/>),
    /// resampling both samples independently.
    /// </summary>
    public static (double Low, double High) BootstrapRatioInterval(IReadOnlyList<double> numerator, IReadOnlyList<double> denominator, int seed = 1)
    {
        var random = new Random(seed);
        var ratios = new double[BootstrapResamples];
        for (int r = 0; r < BootstrapResamples; r++)
        {
            ratios[r] = Median(Resample(numerator, random)) / Median(Resample(denominator, random));
        }

        return (Quantile(ratios, 0.025), Quantile(ratios, 0.975));
    }

    private static double[] Resample(IReadOnlyList<double> values, Random random)
    {
        var resample = new double[values.Count];
        for (int i = 0; i < resample.Length; i++)
        {
            resample[i] = values[random.Next(values.Count)];
        }

        return resample;
    }
}

/// <summary>Median, quartiles and bootstrap 95% interval of the median of one set of timings, in the unit of the timings.</summary>
internal sealed record TimingSummary(int Count, double Median, double LowerQuartile, double UpperQuartile, double IntervalLow, double IntervalHigh)
{
    public static TimingSummary Of(IReadOnlyList<double> values)
    {
        var (low, high) = SampleStatistics.BootstrapMedianInterval(values);
        return new TimingSummary(
            values.Count,
            SampleStatistics.Median(values),
            SampleStatistics.Quantile(values, 0.25),
            SampleStatistics.Quantile(values, 0.75),
            low,
            high);
    }

    public double InterquartileRange => UpperQuartile - LowerQuartile;
}
