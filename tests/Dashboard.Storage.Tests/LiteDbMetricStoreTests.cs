using Dashboard.Core.Metrics;

namespace Dashboard.Storage.Tests;

public sealed class LiteDbMetricStoreTests : IDisposable
{
    private const int PointsPerChunk = 256;
    private static readonly string[] Metrics = ["train/loss", "test/accuracy", "test/asr/patch"];

    private readonly TemporaryStorage _temporary = new(metricPointsPerChunk: PointsPerChunk);
    private readonly LiteDbMetricStore _store;

    public LiteDbMetricStoreTests()
    {
        _store = new LiteDbMetricStore(_temporary.Storage);
    }

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void Read_UnevenAppends_ReturnsPointsInOrder()
    {
        var expected = AppendUneven(_store, "run1", totalPoints: 5_000);

        var batches = _store.Read("run1");

        Assert.Equal(Metrics.Order(StringComparer.Ordinal), batches.Select(batch => batch.Metric));
        foreach (var batch in batches)
        {
            AssertSamePoints(expected[batch.Metric], batch);
        }
    }

    [Fact]
    public void Read_OneMetric_ReturnsOnlyItsPoints()
    {
        var expected = AppendUneven(_store, "run1", totalPoints: 5_000);

        var batch = _store.Read("run1", "test/asr/patch")!;

        AssertSamePoints(expected["test/asr/patch"], batch);
    }

    [Fact]
    public void Read_UnknownMetric_ReturnsNull()
    {
        _store.Append("run1", [SampleMetrics.Batch("train/loss", 0, 10)]);

        Assert.Null(_store.Read("run1", "train/los"));
    }

    [Fact]
    public void Read_UnknownRun_ReturnsEmpty()
    {
        _store.Append("run1", [SampleMetrics.Batch("train/loss", 0, 10)]);

        Assert.Empty(_store.Read("run"));
    }

    [Fact]
    public void Read_MetricsDifferingInCase_StaySeparate()
    {
        _store.Append("run1", [SampleMetrics.Batch("Loss", 0, 3, metricCode: 1), SampleMetrics.Batch("loss", 0, 5, metricCode: 2)]);

        Assert.Equal(3, _store.Read("run1", "Loss")!.Count);
        Assert.Equal(5, _store.Read("run1", "loss")!.Count);
    }

    [Fact]
    public void Append_ManyPoints_StoresOneChunkPerBlock()
    {
        var expected = AppendUneven(_store, "run1", totalPoints: 5_000);

        int expectedChunks = expected.Values.Sum(points => (points.Count + PointsPerChunk - 1) / PointsPerChunk);

        Assert.Equal(expectedChunks, CountChunks());
        Assert.True(CountChunks() < 5_000 / 100, $"{CountChunks()} chunks for 5,000 points");
    }

    [Fact]
    public void Append_ManyPoints_FillsChunksInTurn()
    {
        _store.Append("run1", [SampleMetrics.Batch("train/loss", 0, 100)]);
        _store.Append("run1", [SampleMetrics.Batch("train/loss", 100, 500)]);
        _store.Append("run1", [SampleMetrics.Batch("train/loss", 600, 7)]);

        var counts = _temporary.Storage.Database.GetCollection("metric_chunks")
            .FindAll()
            .Select(document => document["Count"].AsInt32)
            .ToList();

        Assert.Equal([256, 256, 95], counts);
    }

    [Fact]
    public void Append_ConcurrentThreads_LoseNoPoint()
    {
        const int Threads = 8;
        const int BatchesPerThread = 40;
        const int PointsPerBatch = 37;

        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, thread =>
        {
            for (int i = 0; i < BatchesPerThread; i++)
            {
                long firstStep = ((long)thread * BatchesPerThread + i) * PointsPerBatch;
                _store.Append("run1", [SampleMetrics.Batch("shared", firstStep, PointsPerBatch), SampleMetrics.Batch($"thread{thread}", firstStep, PointsPerBatch)]);
            }
        });

        var shared = _store.Read("run1", "shared")!;
        const int Total = Threads * BatchesPerThread * PointsPerBatch;

