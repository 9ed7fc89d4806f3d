using Dashboard.Core.Metrics;
using LiteDB;

namespace Dashboard.Storage;

/// <summary>
/// Metric points in chunks of up to <see cref="StorageOptions.MetricPointsPerChunk"/> points per document, never
/// one document per point. Appends fill each metric's last (open) chunk, then start new ones. Appends are
/// serialised by a lock because each runs one LiteDB transaction, which LiteDB binds to the calling thread.
/// Reads take no lock: LiteDB gives them a snapshot, so they see whole appends only.
/// </summary>
public sealed class LiteDbMetricStore : IMetricStore
{
    /// <summary>Open chunks kept in memory, for example 16 metrics each of 16 running runs; others are re-read when appended to.</summary>
    private const int CachedSeries = 256;

    private readonly ILiteDatabase _database;
    private readonly ILiteCollection<BsonDocument> _chunks;
    private readonly ILiteCollection<BsonDocument> _series;
    private readonly int _pointsPerChunk;
    private readonly Lock _appendLock = new();
    private readonly SeriesCache<OpenMetricChunk> _openChunks = new(CachedSeries);

    public LiteDbMetricStore(LiteDbStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);

        _database = storage.Database;
        _chunks = _database.GetCollection(StorageCollections.MetricChunks);
        _series = _database.GetCollection(StorageCollections.MetricSeries);
        _pointsPerChunk = storage.Options.MetricPointsPerChunk;
    }

    public void Append(string runId, IReadOnlyList<MetricBatch> batches)
    {
        ChunkKeys.ValidateRunId(runId);
        ValidateBatches(batches);
        if (batches.All(batch => batch.Count == 0))
        {
            return;
        }

        lock (_appendLock)
        {
            // The open chunk of each metric this call touches, keyed by series prefix.
            var touched = new Dictionary<string, OpenMetricChunk>(StringComparer.Ordinal);
            if (!_database.BeginTrans())
            {
                throw new InvalidOperationException("Cannot append metrics: a LiteDB transaction is already open on this thread.");
            }

            try
            {
                foreach (var batch in batches.Where(batch => batch.Count > 0))
                {
                    AppendBatch(runId, batch, touched);
                }

                foreach (var chunk in touched.Values)
                {
                    Write(chunk);
                    _series.Upsert(chunk.ToSeriesDocument());
                }

                _database.Commit();
            }
            catch
            {
                // The cached chunks were changed in place; drop them so the next append re-reads what was committed.
                _database.Rollback();
                foreach (string prefix in touched.Keys)
                {
                    _openChunks.Remove(prefix);
                }

                throw;
            }

            foreach (var (prefix, chunk) in touched)
            {
                _openChunks.Set(prefix, chunk);
            }
        }
    }

    public IReadOnlyList<MetricBatch> Read(string runId)
    {
        ChunkKeys.ValidateRunId(runId);

        return MetricChunkDocument.ToBatches(ReadChunks(ChunkKeys.Prefix(runId)));
    }

    public MetricBatch? Read(string runId, string metric)
    {
        ChunkKeys.ValidateRunId(runId);
        if (!MetricNames.IsValid(metric))
        {
            return null;
        }

        return MetricChunkDocument.ToBatches(ReadChunks(ChunkKeys.Prefix(runId, metric))).SingleOrDefault();
    }

    public IReadOnlyList<string> ListMetrics(string runId)
    {
        ChunkKeys.ValidateRunId(runId);

        return ReadSeries(runId).Select(series => series[MetricSeriesDocument.Metric].AsString).ToList();
    }

    public long CountPoints(string runId)
    {
        ChunkKeys.ValidateRunId(runId);

        return ReadSeries(runId).Sum(series => series[MetricSeriesDocument.Points].AsInt64);
    }

    public long DeletePointsAfter(string runId, long step, IReadOnlyList<string> keptMetrics)
    {
        ChunkKeys.ValidateRunId(runId);
        ArgumentNullException.ThrowIfNull(keptMetrics);
        string prefix = ChunkKeys.Prefix(runId);

        lock (_appendLock)
        {
            var stored = Read(runId);
            var remaining = stored.Select(batch => keptMetrics.Any(pattern => MetricNames.Matches(pattern, batch.Metric)) ? batch : Through(batch, step)).ToList();
            long removed = stored.Sum(batch => (long)batch.Count) - remaining.Sum(batch => (long)batch.Count);
            if (removed == 0)
            {
                return 0;
            }

            // The series are rewritten from scratch: deleting the run's chunks and appending what remains keeps the
            // chunk layout the same as if the removed points had never been appended.
            var touched = new Dictionary<string, OpenMetricChunk>(StringComparer.Ordinal);
            if (!_database.BeginTrans())
            {
                throw new InvalidOperationException("Cannot delete metrics: a LiteDB transaction is already open on this thread.");
            }

            try
            {
                _openChunks.RemoveStartingWith(prefix);
                _chunks.DeleteMany(ChunkKeys.StartingWith(prefix));
                _series.DeleteMany(ChunkKeys.StartingWith(prefix));
                foreach (var batch in remaining.Where(batch => batch.Count > 0))
                {
                    AppendBatch(runId, batch, touched);
                }

                foreach (var chunk in touched.Values)
                {
                    Write(chunk);
                    _series.Upsert(chunk.ToSeriesDocument());
                }

                _database.Commit();
            }
            catch
            {
                _database.Rollback();
                throw;
            }
            finally
            {
                _openChunks.RemoveStartingWith(prefix);
            }

            return removed;
        }
    }

    public int DeleteRun(string runId)
    {
        ChunkKeys.ValidateRunId(runId);
        string prefix = ChunkKeys.Prefix(runId);

        // Under the append lock, so no append can re-create a chunk from a cached open chunk after the delete.
        lock (_appendLock)
        {
            if (!_database.BeginTrans())
            {
                throw new InvalidOperationException("Cannot delete metrics: a LiteDB transaction is already open on this thread.");
            }

            int removed;
            try
            {
                removed = _chunks.DeleteMany(ChunkKeys.StartingWith(prefix));
                _series.DeleteMany(ChunkKeys.StartingWith(prefix));
                _database.Commit();
            }
            catch
            {
                _database.Rollback();
                throw;
            }
            finally
            {
                _openChunks.RemoveStartingWith(prefix);
            }

            return removed;
        }
    }

    /// <summary>Returns the points of <paramref name="batch"/> whose step is at most <paramref name="step"/>.</summary>
    private static MetricBatch Through(MetricBatch batch, long step)
    {
        var kept = new List<MetricPoint>(batch.Count);
        for (int i = 0; i < batch.Count; i++)
        {
            if (batch.Steps[i] <= step)
            {
                kept.Add(new MetricPoint(batch.Steps[i], batch.Epochs[i], batch.Values[i], batch.Timestamps[i]));
            }
        }

        return MetricBatch.FromPoints(batch.Metric, kept);
    }

    private static void ValidateBatches(IReadOnlyList<MetricBatch> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        foreach (var batch in batches)
        {
            if (batch is null)
            {
                throw new ArgumentException("A metric batch is null.", nameof(batches));
            }

            if (batch.Validate() is { } error)
            {
                throw new ArgumentException(error, nameof(batches));
            }
        }
    }

    private void AppendBatch(string runId, MetricBatch batch, Dictionary<string, OpenMetricChunk> touched)
    {
        string prefix = ChunkKeys.Prefix(runId, batch.Metric);
        if (!touched.TryGetValue(prefix, out var chunk))
        {
            chunk = FindOpenChunk(runId, batch.Metric, prefix);
            touched[prefix] = chunk;
        }

        int offset = 0;
        while (offset < batch.Count)
        {
            if (chunk.IsFull)
            {
                Write(chunk);
                chunk = chunk.Next(_pointsPerChunk);
                touched[prefix] = chunk;
            }

            offset += chunk.AppendFrom(batch, offset);
        }
    }

    /// <summary>Returns the metric's last chunk from the cache, else from the database, else a new first chunk.</summary>
    private OpenMetricChunk FindOpenChunk(string runId, string metric, string prefix)
    {
        if (_openChunks.TryGet(prefix, out var cached))
        {
            return cached;
        }

        var series = _series.FindById(prefix);
        if (series is null)
        {
            return new OpenMetricChunk(runId, metric, block: 0, _pointsPerChunk);
        }

        string key = ChunkKeys.Key(prefix, series[MetricSeriesDocument.LastBlock].AsInt32);
        var document = _chunks.FindById(key)
            ?? throw new InvalidDataException($"Metric series '{prefix}' names its last chunk '{key}', which is missing.");
        long pointsBefore = series[MetricSeriesDocument.Points].AsInt64 - MetricChunkDocument.CountOf(document);

        return OpenMetricChunk.FromDocument(document, pointsBefore, _pointsPerChunk);
    }

    private void Write(OpenMetricChunk chunk)
    {
        if (!chunk.IsDirty)
        {
            return;
        }

        var document = chunk.ToDocument();
        if (chunk.IsStored)
        {
            _chunks.Update(document);
        }
        else
        {
            _chunks.Insert(document);
            chunk.IsStored = true;
        }

        chunk.IsDirty = false;
    }

    private List<BsonDocument> ReadChunks(string prefix) =>
        _chunks.Query().Where(ChunkKeys.StartingWith(prefix)).OrderBy("_id").ToList();

    private List<BsonDocument> ReadSeries(string runId) =>
        _series.Query().Where(ChunkKeys.StartingWith(ChunkKeys.Prefix(runId))).OrderBy("_id").ToList();
}
