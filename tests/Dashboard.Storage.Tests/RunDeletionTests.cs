using Dashboard.Core.Protocol;
using Dashboard.Core.Runs;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Storage.Tests;

public sealed class RunDeletionTests : IDisposable
{
    private readonly TemporaryStorage _temporary = new(metricPointsPerChunk: 16, logLinesPerChunk: 4);
    private readonly LiteDbRunStore _runs;
    private readonly LiteDbMetricStore _metrics;
    private readonly LiteDbRunLogStore _logs;
    private readonly FileArtifactStore _artifacts;
    private readonly LiteDbRunGroupStore _groups;
    private readonly RunDeletion _deletion;

    public RunDeletionTests()
    {
        _runs = new LiteDbRunStore(_temporary.Storage);
        _metrics = new LiteDbMetricStore(_temporary.Storage);
        _logs = new LiteDbRunLogStore(_temporary.Storage);
        _artifacts = new FileArtifactStore(_temporary.Options, NullLogger<FileArtifactStore>.Instance);
        _groups = new LiteDbRunGroupStore(_temporary.Storage);
        _deletion = new RunDeletion(_runs, _metrics, _logs, _artifacts, _groups, NullLogger<RunDeletion>.Instance);

        Seed("gone", RunStatus.Completed);
        Seed("kept", RunStatus.Completed);
        _groups.Insert(new RunGroup
        {
            Id = "group1",
            Name = "defences",
            Kind = "backdoor",
            VariedField = "defence.kind",
            VariedFieldLabel = "Defence",
            Members = [new RunGroupMember("gone", "none", "None"), new RunGroupMember("kept", "badLoss", "BaDLoss")],
        });
    }

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void Delete_FinishedRun_RemovesDocument()
    {
        Assert.Equal(RunDeletionResult.Deleted, _deletion.Delete("gone"));
        Assert.Null(_runs.Find("gone"));
    }

    [Fact]
    public void Delete_FinishedRun_RemovesMetricPoints()
    {
        _deletion.Delete("gone");

        Assert.Equal(0, _metrics.CountPoints("gone"));
        Assert.Empty(_metrics.Read("gone"));
        Assert.Equal(100, _metrics.CountPoints("kept"));
    }

    [Fact]
    public void Delete_FinishedRun_RemovesLogLines()
    {
        _deletion.Delete("gone");

        Assert.Empty(_logs.ReadTail("gone", 100));
        Assert.Equal(10, _logs.ReadTail("kept", 100).Count);
    }

    [Fact]
    public void Delete_FinishedRun_RemovesArtifactFolder()
    {
        _deletion.Delete("gone");

        Assert.False(Directory.Exists(Path.Combine(_artifacts.RootPath, "gone")));
        Assert.True(File.Exists(Path.Combine(_artifacts.RootPath, "kept", "model.pt")));
    }

    [Fact]
    public void Delete_GroupMember_IsMarkedDeleted()
    {
        _deletion.Delete("gone");
        var members = _groups.Find("group1")!.Members;

        Assert.True(members.Single(member => member.RunId == "gone").Deleted);
        Assert.False(members.Single(member => member.RunId == "kept").Deleted);
    }

    [Fact]
    public void Delete_RunningRun_IsRejected()
    {
        Seed("busy", RunStatus.Running);

        Assert.Equal(RunDeletionResult.NotFinished, _deletion.Delete("busy"));
        Assert.NotNull(_runs.Find("busy"));
        Assert.Equal(100, _metrics.CountPoints("busy"));
    }

    [Fact]
    public void Delete_UnknownRun_ReturnsNotFound()
    {
        Assert.Equal(RunDeletionResult.NotFound, _deletion.Delete("ghost"));
    }

    [Fact]
    public void Delete_ThenAppend_StartsNewSeries()
    {
        _deletion.Delete("gone");
        _metrics.Append("gone", [SampleMetrics.Batch("train/loss", 0, 3)]);

        Assert.Equal(3, _metrics.CountPoints("gone"));
    }

    private void Seed(string id, RunStatus status)
    {
        _runs.Insert(new RunRecord
        {
            Id = id,
            Name = id,
            Kind = "backdoor",
            ConfigurationJson = SampleRuns.Configuration,
            Status = status,
            CreatedAt = SampleRuns.Epoch,
            GroupId = status.IsFinal() ? "group1" : null,
        });
        _metrics.Append(id, [SampleMetrics.Batch("train/loss", 0, 60), SampleMetrics.Batch("test/accuracy", 0, 40, 1)]);
        _logs.Append(id, [.. Enumerable.Range(0, 10).Select(i => new WorkerLogLine(1_000 + i, $"line {i}"))]);
        _artifacts.Save(id, "model.pt", "application/octet-stream", [1, 2, 3]);
    }
}
