using Dashboard.Core.Experiments;
using Dashboard.Training.Data;
using Dashboard.Training.Tests.Support;

namespace Dashboard.Training.Tests.Data;

public sealed class FashionMnistTests
{
    [Fact]
    public void MissingFolderNamesPathAndPackage()
    {
        string folder = Path.Combine(Path.GetTempPath(), "no-such-fashion-mnist-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<RunFailedException>(() => FashionMnist.Load(folder));

        Assert.Contains(folder, error.Message);
        Assert.Contains("sudo apt-get install dataset-fashion-mnist", error.Message);
        Assert.Contains("Datasets:fashion-mnist", error.Message);
    }

    [Fact]
    public void MissingFileNamesPathAndPackage()
    {
        using var folder = new TemporaryFolder();

        var error = Assert.Throws<RunFailedException>(() => FashionMnist.Load(folder.Path));

        Assert.Contains(folder.File("train-images-idx3-ubyte.gz"), error.Message);
        Assert.Contains("sudo apt-get install dataset-fashion-mnist", error.Message);
    }

    [Fact]
    public void InvalidFileFailsRunWithPath()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllBytes(folder.File("train-images-idx3-ubyte.gz"), IdxFiles.Gzip(IdxFiles.Images(2, 28, 28, _ => 0)));
        File.WriteAllBytes(folder.File("train-labels-idx1-ubyte.gz"), IdxFiles.Gzip(IdxFiles.Labels(1)));

        var error = Assert.Throws<RunFailedException>(() => FashionMnist.Load(folder.Path));

        Assert.Contains(folder.File("train-labels-idx1-ubyte.gz"), error.Message);
    }

    [Fact]
    public void UncompressedFilesLoad()
    {
        using var folder = new TemporaryFolder();
        foreach (string split in new[] { "train", "t10k" })
        {
            File.WriteAllBytes(folder.File($"{split}-images-idx3-ubyte"), IdxFiles.Images(2, 28, 28, i => (byte)(i % 256)));
            File.WriteAllBytes(folder.File($"{split}-labels-idx1-ubyte"), IdxFiles.Labels(9, 0));
        }

        var dataset = FashionMnist.Load(folder.Path);

        Assert.Equal(2, dataset.Test.Count);
        Assert.Equal(1f, dataset.Training.Pixels[255]);
        Assert.Equal(new[] { 9, 0 }, dataset.Training.Labels);
    }

    [Fact]
    public void LabelAboveNineRejected()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllBytes(folder.File("train-images-idx3-ubyte"), IdxFiles.Images(1, 28, 28, _ => 0));
        File.WriteAllBytes(folder.File("train-labels-idx1-ubyte"), IdxFiles.Labels(10));

        var error = Assert.Throws<RunFailedException>(() => FashionMnist.Load(folder.Path));

        Assert.Contains("label 10 at index 0", error.Message);
    }

    [Fact]
    public void UnsetFolderFallsBackToDebianPackage()
    {
        string folder = FashionMnist.ResolveFolder(new RunEnvironment());

        Assert.Equal(FashionMnist.DebianPackageFolder, folder);
    }

    [Fact]
    public void InstalledDatasetLoads()
    {
        var dataset = FashionMnist.Load(FashionMnist.DebianPackageFolder);

        Assert.Equal(60_000, dataset.Training.Count);
        Assert.Equal(10_000, dataset.Test.Count);
        Assert.Equal(new ImageShape(1, 28, 28), dataset.Training.Shape);
        Assert.Equal(Enumerable.Range(0, 10), dataset.Training.Labels.Distinct().Order());
        Assert.Equal(Enumerable.Range(0, 10), dataset.Test.Labels.Distinct().Order());
        Assert.Equal(0f, dataset.Test.Pixels.Min());
        Assert.Equal(1f, dataset.Test.Pixels.Max());
    }
}
