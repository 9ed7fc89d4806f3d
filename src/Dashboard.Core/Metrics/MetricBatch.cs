namespace Dashboard.Core.Metrics;

/// <summary>
/// Consecutive points of one metric in columns: the unit in which points are reported, stored, streamed
/// and read back. All four arrays have the same length. Timestamps are Unix time in milliseconds.
/// </summary>
public sealed class MetricBatch
{
    public required string Metric { get; init; }

    /// <summary>Global training step (optimiser updates so far) at which each value was taken.</summary>
    public required long[] Steps { get; init; }

    /// <summary>Epoch position of each value: whole numbers after an epoch, fractions during one.</summary>
    public required double[] Epochs { get; init; }

    public required double[] Values { get; init; }

    public required long[] Timestamps { get; init; }

    public int Count => Values.Length;

    public MetricPoint this[int index] => new(Steps[index], Epochs[index], Values[index], Timestamps[index]);

    /// <summary>Builds a batch from points; throws if any array lengths disagree.</summary>
    public static MetricBatch FromPoints(string metric, IReadOnlyCollection<MetricPoint> points)
    {
        ArgumentException.ThrowIfNullOrEmpty(metric);
        ArgumentNullException.ThrowIfNull(points);

        var steps = new long[points.Count];
        var epochs = new double[points.Count];
        var values = new double[points.Count];
        var timestamps = new long[points.Count];
        int i = 0;
        foreach (var point in points)
        {
            steps[i] = point.Step;
            epochs[i] = point.Epoch;
            values[i] = point.Value;
            timestamps[i] = point.TimestampMs;
            i++;
        }

        return new MetricBatch { Metric = metric, Steps = steps, Epochs = epochs, Values = values, Timestamps = timestamps };
    }

    public IEnumerable<MetricPoint> Points()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    /// <summary>Returns an error message if the columns disagree in length or the metric name is invalid; otherwise null.</summary>
    public string? Validate()
    {
        if (!MetricNames.IsValid(Metric))
        {
            return $"Metric name '{Metric}' is invalid: {MetricNames.Rule}.";
        }

        int count = Values?.Length ?? -1;
        if (Steps?.Length != count || Epochs?.Length != count || Timestamps?.Length != count)
        {
            return $"Metric batch '{Metric}' has columns of different lengths.";
        }

        return null;
    }
}
