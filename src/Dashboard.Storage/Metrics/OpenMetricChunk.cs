using Dashboard.Core.Metrics;
using LiteDB;

namespace Dashboard.Storage;

/// <summary>The last chunk of one metric, held in memory while appends fill it. Not thread-safe.</summary>
internal sealed class OpenMetricChunk
{
    private readonly long[] _steps;
    private readonly double[] _epochs;
    private readonly double[] _values;
    private readonly long[] _timestamps;

    public OpenMetricChunk(string runId, string metric, int block, int capacity)
    {
        RunId = runId;
        Metric = metric;
        Block = block;
        SeriesPrefix = ChunkKeys.Prefix(runId, metric);
        _steps = new long[capacity];
        _epochs = new double[capacity];
        _values = new double[capacity];
        _timestamps = new long[capacity];
    }

    public string RunId { get; }

    public string Metric { get; }

    public int Block { get; }

    /// <summary>Key prefix shared by this metric's chunks and the <c>_id</c> of its series entry.</summary>
    public string SeriesPrefix { get; }

    public int Count { get; private set; }

    /// <summary>Points in this metric's earlier, full chunks.</summary>
    public long PointsBefore { get; init; }

    /// <summary>True once the chunk has a stored document, so that writes update it instead of inserting.</summary>
    public bool IsStored { get; set; }

    /// <summary>True while the chunk has points that its stored document lacks.</summary>
    public bool IsDirty { get; set; }

    public bool IsFull => Count == _values.Length;

    /// <summary>Copies as many points from <paramref name="batch"/>, starting at <paramref name="offset"/>, as fit; returns how many.</summary>
    public int AppendFrom(MetricBatch batch, int offset)
    {
        int copied = Math.Min(_values.Length - Count, batch.Count - offset);

        batch.Steps.AsSpan(offset, copied).CopyTo(_steps.AsSpan(Count));
        batch.Epochs.AsSpan(offset, copied).CopyTo(_epochs.AsSpan(Count));
        batch.Values.AsSpan(offset, copied).CopyTo(_values.AsSpan(Count));
        batch.Timestamps.AsSpan(offset, copied).CopyTo(_timestamps.AsSpan(Count));
        Count += copied;
        IsDirty |= copied > 0;

        return copied;
    }

    /// <summary>Returns an empty chunk for the next block of the same metric.</summary>
    public OpenMetricChunk Next(int capacity) =>
        new(RunId, Metric, Block + 1, capacity) { PointsBefore = PointsBefore + Count };

    public BsonDocument ToDocument() => new()
    {
        ["_id"] = ChunkKeys.Key(SeriesPrefix, Block),
        [MetricChunkDocument.RunId] = RunId,
        [MetricChunkDocument.Metric] = Metric,
        [MetricChunkDocument.Block] = Block,
        [MetricChunkDocument.Count] = Count,
        [MetricChunkDocument.Steps] = BinaryColumns.Pack(_steps.AsSpan(0, Count)),
        [MetricChunkDocument.Epochs] = BinaryColumns.Pack(_epochs.AsSpan(0, Count)),
        [MetricChunkDocument.Values] = BinaryColumns.Pack(_values.AsSpan(0, Count)),
        [MetricChunkDocument.Timestamps] = BinaryColumns.Pack(_timestamps.AsSpan(0, Count)),
    };

    public BsonDocument ToSeriesDocument() => new()
    {
        ["_id"] = SeriesPrefix,
        [MetricSeriesDocument.RunId] = RunId,
        [MetricSeriesDocument.Metric] = Metric,
        [MetricSeriesDocument.Points] = PointsBefore + Count,
        [MetricSeriesDocument.LastBlock] = Block,
    };

    /// <summary>
    /// Rebuilds the open chunk from its stored document. A stored chunk larger than <paramref name="capacity"/>
    /// (the chunk size setting was lowered since) is taken as full.
    /// </summary>
    public static OpenMetricChunk FromDocument(BsonDocument document, long pointsBefore, int capacity)
    {
        int count = MetricChunkDocument.CountOf(document);
        var chunk = new OpenMetricChunk(
            document[MetricChunkDocument.RunId].AsString,
            document[MetricChunkDocument.Metric].AsString,
            document[MetricChunkDocument.Block].AsInt32,
            Math.Max(capacity, count))
        {
            PointsBefore = pointsBefore,
            IsStored = true,
        };

        MetricChunkDocument.CopyTo(
            document,
            chunk._steps.AsSpan(0, count),
            chunk._epochs.AsSpan(0, count),
            chunk._values.AsSpan(0, count),
            chunk._timestamps.AsSpan(0, count));
        chunk.Count = count;

        return chunk;
    }
}
