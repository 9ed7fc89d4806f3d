using Dashboard.Core.Experiments;
using Dashboard.Training.Data;
using Dashboard.Training.Tests.Support;

namespace Dashboard.Training.Tests.Data;

public sealed class Cifar10Tests
{
    [Fact]
    public void SmallBatchesLoad()
    {
        using var folder = new TemporaryFolder();
        Cifar10Files.WriteAll(folder.Path);

        var dataset = Cifar10.Load(folder.Path);

        Assert.Equal(10, dataset.Training.Count);
        Assert.Equal(3, dataset.Test.Count);
        Assert.Equal(new ImageShape(3, 32, 32), dataset.Training.Shape);
        Assert.Equal(new[] { 0, 5, 1, 6, 2, 7, 3, 8, 4, 9 }, dataset.Training.Labels);
        Assert.Equal(new[] { 9, 0, 3 }, dataset.Test.Labels);
        Assert.Equal("airplane", dataset.ClassNames[0]);
    }

    [Fact]
    public void PixelsKeepPlaneOrderScaled()
    {
        using var folder = new TemporaryFolder();
        Cifar10Files.WriteAll(folder.Path);

        var dataset = Cifar10.Load(folder.Path);

        // Test record 2: red plane first, so index 1024 is the green plane's first pixel.
        var image = dataset.Test.Image(2);
        Assert.Equal(Cifar10Files.Pixel(2, 0) / 255f, image[0]);
        Assert.Equal(Cifar10Files.Pixel(2, 1024) / 255f, image[1024]);
        Assert.Equal(Cifar10Files.Pixel(2, 3071) / 255f, image[3071]);
    }

    [Fact]
    public void ArchiveSubfolderFound()
    {
        using var folder = new TemporaryFolder();
        Cifar10Files.WriteAll(Path.Combine(folder.Path, Cifar10.ArchiveFolder));

        Assert.Null(Cifar10.FindMissingFile(folder.Path));
        Assert.Equal(10, Cifar10.Load(folder.Path).Training.Count);
    }

    [Fact]
    public void ClassNamesFileUsed()
    {
        using var folder = new TemporaryFolder();
        Cifar10Files.WriteAll(folder.Path);
        string[] names = ["plane", "car", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "lorry"];
        File.WriteAllText(folder.File("batches.meta.txt"), string.Join('\n', names) + "\n\n");

        var dataset = Cifar10.Load(folder.Path);

        Assert.Equal(names, dataset.ClassNames);
    }

    [Fact]
    public void ClassNamesFileWithWrongCountRejected()
    {
        using var folder = new TemporaryFolder();
        Cifar10Files.WriteAll(folder.Path);
        File.WriteAllText(folder.File("batches.meta.txt"), "a\nb\n");

        var error = Assert.Throws<RunFailedException>(() => Cifar10.Load(folder.Path));

        Assert.Contains(folder.File("batches.meta.txt"), error.Message);
        Assert.Contains("lists 2 class names", error.Message);
    }

    [Fact]
    public void TruncatedFileNamedWithFix()
    {
        using var folder = new TemporaryFolder();
        Cifar10Files.WriteAll(folder.Path);
        byte[] full = Cifar10Files.Batch(1, 2);
        File.WriteAllBytes(folder.File("data_batch_3.bin"), full[..^100]);

        var error = Assert.Throws<RunFailedException>(() => Cifar10.Load(folder.Path));

        Assert.Contains(folder.File("data_batch_3.bin"), error.Message);
        Assert.Contains("truncated", error.Message);
        Assert.Contains("2973 bytes left over", error.Message);
        Assert.Contains(Cifar10.DownloadPage, error.Message);
        Assert.Contains("Datasets:cifar-10", error.Message);
    }

    [Fact]
    public void EmptyFileRejected()
    {
        using var folder = new TemporaryFolder();
        Cifar10Files.WriteAll(folder.Path);
        File.WriteAllBytes(folder.File("test_batch.bin"), []);

        var error = Assert.Throws<RunFailedException>(() => Cifar10.Load(folder.Path));

        Assert.Contains(folder.File("test_batch.bin"), error.Message);
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void LabelAboveNineRejected()
    {
        using var folder = new TemporaryFolder();
        Cifar10Files.WriteAll(folder.Path);
        File.WriteAllBytes(folder.File("data_batch_2.bin"), Cifar10Files.Batch(4, 10));

        var error = Assert.Throws<RunFailedException>(() => Cifar10.Load(folder.Path));

        Assert.Contains(folder.File("data_batch_2.bin"), error.Message);
        Assert.Contains("label 10 in record 1", error.Message);
    }

    [Fact]
    public void MissingFileNamedWithSource()
    {
        using var folder = new TemporaryFolder();
        Cifar10Files.WriteAll(folder.Path);
        File.Delete(folder.File("data_batch_4.bin"));

        var error = Assert.Throws<RunFailedException>(() => Cifar10.Load(folder.Path));

        Assert.Contains($"file {folder.File("data_batch_4.bin")} does not exist", error.Message);
        Assert.Contains("https://www.cs.toronto.edu/~kriz/cifar.html", error.Message);
        Assert.Contains("binary version", error.Message);
        Assert.Contains("Datasets:cifar-10", error.Message);
    }

    [Fact]
    public void MissingFolderNamed()
    {
        string folder = Path.Combine(Path.GetTempPath(), "no-such-cifar-10-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<RunFailedException>(() => Cifar10.Load(folder));

        Assert.Contains($"folder {folder} does not exist", error.Message);
        Assert.Equal(folder, Cifar10.FindMissingFile(folder));
    }

    [Fact]
    public void UnsetFolderFailsWithSetting()
    {
        var error = Assert.Throws<RunFailedException>(() => Cifar10.ResolveFolder(new RunEnvironment()));

        Assert.Contains("Datasets:cifar-10", error.Message);
        Assert.Contains(Cifar10.DownloadPage, error.Message);
    }

    [Fact]
    public void ConfiguredFolderResolved()
    {
        var environment = new RunEnvironment { DatasetPaths = new Dictionary<string, string> { ["cifar-10"] = "/data/cifar" } };

        Assert.Equal("/data/cifar", Cifar10.ResolveFolder(environment));
    }
}