        Assert.Equal(Total, shared.Count);
        Assert.Equal(Enumerable.Range(0, Total).Select(step => (long)step), shared.Steps.Order());
        Assert.Equal(Total * 2L, _store.CountPoints("run1"));
    }

    [Fact]
    public void Append_ConcurrentThreads_KeepEachThreadsOrder()
    {
        Parallel.For(0, 4, thread =>
        {
            for (int i = 0; i < 50; i++)
            {
                _store.Append("run1", [SampleMetrics.Batch($"thread{thread}", i * 10L, 10)]);
            }
        });

        for (int thread = 0; thread < 4; thread++)
        {
            Assert.Equal(Enumerable.Range(0, 500).Select(step => (long)step), _store.Read("run1", $"thread{thread}")!.Steps);
        }
    }

    [Fact]
    public void Append_InvalidMetricName_StoresNothing()
    {
        var valid = SampleMetrics.Batch("train/loss", 0, 10);
        var invalid = SampleMetrics.Batch("bad name", 0, 10);

        var exception = Assert.Throws<ArgumentException>(() => _store.Append("run1", [valid, invalid]));

        Assert.Contains("bad name", exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, _store.CountPoints("run1"));
    }

    [Fact]
    public void Append_ColumnsOfDifferentLengths_ThrowsArgument()
    {
        var ragged = new MetricBatch { Metric = "train/loss", Steps = [1, 2], Epochs = [0.1, 0.2], Values = [1.0], Timestamps = [1, 2] };

        Assert.Throws<ArgumentException>(() => _store.Append("run1", [ragged]));
    }

    [Fact]
    public void Append_RunIdWithColon_ThrowsArgument()
    {
        var exception = Assert.Throws<ArgumentException>(() => _store.Append("run:1", [SampleMetrics.Batch("train/loss", 0, 1)]));

        Assert.Contains("'run:1'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Append_EmptyBatch_CreatesNoMetric()
    {
        _store.Append("run1", [SampleMetrics.Batch("train/loss", 0, 0)]);

        Assert.Empty(_store.ListMetrics("run1"));
    }

    [Fact]
    public void ListMetrics_ReturnsNamesInOrdinalOrder()
    {
        AppendUneven(_store, "run1", totalPoints: 300);
        _store.Append("run2", [SampleMetrics.Batch("other", 0, 5)]);

        Assert.Equal(Metrics.Order(StringComparer.Ordinal), _store.ListMetrics("run1"));
    }

    [Fact]
    public void CountPoints_ReturnsSumOverMetrics()
    {
        AppendUneven(_store, "run1", totalPoints: 5_000);
        _store.Append("run10", [SampleMetrics.Batch("train/loss", 0, 7)]);

        Assert.Equal(5_000, _store.CountPoints("run1"));
        Assert.Equal(7, _store.CountPoints("run10"));
    }

    [Fact]
    public void Append_NewStoreInstance_ContinuesOpenChunk()
    {
        _store.Append("run1", [SampleMetrics.Batch("train/loss", 0, 300)]);
        var second = new LiteDbMetricStore(_temporary.Storage);

        second.Append("run1", [SampleMetrics.Batch("train/loss", 300, 300)]);

        Assert.Equal(Enumerable.Range(0, 600).Select(step => (long)step), second.Read("run1", "train/loss")!.Steps);
        Assert.Equal(3, CountChunks());
    }

    /// <summary>
    /// Appends <paramref name="totalPoints"/> points spread over <see cref="Metrics"/> in batches of uneven sizes, several
    /// metrics per call, and returns the points appended per metric.
    /// </summary>
    internal static Dictionary<string, List<MetricPoint>> AppendUneven(IMetricStore store, string runId, int totalPoints)
    {
        var expected = Metrics.ToDictionary(metric => metric, _ => new List<MetricPoint>());
        int[] sizes = [1, 7, 250, 3, 513, 64, 1, 1000, 17];
        var steps = Metrics.ToDictionary(metric => metric, _ => 0L);
        int appended = 0;
        int call = 0;

        while (appended < totalPoints)
        {
            var batches = new List<MetricBatch>();
            for (int m = 0; m < Metrics.Length && appended < totalPoints; m++)
            {
                if ((call + m) % 3 == 2)
                {
                    continue;
                }

                string metric = Metrics[m];
                int size = Math.Min(sizes[(call + m) % sizes.Length], totalPoints - appended);
                var batch = SampleMetrics.Batch(metric, steps[metric], size, metricCode: m * 1000);
                batches.Add(batch);
                expected[metric].AddRange(batch.Points());
                steps[metric] += size;
                appended += size;
            }

            store.Append(runId, batches);
            call++;
        }

        return expected;
    }

    internal static void AssertSamePoints(List<MetricPoint> expected, MetricBatch actual)
    {
        Assert.Equal(expected.Select(point => point.Step), actual.Steps);
        Assert.Equal(expected.Select(point => point.Epoch), actual.Epochs);
        Assert.Equal(expected.Select(point => point.Value), actual.Values);
        Assert.Equal(expected.Select(point => point.TimestampMs), actual.Timestamps);
    }

    private int CountChunks() => _temporary.Storage.Database.GetCollection("metric_chunks").Count();
}
