using Dashboard.Core.Runs;
using LiteDB;

namespace Dashboard.Storage.Tests;

public sealed class LiteDbRunStoreTests : IDisposable
{
    private readonly TemporaryStorage _temporary = new();
    private readonly LiteDbRunStore _store;

    public LiteDbRunStoreTests()
    {
        _store = new LiteDbRunStore(_temporary.Storage);
    }

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void Find_AfterInsert_ReturnsEveryField()
    {
        var expected = SampleRuns.Complete("full-run");
        _store.Insert(expected);

        var actual = _store.Find("full-run")!;

        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.ConfigurationJson, actual.ConfigurationJson);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.StartedAt, actual.StartedAt);
        Assert.Equal(expected.EndedAt, actual.EndedAt);
        Assert.Equal(expected.Progress, actual.Progress);
        Assert.Equal(expected.Phase, actual.Phase);
        Assert.Equal(expected.Device, actual.Device);
        Assert.Equal(expected.Error, actual.Error);
        Assert.Equal(expected.WorkerProcessId, actual.WorkerProcessId);
        Assert.Equal(expected.GroupId, actual.GroupId);
        Assert.Equal(expected.Summary!.HeadlineKey, actual.Summary!.HeadlineKey);
        Assert.Equal(expected.Summary.Measures, actual.Summary.Measures);
        Assert.Equal(expected.Artifacts, actual.Artifacts);
    }

    [Fact]
    public void Find_AfterInsert_KeepsTicksOfTimes()
    {
        var expected = SampleRuns.Complete("ticks");
        _store.Insert(expected);

        var actual = _store.Find("ticks")!;

        Assert.Equal(expected.CreatedAt.UtcTicks, actual.CreatedAt.UtcTicks);
        Assert.Equal(expected.StartedAt!.Value.UtcTicks, actual.StartedAt!.Value.UtcTicks);
        Assert.Equal(expected.Artifacts[1].CreatedAt.UtcTicks, actual.Artifacts[1].CreatedAt.UtcTicks);
    }

    [Fact]
    public void Find_RunWithOnlyRequiredFields_ReturnsNulls()
    {
        _store.Insert(SampleRuns.Create("bare"));

        var actual = _store.Find("bare")!;

        Assert.Null(actual.StartedAt);
        Assert.Null(actual.EndedAt);
        Assert.Null(actual.Phase);
        Assert.Null(actual.Device);
        Assert.Null(actual.Summary);
        Assert.Null(actual.Error);
        Assert.Null(actual.WorkerProcessId);
        Assert.Null(actual.GroupId);
        Assert.Empty(actual.Artifacts);
    }

    [Fact]
    public void Find_UnknownId_ReturnsNull()
    {
        Assert.Null(_store.Find("missing"));
    }

    [Fact]
    public void Insert_ExistingId_ThrowsInvalidOperation()
    {
        _store.Insert(SampleRuns.Create("twice"));

        var exception = Assert.Throws<InvalidOperationException>(() => _store.Insert(SampleRuns.Create("twice")));

        Assert.Contains("'twice'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Insert_NonObjectConfiguration_ThrowsArgument()
    {
        var invalid = SampleRuns.Create("bad-json", configurationJson: "[1, 2]");

        var exception = Assert.Throws<ArgumentException>(() => _store.Insert(invalid));

        Assert.Contains("'bad-json'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Insert_Configuration_IsQueryableAsDocument()
    {
        _store.Insert(SampleRuns.Create("slow", configurationJson: """{"epochs":5,"learningRate":0.01}"""));
        _store.Insert(SampleRuns.Create("fast", configurationJson: """{"epochs":5,"learningRate":0.5}"""));

        var matches = _temporary.Storage.Database.GetCollection("runs")
            .Find(BsonExpression.Create("$.Configuration.learningRate > @0", 0.1))
            .Select(document => document["_id"].AsString)
            .ToList();

        Assert.Equal(["fast"], matches);
    }

    [Fact]
    public void Update_ExistingRun_ReplacesStoredFields()
    {
        var run = SampleRuns.Create("update-me");
        _store.Insert(run);

        run.Status = RunStatus.Running;
        run.Progress = 0.5;
        run.Phase = "epoch 1 of 2";
        run.StartedAt = SampleRuns.Epoch.AddSeconds(30);
        _store.Update(run);
        var stored = _store.Find("update-me")!;

        Assert.Equal(RunStatus.Running, stored.Status);
        Assert.Equal(0.5, stored.Progress);
        Assert.Equal("epoch 1 of 2", stored.Phase);
        Assert.Equal(SampleRuns.Epoch.AddSeconds(30), stored.StartedAt);
    }

    [Fact]
    public void Update_ClearedField_StoresNull()
    {
        var run = SampleRuns.Complete("clear-me");
        _store.Insert(run);

        run.Summary = null;
        run.WorkerProcessId = null;
        _store.Update(run);
        var stored = _store.Find("clear-me")!;

        Assert.Null(stored.Summary);
        Assert.Null(stored.WorkerProcessId);
    }

    [Fact]
    public void Update_UnknownRun_ThrowsKeyNotFound()
    {
        var exception = Assert.Throws<KeyNotFoundException>(() => _store.Update(SampleRuns.Create("ghost")));

        Assert.Contains("'ghost'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindByStatus_ReturnsOldestFirst()
    {
        _store.Insert(SampleRuns.Create("third", status: RunStatus.Queued, minute: 30));
        _store.Insert(SampleRuns.Create("first", status: RunStatus.Queued, minute: 10));
        _store.Insert(SampleRuns.Create("running", status: RunStatus.Running, minute: 5));
        _store.Insert(SampleRuns.Create("second", status: RunStatus.Queued, minute: 20));

        var queued = _store.FindByStatus(RunStatus.Queued).Select(run => run.Id);

        Assert.Equal(["first", "second", "third"], queued);
    }

    [Fact]
    public void FindByStatus_NoMatch_ReturnsEmpty()
    {
        _store.Insert(SampleRuns.Create("queued"));

        Assert.Empty(_store.FindByStatus(RunStatus.Failed));
    }

    [Fact]
    public void CountByStatus_CountsOnlyThatStatus()
    {
        _store.Insert(SampleRuns.Create("a", status: RunStatus.Running));
        _store.Insert(SampleRuns.Create("b", status: RunStatus.Running));
        _store.Insert(SampleRuns.Create("c", status: RunStatus.Completed));

        Assert.Equal(2, _store.CountByStatus(RunStatus.Running));
        Assert.Equal(1, _store.CountByStatus(RunStatus.Completed));
        Assert.Equal(0, _store.CountByStatus(RunStatus.Failed));
    }
}
