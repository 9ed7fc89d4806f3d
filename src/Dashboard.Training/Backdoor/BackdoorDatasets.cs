using Dashboard.Core.Experiments;
using Dashboard.Training.Data;

namespace Dashboard.Training.Backdoor;

/// <summary>Maps <see cref="BackdoorDataset"/> choices to dataset facts and loaders.</summary>
public static class BackdoorDatasets
{
    public static DatasetInfo Info(BackdoorDataset dataset) => dataset switch
    {
        BackdoorDataset.FashionMnist => FashionMnist.Info,
        _ => throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "Unknown dataset."),
    };

    /// <summary>Returns the folder that <paramref name="environment"/> sets for <paramref name="dataset"/>, or its default.</summary>
    public static string ResolveFolder(BackdoorDataset dataset, RunEnvironment environment) => dataset switch
    {
        BackdoorDataset.FashionMnist => FashionMnist.ResolveFolder(environment),
        _ => throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "Unknown dataset."),
    };

    /// <exception cref="RunFailedException">The folder or a file is missing or invalid.</exception>
    public static ImageDataset Load(BackdoorDataset dataset, string folder) => dataset switch
    {
        BackdoorDataset.FashionMnist => FashionMnist.Load(folder),
        _ => throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "Unknown dataset."),
    };
}
