using Dashboard.Core.Experiments;
using Dashboard.Core.Configuration;
using Dashboard.Training.Backdoor;
using Dashboard.Training.Data;
using Dashboard.Training.Tests.Support;

namespace Dashboard.Training.Tests.Data;

public sealed class DatasetAvailabilityTests
{
    private static readonly Dictionary<string, string> NoSettings = [];

    [Fact]
    public void UnsetCifarUnavailable()
    {
        Assert.False(BackdoorDatasets.IsAvailable(BackdoorDataset.Cifar10, NoSettings));
        Assert.Equal("CIFAR-10 needs the setting Datasets:cifar-10.", BackdoorDatasets.DescribeUnavailable(BackdoorDataset.Cifar10, NoSettings));
    }

    [Fact]
    public void UnsetGtsrbUnavailable()
    {
        Assert.False(BackdoorDatasets.IsAvailable(BackdoorDataset.Gtsrb, NoSettings));
    }

    [Fact]
    public void MissingFolderUnavailable()
    {
        string folder = Path.Combine(Path.GetTempPath(), "no-such-dataset-" + Guid.NewGuid().ToString("N"));
        var paths = new Dictionary<string, string> { ["cifar-10"] = folder, ["gtsrb"] = folder };

        Assert.False(BackdoorDatasets.IsAvailable(BackdoorDataset.Cifar10, paths));
        Assert.False(BackdoorDatasets.IsAvailable(BackdoorDataset.Gtsrb, paths));
        Assert.Contains(folder, BackdoorDatasets.DescribeUnavailable(BackdoorDataset.Gtsrb, paths));
    }

    [Fact]
    public void CompleteCifarFolderAvailable()
    {
        using var folder = new TemporaryFolder();
        Cifar10Files.WriteAll(folder.Path);
        var paths = new Dictionary<string, string> { ["cifar-10"] = folder.Path };

        Assert.True(BackdoorDatasets.IsAvailable(BackdoorDataset.Cifar10, paths));
        Assert.Null(BackdoorDatasets.DescribeUnavailable(BackdoorDataset.Cifar10, paths));
    }

    [Fact]
    public void CifarWithoutTestBatchUnavailable()
    {
        using var folder = new TemporaryFolder();
        Cifar10Files.WriteAll(folder.Path);
        File.Delete(folder.File("test_batch.bin"));
        var paths = new Dictionary<string, string> { ["cifar-10"] = folder.Path };

        Assert.Contains(folder.File("test_batch.bin"), BackdoorDatasets.DescribeUnavailable(BackdoorDataset.Cifar10, paths));
    }

    [Fact]
    public void CompleteGtsrbFolderAvailable()
    {
        using var folder = new TemporaryFolder();
        GtsrbFiles.WriteAll(folder.Path);
        var paths = new Dictionary<string, string> { ["gtsrb"] = folder.Path };

        Assert.True(BackdoorDatasets.IsAvailable(BackdoorDataset.Gtsrb, paths));
    }

    [Fact]
    public void FashionMnistFallsBackToDebianPackage()
    {
        // The test machine has Debian's dataset-fashion-mnist installed, as the other Fashion-MNIST tests need.
        Assert.True(BackdoorDatasets.IsAvailable(BackdoorDataset.FashionMnist, NoSettings));
    }

    [Fact]
    public void FashionMnistFolderWithoutFilesUnavailable()
    {
        using var folder = new TemporaryFolder();
        var paths = new Dictionary<string, string> { ["fashion-mnist"] = folder.Path };

        Assert.Contains(folder.File("train-images-idx3-ubyte.gz"), BackdoorDatasets.DescribeUnavailable(BackdoorDataset.FashionMnist, paths));
    }

    [Theory]
    [InlineData(BackdoorDataset.FashionMnist, "fashion-mnist", 10, 60_000)]
    [InlineData(BackdoorDataset.Cifar10, "cifar-10", 10, 50_000)]
    [InlineData(BackdoorDataset.Gtsrb, "gtsrb", 43, 39_209)]
    public void InfoMatchesDataset(BackdoorDataset dataset, string id, int classes, int trainingImages)
    {
        var info = BackdoorDatasets.Info(dataset);

        Assert.Equal(id, info.Id);
        Assert.Equal(classes, info.ClassCount);
        Assert.Equal(trainingImages, info.TrainingImages);
    }

    [Theory]
    [InlineData(BackdoorDataset.FashionMnist, "fashionMnist", "Fashion-MNIST")]
    [InlineData(BackdoorDataset.Cifar10, "cifar10", "CIFAR-10")]
    [InlineData(BackdoorDataset.Gtsrb, "gtsrb", "GTSRB")]
    public void DatasetChoiceJsonAndLabel(BackdoorDataset dataset, string json, string label)
    {
        var field = ConfigurationSchema.For(typeof(BackdoorConfiguration)).Find("dataset")!;

        var choice = Assert.Single(field.Choices, c => c.Value == json);
        Assert.Equal(label, choice.Label);
        Assert.Contains($"\"dataset\":\"{json}\"", ConfigurationJson.Serialize(new BackdoorConfiguration { Dataset = dataset }));
    }

    [Fact]
    public void KindOffersCifarOnlyWithSetting()
    {
        using var folder = new TemporaryFolder();
        Cifar10Files.WriteAll(folder.Path);
        var kind = new BackdoorExperiment();
        var withFolder = new RunEnvironment { DatasetPaths = new Dictionary<string, string> { ["cifar-10"] = folder.Path } };

        Assert.Equal("CIFAR-10 needs the setting Datasets:cifar-10.", kind.UnavailableReason("dataset", "cifar10", new RunEnvironment()));
        Assert.Null(kind.UnavailableReason("dataset", "cifar10", withFolder));
        Assert.Null(kind.UnavailableReason("dataset", "fashionMnist", new RunEnvironment()));
    }

    [Fact]
    public void KindIgnoresOtherChoiceFields()
    {
        Assert.Null(new BackdoorExperiment().UnavailableReason("optimizer", "sgd", new RunEnvironment()));
    }
}
