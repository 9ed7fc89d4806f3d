using BenchmarkDotNet.Attributes;
using Dashboard.Core.Experiments;
using Dashboard.Storage;
using Dashboard.Web.Components.Charts;
using Dashboard.Web.Components.Runs;

namespace Dashboard.Web.Benchmarks.Storage;

/// <summary>
/// Loading one chart line of a 1,000,000-point series, in the steps a run page takes: read the series from
/// LiteDB, copy it into the page's buffer and out as (x, y) pairs, and reduce it to at most
/// <see cref="LineChart.MaxPointsPerLine"/> points with <see cref="SeriesDownsampler.MinMax"/>.
/// </summary>
[MemoryDiagnoser]
public class ChartDataBenchmark
{
    public const int SeriesPoints = 1_000_000;
    private const string RunId = "run-chart";
    private const string Metric = "train/loss";

    private TemporaryDatabase? _database;
    private LiteDbMetricStore? _store;
    private MetricSeriesBuffer _buffer = new(Metric);
    private (double X, double Y)[] _points = [];

    [GlobalSetup]
    public void Setup()
    {
        _database = new TemporaryDatabase("chart");
        _store = new LiteDbMetricStore(_database.Storage);
        for (int first = 0; first < SeriesPoints; first += 10_000)
        {
            _store.Append(RunId, [SyntheticSeries.Loss(Metric, first, 10_000)]);
        }

        _database.Storage.Checkpoint();
        _buffer = new MetricSeriesBuffer(Metric);
        _buffer.Append(_store.Read(RunId, Metric)!);
        _points = _buffer.Read(0, ChartAxis.Step);
    }

    /// <summary>Reads the whole series from the database into one batch.</summary>
    [Benchmark]
    public int ReadSeries() => _store!.Read(RunId, Metric)!.Count;

    /// <summary>Copies the page buffer's points out as (x, y) pairs, as the chart does before reducing.</summary>
    [Benchmark]
    public int CopyPoints() => _buffer.Read(0, ChartAxis.Step).Length;

    /// <summary>Reduces 1,000,000 (x, y) pairs to at most 2,000 with min and max per bucket.</summary>
    [Benchmark]
    public int Downsample() => SeriesDownsampler.MinMax(_points, LineChart.MaxPointsPerLine).Length;

    [GlobalCleanup]
    public void Cleanup() => _database?.Dispose();
}
