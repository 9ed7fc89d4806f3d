using BenchmarkDotNet.Attributes;
using Dashboard.Core.Metrics;
using Dashboard.Storage;

namespace Dashboard.Web.Benchmarks.Storage;

/// <summary>
/// <see cref="LiteDbMetricStore.Append"/> of one batch, the call the server's flush makes for each run with
/// queued points. 15 points is one flush of a run reporting 100 points/s, 400 one full worker message, and
/// 10,000 a backlog. The database keeps growing across iterations, as a long run's does.
/// </summary>
[MemoryDiagnoser]
public class MetricAppendBenchmark
{
    private TemporaryDatabase? _database;
    private LiteDbMetricStore? _store;
    private MetricBatch[] _batch = [];

    [Params(15, 400, 10_000)]
    public int PointsPerAppend { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _database = new TemporaryDatabase("append");
        _store = new LiteDbMetricStore(_database.Storage);
        _batch = [SyntheticSeries.Loss("train/loss", 0, PointsPerAppend)];
    }

    [Benchmark]
    public void Append() => _store!.Append("run-append", _batch);

    [GlobalCleanup]
    public void Cleanup() => _database?.Dispose();
}
