using Dashboard.Core.Protocol;
using Dashboard.Core.Runs;

namespace Dashboard.Storage.Tests;

/// <summary>Writes through one storage instance, closes it, and reads through a new instance on the same file.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly TemporaryStorage _temporary = new(metricPointsPerChunk: 128, logLinesPerChunk: 8);

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void Reopen_KeepsRuns()
    {
        var run = SampleRuns.Complete("kept");
        new LiteDbRunStore(_temporary.Storage).Insert(run);
        new LiteDbRunStore(_temporary.Storage).Insert(SampleRuns.Create("queued", status: RunStatus.Queued));

        _temporary.Reopen();
        var store = new LiteDbRunStore(_temporary.Storage);
        var stored = store.Find("kept")!;

        Assert.Equal(run.Name, stored.Name);
        Assert.Equal(run.Summary!.Measures, stored.Summary!.Measures);
        Assert.Equal(run.Artifacts, stored.Artifacts);
        Assert.Equal(run.EndedAt, stored.EndedAt);
        Assert.Equal(["queued"], store.FindByStatus(RunStatus.Queued).Select(queued => queued.Id));
    }

    [Fact]
    public void Reopen_KeepsMetrics()
    {
        var expected = LiteDbMetricStoreTests.AppendUneven(new LiteDbMetricStore(_temporary.Storage), "run1", totalPoints: 5_000);

        _temporary.Reopen();
        var batches = new LiteDbMetricStore(_temporary.Storage).Read("run1");

        Assert.Equal(3, batches.Count);
        foreach (var batch in batches)
        {
            LiteDbMetricStoreTests.AssertSamePoints(expected[batch.Metric], batch);
        }
    }

    [Fact]
    public void Reopen_AppendsAfterStoredMetrics()
    {
        new LiteDbMetricStore(_temporary.Storage).Append("run1", [SampleMetrics.Batch("train/loss", 0, 200)]);

        _temporary.Reopen();
        var store = new LiteDbMetricStore(_temporary.Storage);
        store.Append("run1", [SampleMetrics.Batch("train/loss", 200, 100)]);

        Assert.Equal(Enumerable.Range(0, 300).Select(step => (long)step), store.Read("run1", "train/loss")!.Steps);
        Assert.Equal(300, store.CountPoints("run1"));
    }

    [Fact]
    public void Reopen_KeepsLogsAndShareLinks()
    {
        var lines = Enumerable.Range(0, 30).Select(i => new WorkerLogLine(i, $"line {i}")).ToList();
        new LiteDbRunLogStore(_temporary.Storage).Append("run1", lines);
        new LiteDbShareLinkStore(_temporary.Storage).Insert(new ShareLink
        {
            Id = "link1",
            TokenHash = "abcdef0123",
            TokenPrefix = "abcdef",
            Scope = ShareScope.ForRun("run1"),
            CreatedAt = SampleRuns.Epoch,
        });

        _temporary.Reopen();

        Assert.Equal(lines, new LiteDbRunLogStore(_temporary.Storage).ReadTail("run1", 30));
        Assert.Equal("link1", new LiteDbShareLinkStore(_temporary.Storage).FindByTokenHash("abcdef0123")?.Id);
    }
}
