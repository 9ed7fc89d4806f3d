using Dashboard.Core.Checkpoints;

namespace Dashboard.Core.Tests.Checkpoints;

public sealed class CheckpointFolderTests : IDisposable
{
    private readonly string _path = Directory.CreateTempSubdirectory("dashboard-checkpoint-tests-").FullName;

    public void Dispose() => Directory.Delete(_path, recursive: true);

    [Fact]
    public void LatestReturnsNewestSaved()
    {
        var folder = new CheckpointFolder(_path, kept: 3);

        Save(folder, ordinal: 1);
        Save(folder, ordinal: 2);

        Assert.Equal(2, folder.Latest()?.Info.Ordinal);
    }

    [Fact]
    public void SaveKeepsInfoAndFiles()
    {
        var folder = new CheckpointFolder(_path, kept: 1);

        Save(folder, ordinal: 4);
        var latest = folder.Latest()!;

        var expected = Info(4);
        Assert.Equal(expected with { CompletedMetrics = [] }, latest.Info with { CompletedMetrics = [] });
        Assert.Equal(expected.CompletedMetrics, latest.Info.CompletedMetrics);
        Assert.Equal("state 4", File.ReadAllText(latest.File("state.txt")));
    }

    [Fact]
    public void PruningKeepsNewestCount()
    {
        var folder = new CheckpointFolder(_path, kept: 2);

        for (int ordinal = 1; ordinal <= 5; ordinal++)
        {
            Save(folder, ordinal);
        }

        Assert.Equal([4, 5], folder.List().Select(c => c.Info.Ordinal));
        Assert.Equal(2, Directory.GetDirectories(_path).Length);
    }

    [Fact]
    public void FailedWriteKeepsPreviousLatest()
    {
        var folder = new CheckpointFolder(_path, kept: 1);
        Save(folder, ordinal: 1);

        Assert.Throws<IOException>(() => folder.Save(Info(2), directory =>
        {
            File.WriteAllText(Path.Combine(directory, "state.txt"), "half written");
            throw new IOException("disk full");
        }));

        Assert.Equal(1, folder.Latest()?.Info.Ordinal);
        Assert.Single(Directory.GetDirectories(_path));
    }

    [Fact]
    public void KilledWriteLeavesNoCheckpoint()
    {
        var folder = new CheckpointFolder(_path, kept: 1);
        Save(folder, ordinal: 1);

        // What a process killed while writing leaves behind: a temporary folder without checkpoint.json, and
        // a final-looking folder whose description is cut off.
        string partial = Directory.CreateDirectory(Path.Combine(_path, ".partial-00002-0123")).FullName;
        File.WriteAllText(Path.Combine(partial, "state.txt"), "half written");
        string torn = Directory.CreateDirectory(Path.Combine(_path, "checkpoint-00003")).FullName;
        File.WriteAllText(Path.Combine(torn, CheckpointFolder.InfoFileName), "{\"ordinal\": 3, \"pha");

        Assert.Equal(1, folder.Latest()?.Info.Ordinal);
    }

    [Fact]
    public void NextSaveRemovesTemporaryFolders()
    {
        var folder = new CheckpointFolder(_path, kept: 1);
        Directory.CreateDirectory(Path.Combine(_path, ".partial-00001-0123"));

        Save(folder, ordinal: 2);

        Assert.Equal(["checkpoint-00002"], Directory.GetDirectories(_path).Select(Path.GetFileName));
    }

    [Fact]
    public void SavingSameOrdinalReplacesIt()
    {
        var folder = new CheckpointFolder(_path, kept: 2);
        Save(folder, ordinal: 1);
        Save(folder, ordinal: 2);

        folder.Save(Info(2), directory => File.WriteAllText(Path.Combine(directory, "state.txt"), "again"));

        Assert.Equal("again", File.ReadAllText(folder.Latest()!.File("state.txt")));
        Assert.Equal([1, 2], folder.List().Select(c => c.Info.Ordinal));
    }

    [Fact]
    public void MissingFolderHasNoLatest()
    {
        var folder = new CheckpointFolder(Path.Combine(_path, "never-created"), kept: 1);

        Assert.Null(folder.Latest());
    }

    private static readonly DateTimeOffset Time = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static CheckpointInfo Info(int ordinal) => new(ordinal, "final", ordinal, ordinal * 10L, ["defence/*"], 1.5, Time);

    private static void Save(CheckpointFolder folder, int ordinal) =>
        folder.Save(Info(ordinal), directory => File.WriteAllText(Path.Combine(directory, "state.txt"), $"state {ordinal}"));
}
