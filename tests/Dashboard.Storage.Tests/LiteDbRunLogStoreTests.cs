using Dashboard.Core.Protocol;

namespace Dashboard.Storage.Tests;

public sealed class LiteDbRunLogStoreTests : IDisposable
{
    private const int LinesPerChunk = 16;

    private readonly TemporaryStorage _temporary = new(logLinesPerChunk: LinesPerChunk);
    private readonly LiteDbRunLogStore _store;

    public LiteDbRunLogStoreTests()
    {
        _store = new LiteDbRunLogStore(_temporary.Storage);
    }

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void ReadTail_AcrossChunks_ReturnsLastLinesInOrder()
    {
        AppendLines("run1", 0, 5);
        AppendLines("run1", 5, 40);
        AppendLines("run1", 45, 3);

        var tail = _store.ReadTail("run1", 20);

        Assert.Equal(Enumerable.Range(28, 20).Select(Message), tail.Select(line => line.Message));
        Assert.Equal(Enumerable.Range(28, 20).Select(i => 1_000L + i), tail.Select(line => line.TimestampMs));
    }

    [Fact]
    public void ReadTail_FewerLinesThanRequested_ReturnsAll()
    {
        AppendLines("run1", 0, 3);

        Assert.Equal(["line 0", "line 1", "line 2"], _store.ReadTail("run1", 100).Select(line => line.Message));
    }

    [Fact]
    public void ReadTail_ExactlyAllLines_ReturnsAll()
    {
        AppendLines("run1", 0, LinesPerChunk * 3);

        Assert.Equal(LinesPerChunk * 3, _store.ReadTail("run1", LinesPerChunk * 3).Count);
    }

    [Fact]
    public void ReadTail_ZeroLines_ReturnsEmpty()
    {
        AppendLines("run1", 0, 3);

        Assert.Empty(_store.ReadTail("run1", 0));
    }

    [Fact]
    public void ReadTail_NegativeLines_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _store.ReadTail("run1", -1));
    }

    [Fact]
    public void ReadTail_UnknownRun_ReturnsEmpty()
    {
        AppendLines("run10", 0, 3);

        Assert.Empty(_store.ReadTail("run1", 10));
    }

    [Fact]
    public void ReadTail_InterleavedRuns_ReturnsOwnLines()
    {
        AppendLines("run1", 0, 20);
        AppendLines("run2", 100, 20);
        AppendLines("run1", 20, 20);

        var tail = _store.ReadTail("run1", 40);

        Assert.Equal(Enumerable.Range(0, 40).Select(Message), tail.Select(line => line.Message));
    }

    [Fact]
    public void Append_ManyLines_StoresOneChunkPerBlock()
    {
        for (int i = 0; i < 10; i++)
        {
            AppendLines("run1", i * 7, 7);
        }

        Assert.Equal(70 / LinesPerChunk + 1, _temporary.Storage.Database.GetCollection("log_chunks").Count());
    }

    [Fact]
    public void Append_NewStoreInstance_ContinuesLastChunk()
    {
        AppendLines("run1", 0, 10);
        var second = new LiteDbRunLogStore(_temporary.Storage);

        second.Append("run1", Lines(10, 10));

        Assert.Equal(Enumerable.Range(0, 20).Select(Message), second.ReadTail("run1", 100).Select(line => line.Message));
        Assert.Equal(2, _temporary.Storage.Database.GetCollection("log_chunks").Count());
    }

    [Fact]
    public void Append_ConcurrentRuns_LoseNoLine()
    {
        Parallel.For(0, 6, run =>
        {
            for (int i = 0; i < 30; i++)
            {
                _store.Append($"run{run}", Lines(i * 3, 3));
            }
        });

        for (int run = 0; run < 6; run++)
        {
            Assert.Equal(Enumerable.Range(0, 90).Select(Message), _store.ReadTail($"run{run}", 1_000).Select(line => line.Message));
        }
    }

    [Fact]
    public void Append_OverlongMessage_IsTruncated()
    {
        string message = new('x', OpenLogChunk.MaxMessageLength + 10);

        _store.Append("run1", [new WorkerLogLine(1, message)]);
        var stored = _store.ReadTail("run1", 1)[0].Message;

        Assert.StartsWith(new string('x', OpenLogChunk.MaxMessageLength), stored, StringComparison.Ordinal);
        Assert.EndsWith("[truncated]", stored, StringComparison.Ordinal);
    }

    private static string Message(int index) => $"line {index}";

    private static List<WorkerLogLine> Lines(int first, int count) =>
        Enumerable.Range(first, count).Select(i => new WorkerLogLine(1_000 + i, Message(i))).ToList();

    private void AppendLines(string runId, int first, int count) => _store.Append(runId, Lines(first, count));
}
