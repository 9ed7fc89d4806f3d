using Dashboard.Core.Runs;

namespace Dashboard.Storage.Tests;

public sealed class RunAnnotationTests : IDisposable
{
    private readonly TemporaryStorage _temporary = new();
    private readonly LiteDbRunStore _store;

    public RunAnnotationTests()
    {
        _store = new LiteDbRunStore(_temporary.Storage);
        _store.Insert(SampleRuns.Create("run1", name: "first"));
    }

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void Edit_NameTagsNotes_AreStored()
    {
        _store.Edit("run1", run =>
        {
            run.Name = "renamed";
            run.Tags = ["sweep", "Paper"];
            run.Notes = "**bold** note";
        });
        var stored = _store.Find("run1")!;

        Assert.Equal("renamed", stored.Name);
        Assert.Equal(["sweep", "Paper"], stored.Tags);
        Assert.Equal("**bold** note", stored.Notes);
    }

    [Fact]
    public void Edit_UnknownRun_ReturnsNull()
    {
        Assert.Null(_store.Edit("ghost", run => run.Name = "x"));
    }

    [Fact]
    public void Edit_StateFields_AreIgnored()
    {
        _store.Edit("run1", run => run.Status = RunStatus.Completed);

        Assert.Equal(RunStatus.Queued, _store.Find("run1")!.Status);
    }

    [Fact]
    public void Update_StaleRecord_KeepsAnnotations()
    {
        var stale = _store.Find("run1")!;
        _store.Edit("run1", run =>
        {
            run.Name = "renamed";
            run.Tags = ["keep"];
            run.ArchivedAt = SampleRuns.Epoch;
        });

        stale.Status = RunStatus.Running;
        _store.Update(stale);
        var stored = _store.Find("run1")!;

        Assert.Equal(RunStatus.Running, stored.Status);
        Assert.Equal("renamed", stored.Name);
        Assert.Equal(["keep"], stored.Tags);
        Assert.Equal(SampleRuns.Epoch, stored.ArchivedAt);
        Assert.Equal("renamed", stale.Name);
    }

    [Fact]
    public void DocumentWithoutAnnotations_ReadsAsActive()
    {
        // A run stored before runs had tags, notes or an archive state.
        var document = RunDocument.FromRecord(SampleRuns.Create("old", minute: 5));
        foreach (string field in new[] { "Tags", "TagKeys", "Notes", "ArchivedAt", "Archived" })
        {
            document.Remove(field);
        }

        _temporary.Storage.Database.GetCollection("runs").Insert(document);
        var store = new LiteDbRunStore(_temporary.Storage);
        var stored = store.Find("old")!;

        Assert.Empty(stored.Tags);
        Assert.Null(stored.Notes);
        Assert.Null(stored.ArchivedAt);
        Assert.Equal(["old", "run1"], store.Query(new RunQuery()).Items.Select(run => run.Id));
        Assert.Equal(["old"], store.Query(new RunQuery { Search = "baseline" }).Items.Select(run => run.Id));
        Assert.Empty(store.Query(new RunQuery { Search = "tag:baseline" }).Items);
    }

    [Fact]
    public void Delete_ExistingRun_RemovesDocument()
    {
        Assert.True(_store.Delete("run1"));
        Assert.Null(_store.Find("run1"));
        Assert.False(_store.Delete("run1"));
    }
}
