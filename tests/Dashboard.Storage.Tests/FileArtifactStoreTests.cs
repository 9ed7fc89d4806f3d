using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Storage.Tests;

public sealed class FileArtifactStoreTests : IDisposable
{
    private readonly TemporaryStorage _temporary = new();
    private readonly FileArtifactStore _store;

    public FileArtifactStoreTests()
    {
        _store = new FileArtifactStore(_temporary.Options, NullLogger<FileArtifactStore>.Instance);
    }

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void Open_AfterSave_ReturnsSavedBytes()
    {
        byte[] content = [1, 2, 3, 250];
        _store.Save("run1", "model.pt", "application/octet-stream", content);

        using var stream = _store.Open("run1", "model.pt")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);

        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public void Save_ReturnsDescription()
    {
        var before = DateTimeOffset.UtcNow;

        var info = _store.Save("run1", "confusion.png", "image/png", new byte[2048]);

        Assert.Equal("confusion.png", info.Name);
        Assert.Equal("image/png", info.ContentType);
        Assert.Equal(2048, info.Length);
        Assert.InRange(info.CreatedAt, before, DateTimeOffset.UtcNow);
    }

    [Fact]
    public void Save_WritesIntoRunFolder()
    {
        _store.Save("run1", "notes.txt", "text/plain", "hello"u8);

        Assert.True(File.Exists(Path.Combine(_temporary.Options.ArtifactsPath, "run1", "notes.txt")));
    }

    [Fact]
    public void Save_ExistingName_ReplacesContent()
    {
        _store.Save("run1", "notes.txt", "text/plain", "first version"u8);
        _store.Save("run1", "notes.txt", "text/plain", "second"u8);

        using var reader = new StreamReader(_store.Open("run1", "notes.txt")!);

        Assert.Equal("second", reader.ReadToEnd());
    }

    [Fact]
    public void Save_LeavesNoTemporaryFile()
    {
        _store.Save("run1", "notes.txt", "text/plain", "hello"u8);

        Assert.Equal(["notes.txt"], Directory.GetFiles(_store.RunFolder("run1")).Select(Path.GetFileName));
    }

    [Fact]
    public void Open_MissingArtifact_ReturnsNull()
    {
        Assert.Null(_store.Open("run1", "missing.bin"));
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("sub/file.txt")]
    [InlineData("sub\\file.txt")]
    [InlineData("with space.txt")]
    [InlineData("")]
    [InlineData("/etc/passwd")]
    [InlineData("naïve.txt")]
    public void Save_InvalidName_ThrowsArgumentNamingValue(string name)
    {
        var exception = Assert.Throws<ArgumentException>(() => _store.Save("run1", name, "text/plain", "x"u8));

        Assert.Contains($"'{name}'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_NameOf101Characters_ThrowsArgument()
    {
        Assert.Throws<ArgumentException>(() => _store.Save("run1", new string('a', 101), "text/plain", "x"u8));
    }

    [Fact]
    public void Save_NameOf100Characters_IsAccepted()
    {
        var info = _store.Save("run1", new string('a', 100), "text/plain", "x"u8);

        Assert.Equal(100, info.Name.Length);
    }

    [Theory]
    [InlineData("../other")]
    [InlineData("..")]
    [InlineData("a/b")]
    public void Save_InvalidRunId_ThrowsArgumentNamingValue(string runId)
    {
        var exception = Assert.Throws<ArgumentException>(() => _store.Save(runId, "file.txt", "text/plain", "x"u8));

        Assert.Contains($"'{runId}'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_TraversalName_ThrowsArgument()
    {
        Assert.Throws<ArgumentException>(() => _store.Open("run1", "../../dashboard.db"));
    }

    [Fact]
    public void RunFolder_ReturnsFolderUnderArtifactsPath()
    {
        string folder = _store.RunFolder("run1");

        Assert.Equal(Path.Combine(_temporary.Options.ArtifactsPath, "run1"), folder);
        Assert.True(Directory.Exists(folder));
    }

    [Fact]
    public void Constructor_ParentIsFile_NamesPathAndSetting()
    {
        string file = Path.Combine(_temporary.Folder, "plain-file");
        File.WriteAllText(file, "not a folder");
        var options = new StorageOptions { ArtifactsPath = Path.Combine(file, "artifacts") };

        var exception = Assert.Throws<StorageUnavailableException>(
            () => new FileArtifactStore(options, NullLogger<FileArtifactStore>.Instance));

        Assert.Contains(Path.Combine(file, "artifacts"), exception.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:ArtifactsPath", exception.Message, StringComparison.Ordinal);
    }
}
