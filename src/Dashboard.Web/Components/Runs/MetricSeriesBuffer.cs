using Dashboard.Core.Experiments;
using Dashboard.Core.Metrics;

namespace Dashboard.Web.Components.Runs;

/// <summary>
/// Every point of one metric that a page has received. The live feed's thread appends and the render thread
/// reads, so all access takes the instance lock.
/// </summary>
public sealed class MetricSeriesBuffer(string metric)
{
    private readonly List<long> _steps = [];
    private readonly List<double> _epochs = [];
    private readonly List<double> _values = [];
    private readonly List<long> _timestamps = [];

    public string Metric { get; } = metric;

    public int Count
    {
        get
        {
            lock (this)
            {
                return _values.Count;
            }
        }
    }

    public double? Last
    {
        get
        {
            lock (this)
            {
                return _values.Count > 0 ? _values[^1] : null;
            }
        }
    }

    public void Append(MetricBatch batch)
    {
        lock (this)
        {
            _steps.AddRange(batch.Steps);
            _epochs.AddRange(batch.Epochs);
            _values.AddRange(batch.Values);
            _timestamps.AddRange(batch.Timestamps);
        }
    }

    /// <summary>Copies points <paramref name="from"/> to the end as (x, y) pairs for the given x axis.</summary>
    public (double X, double Y)[] Read(int from, ChartAxis axis)
    {
        lock (this)
        {
            int count = _values.Count - from;
            if (count <= 0)
            {
                return [];
            }

            var points = new (double X, double Y)[count];
            for (int i = 0; i < count; i++)
            {
                int index = from + i;
                double x = axis switch
                {
                    ChartAxis.Epoch => _epochs[index],
                    ChartAxis.WallTime => _timestamps[index],
                    _ => _steps[index],
                };
                points[i] = (x, _values[index]);
            }

            return points;
        }
    }
}
