namespace Dashboard.Core.Metrics;

/// <summary>One value of a metric. <paramref name="TimestampMs"/> is Unix time in milliseconds.</summary>
public readonly record struct MetricPoint(long Step, double Epoch, double Value, long TimestampMs);
