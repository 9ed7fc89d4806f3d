using Dashboard.Core.Protocol;
using LiteDB;

namespace Dashboard.Storage;

/// <summary>
/// Run log lines in chunks of up to <see cref="StorageOptions.LogLinesPerChunk"/> lines per document. Appends fill
/// the run's last chunk, then start new ones, under a lock because each runs one thread-bound LiteDB transaction.
/// </summary>
public sealed class LiteDbRunLogStore : IRunLogStore
{
    /// <summary>Open log chunks kept in memory, one per recently logging run; others are re-read when appended to.</summary>
    private const int CachedRuns = 64;

    private readonly ILiteDatabase _database;
    private readonly ILiteCollection<BsonDocument> _chunks;
    private readonly int _linesPerChunk;
    private readonly Lock _appendLock = new();
    private readonly SeriesCache<OpenLogChunk> _openChunks = new(CachedRuns);

    public LiteDbRunLogStore(LiteDbStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);

        _database = storage.Database;
        _chunks = _database.GetCollection(StorageCollections.LogChunks);
        _linesPerChunk = storage.Options.LogLinesPerChunk;
    }

    public void Append(string runId, IReadOnlyList<WorkerLogLine> lines)
    {
        ChunkKeys.ValidateRunId(runId);
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Any(line => line is null))
        {
            throw new ArgumentException("A log line is null.", nameof(lines));
        }

        if (lines.Count == 0)
        {
            return;
        }

        lock (_appendLock)
        {
            if (!_database.BeginTrans())
            {
                throw new InvalidOperationException("Cannot append log lines: a LiteDB transaction is already open on this thread.");
            }

            OpenLogChunk chunk;
            try
            {
                chunk = FindOpenChunk(runId);
                foreach (var line in lines)
                {
                    if (chunk.IsFull)
                    {
                        Write(chunk);
                        chunk = chunk.Next(_linesPerChunk);
                    }

                    chunk.Add(line);
                }

                Write(chunk);
                _database.Commit();
            }
            catch
            {
                // The cached chunk was changed in place; drop it so the next append re-reads what was committed.
                _database.Rollback();
                _openChunks.Remove(runId);
                throw;
            }

            _openChunks.Set(runId, chunk);
        }
    }

    public IReadOnlyList<WorkerLogLine> ReadTail(string runId, int maxLines)
    {
        ChunkKeys.ValidateRunId(runId);
        ArgumentOutOfRangeException.ThrowIfNegative(maxLines);

        var last = FindLastChunk(runId);
        if (last is null || maxLines == 0)
        {
            return [];
        }

        // Walk back from the last chunk until enough lines are collected; each step is one _id lookup.
        var chunks = new List<List<WorkerLogLine>> { OpenLogChunk.ReadLines(last) };
        int collected = chunks[0].Count;
        string prefix = ChunkKeys.Prefix(runId);
        for (int block = last[LogChunkDocument.Block].AsInt32 - 1; block >= 0 && collected < maxLines; block--)
        {
            var document = _chunks.FindById(ChunkKeys.Key(prefix, block));
            if (document is null)
            {
                break;
            }

            var lines = OpenLogChunk.ReadLines(document);
            chunks.Add(lines);
            collected += lines.Count;
        }

        chunks.Reverse();
        var all = chunks.SelectMany(lines => lines).ToList();
        return all.GetRange(Math.Max(0, all.Count - maxLines), Math.Min(maxLines, all.Count));
    }

    public int DeleteRun(string runId)
    {
        ChunkKeys.ValidateRunId(runId);

        lock (_appendLock)
        {
            _openChunks.Remove(runId);
            return _chunks.DeleteMany(ChunkKeys.StartingWith(ChunkKeys.Prefix(runId)));
        }
    }

    private OpenLogChunk FindOpenChunk(string runId)
    {
        if (_openChunks.TryGet(runId, out var cached))
        {
            return cached;
        }

        var last = FindLastChunk(runId);
        return last is null ? new OpenLogChunk(runId, block: 0, _linesPerChunk) : OpenLogChunk.FromDocument(last, _linesPerChunk);
    }

    /// <summary>Returns the run's chunk with the highest block, read from the end of the <c>_id</c> index.</summary>
    private BsonDocument? FindLastChunk(string runId) =>
        _chunks.Query()
            .Where(ChunkKeys.StartingWith(ChunkKeys.Prefix(runId)))
            .OrderBy("_id", Query.Descending)
            .Limit(1)
            .FirstOrDefault();

    private void Write(OpenLogChunk chunk)
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
}
