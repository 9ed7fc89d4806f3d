using Dashboard.Core.Metrics;

namespace Dashboard.Web.Benchmarks.Storage;

/// <summary>Metric batches shaped like a training loss: a decaying curve with noise and rare spikes.</summary>
public static class SyntheticSeries
{
    /// <summary>Returns points <paramref name="firstStep"/> to <paramref name="firstStep"/> + <paramref name="count"/> - 1 of the series.</summary>
    public static MetricBatch Loss(string metric, long firstStep, int count, int seed = 1)
    {
        var random = new Random(seed + (int)(firstStep % int.MaxValue));
        var steps = new long[count];
        var epochs = new double[count];
        var values = new double[count];
        var timestamps = new long[count];
        long start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        for (int i = 0; i < count; i++)
        {
            long step = firstStep + i;
            steps[i] = step;
            epochs[i] = step / 469.0;
            double spike = random.NextDouble() < 0.0005 ? 5 : 0;
            values[i] = (2.3 * Math.Exp(-step / 50_000.0)) + (0.1 * random.NextDouble()) + spike;
            timestamps[i] = start + (step * 4);
        }

        return new MetricBatch { Metric = metric, Steps = steps, Epochs = epochs, Values = values, Timestamps = timestamps };
    }
}
