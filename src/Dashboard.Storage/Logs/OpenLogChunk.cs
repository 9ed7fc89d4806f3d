using Dashboard.Core.Protocol;
using LiteDB;

namespace Dashboard.Storage;

/// <summary>The last chunk of one run's log, held in memory while appends fill it. Not thread-safe.</summary>
internal sealed class OpenLogChunk
{
    /// <summary>
    /// Maximum stored message length in characters; longer messages are truncated. A chunk of
    /// <see cref="StorageOptions.MaxLogLinesPerChunk"/> such lines stays below LiteDB's 16 MB document limit even at
    /// 3 UTF-8 bytes per character.
    /// </summary>
    public const int MaxMessageLength = 16_384;

    private readonly List<long> _timestamps;
    private readonly List<string> _messages;
    private readonly int _capacity;

    public OpenLogChunk(string runId, int block, int capacity)
    {
        RunId = runId;
        Block = block;
        _capacity = capacity;
        _timestamps = new List<long>(capacity);
        _messages = new List<string>(capacity);
    }

    public string RunId { get; }

    public int Block { get; }

    public int Count => _messages.Count;

    /// <summary>True once the chunk has a stored document, so that writes update it instead of inserting.</summary>
    public bool IsStored { get; set; }

    /// <summary>True while the chunk has lines that its stored document lacks.</summary>
    public bool IsDirty { get; set; }

    public bool IsFull => Count >= _capacity;

    public void Add(WorkerLogLine line)
    {
        string message = line.Message ?? string.Empty;
        if (message.Length > MaxMessageLength)
        {
            message = string.Concat(message.AsSpan(0, MaxMessageLength), " [truncated]");
        }

        _timestamps.Add(line.TimestampMs);
        _messages.Add(message);
        IsDirty = true;
    }

    public OpenLogChunk Next(int capacity) => new(RunId, Block + 1, capacity);

    public BsonDocument ToDocument() => new()
    {
        ["_id"] = ChunkKeys.Key(ChunkKeys.Prefix(RunId), Block),
        [LogChunkDocument.RunId] = RunId,
        [LogChunkDocument.Block] = Block,
        [LogChunkDocument.Timestamps] = new BsonArray(_timestamps.Select(timestamp => new BsonValue(timestamp))),
        [LogChunkDocument.Messages] = new BsonArray(_messages.Select(message => new BsonValue(message))),
    };

    public static OpenLogChunk FromDocument(BsonDocument document, int capacity)
    {
        var lines = ReadLines(document);
        var chunk = new OpenLogChunk(
            document[LogChunkDocument.RunId].AsString,
            document[LogChunkDocument.Block].AsInt32,
            Math.Max(capacity, lines.Count))
        {
            IsStored = true,
        };

        foreach (var line in lines)
        {
            chunk._timestamps.Add(line.TimestampMs);
            chunk._messages.Add(line.Message);
        }

        return chunk;
    }

    public static List<WorkerLogLine> ReadLines(BsonDocument document)
    {
        var timestamps = document[LogChunkDocument.Timestamps].AsArray;
        var messages = document[LogChunkDocument.Messages].AsArray;

        var lines = new List<WorkerLogLine>(messages.Count);
        for (int i = 0; i < messages.Count; i++)
        {
            lines.Add(new WorkerLogLine(timestamps[i].AsInt64, messages[i].AsString));
        }

        return lines;
    }
}
