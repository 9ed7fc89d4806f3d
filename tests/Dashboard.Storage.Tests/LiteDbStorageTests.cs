using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Storage.Tests;

public sealed class LiteDbStorageTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dashboard-storage-tests", Guid.NewGuid().ToString("N"));

    public LiteDbStorageTests()
    {
        Directory.CreateDirectory(_folder);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Constructor_MissingFolder_CreatesDatabaseFile()
    {
        string path = Path.Combine(_folder, "nested", "deeper", "dashboard.db");

        using var storage = Open(path);

        Assert.True(File.Exists(path));
    }

    [Fact]
    public void Constructor_DatabaseOpenElsewhere_Throws()
    {
        string path = Path.Combine(_folder, "dashboard.db");
        using var first = Open(path);

        var exception = Assert.Throws<StorageUnavailableException>(() => Open(path));

        Assert.Contains("open in another process", exception.Message);
        Assert.Equal(Path.GetFullPath(path), exception.Path);
    }

    [Fact]
    public void Constructor_AfterDispose_OpensAgain()
    {
        string path = Path.Combine(_folder, "dashboard.db");
        Open(path).Dispose();

        using var second = Open(path);

        Assert.True(second.IsHealthy());
    }

    [Fact]
    public void Constructor_ParentIsFile_NamesPathAndSetting()
    {
        // A regular file as parent folder fails for root too, unlike file permissions.
        string file = Path.Combine(_folder, "plain-file");
        File.WriteAllText(file, "not a folder");
        string path = Path.Combine(file, "dashboard.db");

        var exception = Assert.Throws<StorageUnavailableException>(() => Open(path));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:DatabasePath", exception.Message, StringComparison.Ordinal);
        Assert.Equal(path, exception.Path);
    }

    [Fact]
    public void Constructor_PathIsDirectory_ThrowsNamingPath()
    {
        string path = Path.Combine(_folder, "a-directory");
        Directory.CreateDirectory(path);

        var exception = Assert.Throws<StorageUnavailableException>(() => Open(path));

        Assert.StartsWith($"Cannot open the run database at {path}: ", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith("Set Storage:DatabasePath to a writable file.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_FileNotLiteDb_ThrowsNamingPath()
    {
        string path = Path.Combine(_folder, "not-a-database.db");
        File.WriteAllText(path, new string('x', 20_000));

        var exception = Assert.Throws<StorageUnavailableException>(() => Open(path));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ChunkSizeZero_ThrowsArgumentOutOfRange()
    {
        var options = new StorageOptions { DatabasePath = Path.Combine(_folder, "dashboard.db"), MetricPointsPerChunk = 0 };

        Assert.Throws<ArgumentOutOfRangeException>(() => new LiteDbStorage(options, NullLogger<LiteDbStorage>.Instance));
    }

    [Fact]
    public void Constructor_FileWithDefaultCollation_RebuildsToOrdinal()
    {
        string path = Path.Combine(_folder, "old.db");
        using (var old = new LiteDatabase(path))
        {
            old.GetCollection("runs").Insert(new BsonDocument { ["_id"] = "kept" });
        }

        using var storage = Open(path);

        Assert.Equal(LiteDbFile.Collation.ToString(), storage.Database.Collation.ToString());
        Assert.NotNull(storage.Database.GetCollection("runs").FindById("kept"));
    }

    [Fact]
    public void IsHealthy_OpenDatabase_ReturnsTrue()
    {
        using var storage = Open(Path.Combine(_folder, "dashboard.db"));

        Assert.True(storage.IsHealthy());
    }

    [Fact]
    public void IsHealthy_AfterDispose_ReturnsFalse()
    {
        var storage = Open(Path.Combine(_folder, "dashboard.db"));
        storage.Dispose();

        Assert.False(storage.IsHealthy());
    }

    [Fact]
    public void Checkpoint_AfterWrites_EmptiesWriteAheadLog()
    {
        string path = Path.Combine(_folder, "dashboard.db");
        using var storage = Open(path);
        new LiteDbMetricStore(storage).Append("run1", [SampleMetrics.Batch("train/loss", 0, 5_000)]);

        storage.Checkpoint();

        Assert.Equal(0, WriteAheadLogLength(path));
    }

    [Fact]
    public void Dispose_AfterWrites_LeavesNoWriteAheadLog()
    {
        string path = Path.Combine(_folder, "dashboard.db");
        var storage = Open(path);
        new LiteDbMetricStore(storage).Append("run1", [SampleMetrics.Batch("train/loss", 0, 5_000)]);

        storage.Dispose();

        Assert.Equal(0, WriteAheadLogLength(path));
    }

    [Fact]
    public void Dispose_Twice_DoesNotThrow()
    {
        var storage = Open(Path.Combine(_folder, "dashboard.db"));
        storage.Dispose();

        var exception = Record.Exception(storage.Dispose);

        Assert.Null(exception);
    }

    private static LiteDbStorage Open(string path) =>
        new(new StorageOptions { DatabasePath = path }, NullLogger<LiteDbStorage>.Instance);

    /// <summary>Returns the length of LiteDB's <c>-log.db</c> file beside <paramref name="path"/>, or 0 if it is gone.</summary>
    private static long WriteAheadLogLength(string path)
    {
        var log = new FileInfo(Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + "-log.db"));
        return log.Exists ? log.Length : 0;
    }
}
